using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Platform.SignIn;

/// <summary>
/// Sign-in. Unknown user, wrong password and disabled account get one message and cost the same password hash, so the
/// page tells nobody which accounts exist; lock-out is per account and address (<see cref="SignInLockout"/>), and posts are
/// rate-limited per address. A correct password of someone with an authenticator continues at <see cref="TwoFactorPath"/>.
/// </summary>
public partial class Login
{
    public const string TwoFactorPath = "/masuk/dua-langkah";

    [Inject] public required SignInManager<AppUser> SignIn { get; init; }
    [Inject] public required SignInLockout Lockout { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IStringLocalizer<SharedText> T { get; init; }
    [Inject] public required ILogger<Login> Logger { get; init; }
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    // Null until the form posts or OnInitialized creates it: an initializer would be overwritten with null on a post (BL0008).
    [SupplyParameterFromForm] private LoginInput Input { get; set; } = default!;
    [SupplyParameterFromQuery(Name = "kembali")] private string? ReturnUrl { get; set; }

    private string? Error { get; set; }
    private bool BadReturnUrl { get; set; }

    public sealed class LoginInput
    {
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public bool Remember { get; set; }
    }

    // A hash to verify against when the name is unknown, so an unknown name costs what a wrong password costs.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    protected override void OnInitialized()
    {
        Input ??= new();
        if (ReturnUrl is not null && !ReturnUrl.IsLocalPath())
        {
            BadReturnUrl = true;
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    private async Task SignInAsync()
    {
        if (BadReturnUrl) return;
        var name = Input.UserName?.Trim() ?? "";
        if (name.Length == 0 || string.IsNullOrEmpty(Input.Password))
        {
            Error = T["Login.Required"];
            return;
        }
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (Lockout.IsLockedOut(name, address))
        {
            Error = T["Login.LockedOut"];
            Logger.LogWarning("Sign-in for {UserName} from {Address} refused: locked out", name, address);
            return;
        }

        var user = await SignIn.UserManager.FindByNameAsync(name);
        SignInResult result;
        if (user is null)
        {
            SignIn.UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, Input.Password);
            result = SignInResult.Failed;
        }
        else
        {
            result = await SignIn.PasswordSignInAsync(user, Input.Password, Input.Remember, lockoutOnFailure: false);
            // A disabled account is refused before the password is checked; check it anyway so the answer takes as long.
            if (result.IsNotAllowed && user.PasswordHash is not null)
                SignIn.UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, Input.Password);
        }

        if (result.Succeeded || result.RequiresTwoFactor)
        {
            Lockout.RecordSuccess(name, address);
            // The user name is logged, never the password.
            Logger.LogInformation("User {UserName} gave the right password from {Address}{TwoFactor}", name, address, result.RequiresTwoFactor ? "; two-factor code next" : "");
            var back = ReturnUrl ?? "/";
            Navigation.NavigateTo(result.Succeeded ? back
                : $"{TwoFactorPath}?kembali={Uri.EscapeDataString(back)}&ingat={(Input.Remember ? "1" : "0")}", forceLoad: true);
            return;
        }
        // Identity's own lock-out only follows wrong two-factor codes; it reads the same as ours.
        var locked = result.IsLockedOut || Lockout.RecordFailure(name, address);
        Error = locked ? T["Login.LockedOut"] : T["Login.Failed"];
        Logger.LogWarning("Failed sign-in for {UserName} from {Address} (locked out: {LockedOut})", name, address, locked);
    }
}
