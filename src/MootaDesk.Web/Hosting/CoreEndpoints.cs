using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Data;
using MootaDesk.Core.Domain;
using MootaDesk.Web.Features.Ingest.Webhooks;

namespace MootaDesk.Web.Hosting;

internal static class CoreEndpoints
{
    public static IEndpointRouteBuilder MapMootaDeskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IDbContextFactory<MootaDeskDbContext> factory, InboxMonitor inboxMonitor, TimeProvider time, CancellationToken ct) =>
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                if (!await db.Database.CanConnectAsync(ct)) throw new InvalidOperationException("database did not answer");
                await db.Accounts.AsNoTracking().AnyAsync(ct);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                return Results.Json(new { status = "unhealthy", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            // Webhooks are answered from the inbox file: a lagging or unwritable inbox means Moota's deliveries are not
            // being kept or stored. Degraded, not unhealthy: the app still serves people, and a restart would not help.
            InboxHealth inbox;
            try
            {
                inbox = await inboxMonitor.CheckAsync(ct);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                inbox = new InboxHealth(false, 0, null, null, 0, 0, ex.GetBaseException().Message);
            }
            return Results.Json(new { status = inbox.Degraded ? "degraded" : "ok", database = "ok", inbox, time = time.GetUtcNow() });
        }).AllowAnonymous();

        // Sets the language cookie and returns to the page the person was on (local URLs only).
        app.MapGet("/budaya", (HttpContext http, [FromQuery] string? c, [FromQuery] string? kembali) =>
        {
            var culture = MootaDeskSetup.SupportedCultures.FirstOrDefault(x => x.Name.Equals(c, StringComparison.OrdinalIgnoreCase))?.Name ?? "id-ID";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var back = !string.IsNullOrEmpty(kembali) && kembali.StartsWith('/') && !kembali.StartsWith("//") && !kembali.StartsWith("/\\") ? kembali : "/";
            return Results.LocalRedirect(back);
        }).AllowAnonymous();

        app.MapPost("/keluar", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/masuk");
        }).RequireAuthorization();

        return app;
    }
}
