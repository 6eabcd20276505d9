using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>The app's own endpoints outside any area: health, language switch, sign-out.</summary>
internal static class PlatformApi
{
    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (StoreHealth store, InboxMonitor inboxMonitor, TimeProvider time, CancellationToken ct) =>
        {
            if (!await store.IsReachableAsync(ct))
                return Results.Json(new { status = "unhealthy", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            // Webhooks are answered from the inbox file: a lagging or unwritable inbox means Moota's deliveries are not
            // being kept or stored. Degraded, not unhealthy: the app still serves people, and a restart would not help.
            InboxHealth inbox;
            try
            {
                inbox = await inboxMonitor.CheckAsync(ct);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                inbox = new InboxHealth(false, 0, null, null, 0, 0, ex.GetBaseException().Message);
            }
            return Results.Json(new { status = inbox.Degraded ? "degraded" : "ok", database = "ok", inbox, time = time.GetUtcNow() });
        }).Public("health check for the process supervisor; says nothing about the business");

        // Sets the language cookie and returns to the page the person was on (local paths only; anything else is a 400).
        app.MapGet("/budaya", (HttpContext http, [FromQuery] string? c, [FromQuery] string? kembali) =>
        {
            if (kembali is not null && !kembali.IsLocalPath()) return ReturnUrl.Refused();
            var culture = MootaDeskSetup.SupportedCultures.FirstOrDefault(x => x.Name.Equals(c, StringComparison.OrdinalIgnoreCase))?.Name ?? "id-ID";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(kembali ?? "/");
        }).Public("language switch: sets a cookie, reads nothing");

        // Signing out ends every session of this person: a new security stamp invalidates copies of the cookie and open tabs.
        app.MapPost("/keluar", async (HttpContext http, SignInManager<AppUser> signIn) =>
        {
            var user = await signIn.UserManager.GetUserAsync(http.User);
            if (user is not null) await signIn.UserManager.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/masuk");
        }).RequirePermission(Actions.SignOut);

        return app;
    }
}
