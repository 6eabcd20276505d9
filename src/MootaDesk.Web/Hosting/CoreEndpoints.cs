using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Data;
using MootaDesk.Core.Domain;

namespace MootaDesk.Web.Hosting;

internal static class CoreEndpoints
{
    public static IEndpointRouteBuilder MapMootaDeskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IDbContextFactory<MootaDeskDbContext> factory, IDbContextFactory<Core.Data.Inbox.InboxDbContext> inboxFactory,
            TimeProvider time, CancellationToken ct) =>
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                if (!await db.Database.CanConnectAsync(ct)) throw new InvalidOperationException("database did not answer");
                await db.Accounts.AsNoTracking().AnyAsync(ct);
                // Webhooks are answered from the inbox file: the app is not healthy if Moota's deliveries cannot be kept.
                await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
                await inbox.WebhookDeliveries.AsNoTracking().AnyAsync(ct);
                return Results.Json(new { status = "ok", database = "ok", time = time.GetUtcNow() });
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                return Results.Json(new { status = "unhealthy", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
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
