using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>Identity's validation messages in the user's language (Indonesian by default).</summary>
internal sealed class IndonesianIdentityErrors(IStringLocalizer<SharedText> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = t["Identity.PasswordTooShort", length] };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = t["Identity.PasswordRequiresDigit"] };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = t["Identity.PasswordRequiresLower"] };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = t["Identity.DuplicateUserName", userName] };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = t["Identity.InvalidUserName", userName ?? ""] };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = t["Identity.PasswordMismatch"] };
}
