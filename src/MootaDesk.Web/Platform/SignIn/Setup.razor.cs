using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Settings;

namespace MootaDesk.Web.Platform.SignIn;

/// <summary>First run: creates the Owner, then is gone for everyone (it answers "already done" and sends people to sign in).</summary>
public partial class Setup
{
    [Inject] public required UserAdministration Users { get; init; }
    [Inject] public required SignInManager<AppUser> SignIn { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IStringLocalizer<SharedText> T { get; init; }
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    // Null until the form posts or OnInitialized creates it: an initializer would be overwritten with null on a post (BL0008).
    [SupplyParameterFromForm] private SetupInput Input { get; set; } = default!;

    private bool Done { get; set; }
    private List<string> Errors { get; } = [];

    public sealed class SetupInput
    {
        public string BusinessName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        Done = await Users.AnyUserAsync();
    }

    private async Task CreateOwnerAsync()
    {
        if (Done) return;
        if (new[] { Input.BusinessName, Input.DisplayName, Input.UserName, Input.Password }.Any(string.IsNullOrWhiteSpace))
        {
            Errors.Add(T["Setup.Required"]);
            return;
        }
        if (Input.Password != Input.ConfirmPassword)
        {
            Errors.Add(T["Setup.Mismatch"]);
            return;
        }
        var result = await Users.CreateOwnerAsync(Input.UserName, Input.DisplayName, Input.Password, Input.BusinessName,
            HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!result.Succeeded)
        {
            if (result.Errors.Contains("setup-done")) Done = true;
            else Errors.AddRange(result.Errors);
            return;
        }
        await SignIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: false);
        Navigation.NavigateTo(AppUrls.Home, forceLoad: true);
    }
}
