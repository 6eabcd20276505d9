using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Platform.SignIn;

/// <summary>
/// The second step of sign-in for someone with an authenticator app: a 6-digit code from the app, or one of their recovery
/// codes (each works once). Wrong codes count towards Identity's lock-out (5, then 15 minutes), which only someone who
/// already knows the password can reach.
/// </summary>
public partial class TwoFactorLogin
{
    [Inject] public required SignInManager<AppUser> SignIn { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IStringLocalizer<SharedText> T { get; init; }
    [Inject] public required ILogger<TwoFactorLogin> Logger { get; init; }
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    // Null until the form posts or OnInitialized creates it: an initializer would be overwritten with null on a post (BL0008).
    [SupplyParameterFromForm] private CodeInput Input { get; set; } = default!;
    [SupplyParameterFromQuery(Name = "kembali")] private string? ReturnUrl { get; set; }
    [SupplyParameterFromQuery(Name = "ingat")] private string? Remember { get; set; }

    private string? Error { get; set; }
    private bool BadReturnUrl { get; set; }

    public sealed class CodeInput
    {
        public string Code { get; set; } = "";
    }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (ReturnUrl is not null && !ReturnUrl.IsLocalPath())
        {
            BadReturnUrl = true;
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // Without the first step's cookie there is nobody to ask a code of.
        if (await SignIn.GetTwoFactorAuthenticationUserAsync() is null && !HttpMethods.IsPost(HttpContext.Request.Method))
            Navigation.NavigateTo(AppUrls.SignIn, forceLoad: true);
    }

    private async Task VerifyAsync()
    {
        if (BadReturnUrl) return;
        var user = await SignIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            Navigation.NavigateTo(AppUrls.SignIn, forceLoad: true);
            return;
        }
        var code = (Input.Code ?? "").Replace(" ", "").Replace("-", "").Trim();
        if (code.Length == 0)
        {
            Error = T["TwoFactor.Required"];
            return;
        }
        // Six digits come from the app; anything longer is a recovery code (Identity stores them as XXXXX-XXXXX).
        var fromApp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = fromApp
            ? await SignIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: Remember == "1", rememberClient: false)
            : await SignIn.TwoFactorRecoveryCodeSignInAsync(Input.Code!.Replace(" ", "").Trim());
        if (result.Succeeded)
        {
            Logger.LogInformation("User {UserName} passed two-factor sign-in with {Kind}", user.UserName, fromApp ? "an authenticator code" : "a recovery code");
            Navigation.NavigateTo(ReturnUrl ?? "/", forceLoad: true);
            return;
        }
        Error = result.IsLockedOut ? T["Login.LockedOut"] : T["TwoFactor.Wrong"];
        Logger.LogWarning("Wrong two-factor code for {UserName} (locked out: {LockedOut})", user.UserName, result.IsLockedOut);
    }
}
