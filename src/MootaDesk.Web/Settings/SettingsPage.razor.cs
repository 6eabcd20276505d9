using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Settings;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;
using MudBlazor;

namespace MootaDesk.Web.Settings;

/// <summary>
/// Pengaturan (Owner only): people and their roles, the business name and important-debit threshold, two-factor sign-in for
/// Owner and Finance, and removing the demo shop. Every setting says in words what it does; no configuration key is shown.
/// </summary>
public partial class SettingsPage
{
    [Inject] public required UserAdministration Admin { get; init; }
    [Inject] public required BusinessSettings Settings { get; init; }
    [Inject] public required DemoDataStore Demo { get; init; }
    [Inject] public required TwoFactorPolicy TwoFactor { get; init; }
    [Inject] public required Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Auth { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required IStringLocalizer<AdminText> T { get; init; }
    [Inject] public required IStringLocalizer<SharedText> S { get; init; }

    private IReadOnlyList<UserRow> Users { get; set; } = [];
    private Dictionary<string, List<string>> EditRoles { get; } = [];
    private NewUserInput NewUser { get; set; } = new();
    private UserRow? ResetFor { get; set; }
    private string NewPassword { get; set; } = "";
    private string BusinessName { get; set; } = "";
    private decimal Threshold { get; set; }
    private bool HasDemo { get; set; }
    private bool RequireTwoFactor { get; set; }
    private bool loaded;
    private bool busy;

    private sealed class NewUserInput
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Password { get; set; } = "";
        public List<string> Roles { get; set; } = [];
    }

    protected override async Task OnInitializedAsync()
    {
        await LoadUsersAsync();
        BusinessName = await Settings.BusinessNameAsync();
        Threshold = await Settings.ImportantDebitThresholdAsync();
        HasDemo = await Demo.AnyAsync();
        RequireTwoFactor = await TwoFactor.IsRequiredAsync();
        loaded = true;
    }

    private async Task LoadUsersAsync()
    {
        Users = await Admin.ListAsync(await CurrentUser.ViewerAsync());
        EditRoles.Clear();
    }

    private IReadOnlyList<string> RolesOf(UserRow u) => EditRoles.TryGetValue(u.Id, out var r) ? r : u.Roles.ToList();

    // Roles are edited in place and saved together: the button appears once something changed.
    private void ToggleRole(UserRow u, string role, bool on)
    {
        var roles = RolesOf(u).Where(r => r != role).ToList();
        if (on) roles.Add(role);
        if (roles.Order().SequenceEqual(u.Roles.Order())) EditRoles.Remove(u.Id);
        else EditRoles[u.Id] = roles;
    }

    private void ToggleNewRole(string role, bool on)
    {
        NewUser.Roles.Remove(role);
        if (on) NewUser.Roles.Add(role);
    }

    private void StartReset(UserRow u) => (ResetFor, NewPassword) = (u, "");

    private async Task RunAsync(Func<Task<UserResult>> action, string successKey, params object[] args)
    {
        if (busy) return;
        busy = true;
        try
        {
            var result = await action();
            if (result.Succeeded)
            {
                Snackbar.Add(T[successKey, args], Severity.Success);
                await LoadUsersAsync();
            }
            else
            {
                // Known refusals have their own message; Identity's validation errors are already localised.
                var lines = result.Errors.Select(e => T["Users.Error." + e] is { ResourceNotFound: false } s ? s.Value : e);
                Snackbar.Add(string.Join(" ", lines), Severity.Error, o => o.VisibleStateDuration = 8000);
            }
        }
        finally { busy = false; }
    }

    private async Task CreateUserAsync()
    {
        if (string.IsNullOrWhiteSpace(NewUser.UserName) || string.IsNullOrWhiteSpace(NewUser.DisplayName) || string.IsNullOrEmpty(NewUser.Password))
        {
            Snackbar.Add(T["Users.Error.required"], Severity.Error);
            return;
        }
        var name = NewUser.DisplayName.Trim();
        await RunAsync(async () =>
        {
            var r = await Admin.CreateAsync(await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), NewUser.UserName, NewUser.DisplayName, NewUser.Password, NewUser.Roles.ToList());
            if (r.Succeeded) NewUser = new();
            return r;
        }, "Users.Created.Ok", name);
    }

    private Task SaveRolesAsync(UserRow u) => RunAsync(async () =>
        await Admin.SetRolesAsync(await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), u.Id, RolesOf(u).ToList()), "Users.Roles.Ok");

    private Task ToggleDisabledAsync(UserRow u) => RunAsync(async () =>
        await Admin.SetDisabledAsync(await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), u.Id, !u.IsDisabled),
        u.IsDisabled ? "Users.Enabled.Ok" : "Users.Disabled.Ok");

    private async Task ResetPasswordAsync()
    {
        if (ResetFor is null) return;
        var id = ResetFor.Id;
        await RunAsync(async () =>
        {
            var r = await Admin.ResetPasswordAsync(await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), id, NewPassword);
            if (r.Succeeded) { ResetFor = null; NewPassword = ""; }
            return r;
        }, "Users.Reset.Ok");
    }

    private async Task SaveBusinessAsync((string Name, decimal Threshold) input)
    {
        if (busy) return;
        busy = true;
        try
        {
            if (!await CurrentUser.CanAsync(Actions.ManageSettings)) { Snackbar.Add(T["Users.Error.forbidden"], Severity.Error); return; }
            var actor = await CurrentUser.ActorAsync();
            await Settings.SetAsync(BusinessSettings.BusinessNameKey, input.Name, actor);
            await Settings.SetAsync(BusinessSettings.ImportantDebitThresholdKey, input.Threshold.ToString(CultureInfo.InvariantCulture), actor);
            (BusinessName, Threshold) = input;
            Snackbar.Add(S["Common.Saved"], Severity.Success);
        }
        finally { busy = false; }
    }

    private async Task SaveSecurityAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            if (!await CurrentUser.CanAsync(Actions.ManageSettings)) { Snackbar.Add(T["Users.Error.forbidden"], Severity.Error); return; }
            // Turning the requirement on from a session without it would lock the Owner out of this very page.
            if (RequireTwoFactor && !TwoFactorPolicy.PassedTwoFactor((await Auth.GetAuthenticationStateAsync()).User))
            {
                RequireTwoFactor = false;
                Snackbar.Add(T["Security.OwnFirst"], Severity.Error, o => o.VisibleStateDuration = 10000);
                return;
            }
            await TwoFactor.SetRequiredAsync(RequireTwoFactor, await CurrentUser.ActorAsync());
            Snackbar.Add(S["Common.Saved"], Severity.Success);
        }
        finally { busy = false; }
    }

    private async Task RemoveDemoAsync()
    {
        if (busy) return;
        if (await Dialogs.ShowMessageBoxAsync(T["Demo.Remove"], T["Demo.Confirm"], yesText: T["Demo.Remove"], cancelText: S["Common.Cancel"]) != true)
            return;
        busy = true;
        try
        {
            var removed = await Demo.RemoveAsync(await CurrentUser.ActorAsync());
            HasDemo = false;
            Snackbar.Add(T["Demo.Removed", removed.ToString("N0", CultureInfo.CurrentUICulture)], Severity.Success);
        }
        finally { busy = false; }
    }
}
