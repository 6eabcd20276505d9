using System.Security.Claims;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// The Owner's setting "two-factor sign-in required for Owner and Finance". While it is on, an Owner or Finance session that did
/// not pass a two-factor sign-in may do nothing but set up an authenticator (<see cref="SetupPath"/>). API keys are not people
/// and are not affected.
/// </summary>
public sealed class TwoFactorPolicy(BusinessSettings settings)
{
    public const string SettingKey = "security.require-two-factor";
    public const string SetupPath = "/akun/dua-langkah";

    /// <summary>The roles the requirement covers: those who see every debit and sign money off.</summary>
    public static readonly string[] RequiredFor = [Roles.Owner, Roles.Finance];

    /// <summary>Identity adds "amr" = "mfa" to the sign-in of a person who gave an authenticator or recovery code.</summary>
    public static bool PassedTwoFactor(ClaimsPrincipal user) => user.HasClaim("amr", "mfa");

    public async Task<bool> IsRequiredAsync(CancellationToken ct = default) =>
        string.Equals(await settings.GetAsync(SettingKey, ct), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Audited through the settings store (action "setting.set", key <see cref="SettingKey"/>).</summary>
    public Task SetRequiredAsync(bool required, Actor actor, CancellationToken ct = default) =>
        settings.SetAsync(SettingKey, required ? "true" : "false", actor, ct);

    public Task<bool> MustSetUpAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        MustSetUpAsync(user, user.FindAll(ClaimTypes.Role).Select(c => c.Value), ct);

    /// <summary>True when the requirement is on, <paramref name="roles"/> include Owner or Finance, and the session skipped two-factor.</summary>
    public async Task<bool> MustSetUpAsync(ClaimsPrincipal user, IEnumerable<string> roles, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true || EndpointAccess.ScopesOf(user) is not null) return false;
        if (!roles.Any(RequiredFor.Contains) || PassedTwoFactor(user)) return false;
        return await IsRequiredAsync(ct);
    }
}

/// <summary>
/// While an Owner or Finance session must still set up two-factor sign-in, page navigations lead to the setup page (the
/// permission handler refuses everything else anyway; this turns "access denied" into the way forward).
/// </summary>
internal sealed class TwoFactorGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TwoFactorPolicy policy)
    {
        var path = context.Request.Path;
        if (HttpMethods.IsGet(context.Request.Method) && context.User.Identity?.IsAuthenticated == true && FirstRunRedirect.IsPage(path)
            && !path.StartsWithSegments(TwoFactorPolicy.SetupPath) && !path.StartsWithSegments("/masuk") && !path.StartsWithSegments("/keluar")
            && !path.StartsWithSegments("/v") && await policy.MustSetUpAsync(context.User, context.RequestAborted))
        {
            context.Response.Redirect(TwoFactorPolicy.SetupPath);
            return;
        }
        await next(context);
    }
}
