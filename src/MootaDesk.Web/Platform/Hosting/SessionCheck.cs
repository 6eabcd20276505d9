using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>The `MootaDesk:Sessions` configuration section.</summary>
public sealed class SessionOptions
{
    public const string Section = "MootaDesk:Sessions";

    /// <summary>How often an open tab (a Blazor circuit) re-checks its user against the store; at most 60 (the promise), at least 1.</summary>
    public int RevalidateSeconds { get; set; } = 60;

    public TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Clamp(RevalidateSeconds, 1, 60));
}

/// <summary>
/// Whether a session still stands: its user exists, is enabled, and carries the security stamp the store has now. Disabling a
/// user, changing their roles, resetting their password, changing two-factor sign-in and signing out all change the stamp,
/// so every older cookie and every open tab of that person stops working (cookies at the next request, tabs within
/// <see cref="SessionOptions.RevalidationInterval"/>).
/// </summary>
public sealed class SessionCheck(UserSessions users, IOptions<IdentityOptions> identity, TwoFactorPolicy twoFactor)
{
    /// <summary>The stored user when <paramref name="principal"/>'s session is current; null when it must end.</summary>
    public async Task<StoredUser?> CurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var id = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || stamp is null) return null;
        var user = await users.LoadAsync(id, ct);
        return user is { IsDisabled: false } && string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal) ? user : null;
    }

    /// <summary>
    /// The viewer for a command or query, from the store rather than the claims the session started with: a demoted user's open
    /// tab acts with the new roles at once, a disabled or signed-out one with none.
    /// </summary>
    public async Task<Viewer> ViewerAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var name = principal.Identity?.Name ?? "anonymous";
        if (principal.Identity?.IsAuthenticated != true) return Viewer.Nobody(name);
        // API keys are checked on each request by their handler; their claims are the store's answer already.
        if (EndpointAccess.ScopesOf(principal) is not null) return principal.ToViewer();
        var user = await CurrentAsync(principal, ct);
        if (user is null || await twoFactor.MustSetUpAsync(principal, user.Roles, ct)) return Viewer.Nobody(name);
        return new Viewer(name, user.Id, user.Roles);
    }

    /// <summary>Cookie validation on every request, replacing Identity's once-a-while stamp check: a copied cookie dies with its session.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null) return;
        var check = context.HttpContext.RequestServices.GetRequiredService<SessionCheck>();
        if (await check.CurrentAsync(context.Principal, context.HttpContext.RequestAborted) is not null) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
