using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Platform.SignIn;

/// <summary>Where a person's two-factor sign-in stands, for the security page.</summary>
public sealed record TwoFactorStatus(bool Enabled, string? SharedKey, string? QrDataUrl, int RecoveryCodesLeft, bool RequiredForMe);

/// <summary>
/// A person's own authenticator-app sign-in (ASP.NET Core Identity's TOTP, RFC 6238, 6 digits every 30 s, and ten
/// single-use recovery codes). Every change is audited and changes the security stamp, which ends the person's other
/// sessions; the page then re-issues its own cookie.
/// </summary>
public sealed class TwoFactorSetup(UserManager<AppUser> users, AuditLog audit, TwoFactorPolicy policy)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "MootaDesk";

    public async Task<TwoFactorStatus> StatusAsync(AppUser user)
    {
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = enabled ? null : await users.GetAuthenticatorKeyAsync(user);
        var required = await policy.IsRequiredAsync() && (await users.GetRolesAsync(user)).Any(TwoFactorPolicy.RequiredFor.Contains);
        return new TwoFactorStatus(enabled, key is null ? null : Group(key), key is null ? null : QrCode(user.UserName!, key),
            enabled ? await users.CountRecoveryCodesAsync(user) : 0, required);
    }

    /// <summary>Makes a new secret for the app to scan; the previous one stops working.</summary>
    public async Task StartAsync(AppUser user, Actor actor)
    {
        await users.ResetAuthenticatorKeyAsync(user);
        await AuditAsync(actor, "user.two-factor-key", user.Id, null);
    }

    /// <summary>Turns two-factor sign-in on when <paramref name="code"/> is what the app shows; returns the recovery codes, or null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(AppUser user, string code, Actor actor)
    {
        code = code.Replace(" ", "").Replace("-", "").Trim();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)) return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await AuditAsync(actor, "user.two-factor-enable", user.Id, new { enabled = true });
        return codes;
    }

    /// <summary>Refused (false) while the Owner requires two-factor sign-in for this person's role.</summary>
    public async Task<bool> DisableAsync(AppUser user, Actor actor)
    {
        if ((await StatusAsync(user)).RequiredForMe) return false;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await AuditAsync(actor, "user.two-factor-disable", user.Id, new { enabled = false });
        return true;
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(AppUser user, Actor actor)
    {
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await AuditAsync(actor, "user.two-factor-recovery-codes", user.Id, new { count = codes.Count });
        return codes;
    }

    /// <summary>The otpauth URI authenticator apps read (Google's Key Uri Format), as a QR code PNG data URL.</summary>
    public static string QrCode(string userName, string key)
    {
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    /// <summary>"ABCD EFGH …": easier to type into an app than 32 letters in a row.</summary>
    public static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0) sb.Append(' ');
            sb.Append(char.ToUpperInvariant(key[i]));
        }
        return sb.ToString();
    }

    private Task AuditAsync(Actor actor, string action, string userId, object? after) =>
        audit.WriteAsync(actor, action, "User", userId, null, after);

    /// <summary>Re-issues the person's own cookie after a change of their security stamp, keeping (or adding) the two-factor mark.</summary>
    public static Task ReissueCookieAsync(SignInManager<AppUser> signIn, AppUser user, ClaimsPrincipal current, bool passedTwoFactor) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false,
            passedTwoFactor || TwoFactorPolicy.PassedTwoFactor(current) ? [new Claim("amr", "mfa")] : []);
}
