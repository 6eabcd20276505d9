using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// Refuses passwords that are common, breached or easy to guess, using zxcvbn (Dropbox's estimator, C# port zxcvbn-core;
/// MIT). Its dictionaries ship inside the package: the 30,000 most common passwords of Xato's 10-million-password breach
/// corpus, English words, names and film/TV words. A password scores 0–4; below 3 ("safely unguessable: moderate protection
/// from offline attacks") is refused, as are passwords made of the user's own name or the business name. Length is
/// checked by Identity (12 characters).
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedText> t) : IPasswordValidator<AppUser>
{
    public const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        string[] personal = [user.UserName ?? "", user.DisplayName];
        return Task.FromResult(IsGuessable(password, personal)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordCommon", Description = t["Identity.PasswordCommon"] })
            : IdentityResult.Success);
    }

    /// <summary>True when zxcvbn scores <paramref name="password"/> below <see cref="MinimumScore"/>, with <paramref name="personal"/> words known to the attacker.</summary>
    public static bool IsGuessable(string password, IEnumerable<string> personal) =>
        Zxcvbn.Zxcvbn.MatchPassword(password, personal
            .SelectMany(s => s.Split([' ', '.', '_', '-', '@'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToLowerInvariant()).Distinct()).Score < MinimumScore;
}
