using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Domain;

namespace MootaDesk.Web.Features.Account;

public partial class Login
{
    [Inject] private SignInManager<AppUser> SignIn { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> T { get; set; } = default!;
    [Inject] private ILogger<Login> Logger { get; set; } = default!;

    [SupplyParameterFromForm] private LoginInput Input { get; set; } = new();
    [SupplyParameterFromQuery(Name = "kembali")] private string? ReturnUrl { get; set; }

    private string? Error { get; set; }

    public sealed class LoginInput
    {
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public bool Remember { get; set; }
    }

    private async Task SignInAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.UserName) || string.IsNullOrEmpty(Input.Password))
        {
            Error = T["Login.Required"];
            return;
        }
        var user = await SignIn.UserManager.FindByNameAsync(Input.UserName.Trim());
        if (user is { IsDisabled: true })
        {
            Error = T["Login.Disabled"];
            return;
        }
        var result = await SignIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, Input.Remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The user name is logged, never the password.
            Logger.LogInformation("User {UserName} signed in", Input.UserName.Trim());
            Navigation.NavigateTo(SafeReturnUrl(ReturnUrl), forceLoad: true);
            return;
        }
        Error = result.IsLockedOut ? T["Login.LockedOut"] : T["Login.Failed"];
        Logger.LogWarning("Failed sign-in for {UserName} (locked out: {LockedOut})", Input.UserName.Trim(), result.IsLockedOut);
    }

    internal static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
