using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Settings;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Settings;

public partial class SettingsPage
{
    [Inject] public required UserAdministration Admin { get; init; }
    [Inject] public required BusinessSettings Settings { get; init; }
    [Inject] public required DemoDataStore Demo { get; init; }
    [Inject] public required TwoFactorPolicy TwoFactor { get; init; }
    [Inject] public required Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Auth { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NotificationService Notify { get; init; }
    [Inject] public required DialogService Dialogs { get; init; }
    [Inject] public required IStringLocalizer<AdminText> T { get; init; }
    [Inject] public required IStringLocalizer<SharedText> S { get; init; }

    private IReadOnlyList<UserRow> Users { get; set; } = [];
    private Dictionary<string, List<string>> EditRoles { get; } = [];
    private NewUserInput NewUser { get; set; } = new();
    private UserRow? ResetFor { get; set; }
    private string NewPassword { get; set; } = "";
    private string BusinessName { get; set; } = "";
    private string ThresholdText { get; set; } = "";
    private bool HasDemo { get; set; }
    private bool RequireTwoFactor { get; set; }
    private bool busy;

    private string TimeZoneText => $"{Clock.TimeZone.Id} ({Clock.ZoneAbbreviation})";

    private sealed class NewUserInput
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Password { get; set; } = "";
        public IEnumerable<string> Roles { get; set; } = [];
    }

    protected override async Task OnInitializedAsync()
    {
        await LoadUsersAsync();
        BusinessName = await Settings.BusinessNameAsync();
        ThresholdText = (await Settings.ImportantDebitThresholdAsync()).ToString("#,##0", CultureInfo.GetCultureInfo("id-ID"));
        HasDemo = await Demo.AnyAsync();
        RequireTwoFactor = await TwoFactor.IsRequiredAsync();
    }

    private async Task LoadUsersAsync()
    {
        Users = await Admin.ListAsync(await CurrentUser.ViewerAsync());
        EditRoles.Clear();
    }

    private IEnumerable<string> RolesOf(UserRow u) => EditRoles.TryGetValue(u.Id, out var r) ? r : u.Roles;

    private async Task RunAsync(Func<Task<UserResult>> action, string successKey, params object[] args)
    {
        if (busy) return;
        busy = true;
        try
        {
            var result = await action();
            if (result.Succeeded)
            {
                Notify.Notify(NotificationSeverity.Success, T[successKey, args]);
                await LoadUsersAsync();
            }
            else
            {
                // Known refusals have their own message; Identity's validation errors are already localised.
                var lines = result.Errors.Select(e => T["Users.Error." + e] is { ResourceNotFound: false } s ? s.Value : e);
                Notify.Notify(NotificationSeverity.Error, string.Join(" ", lines), duration: 8000);
            }
        }
        finally { busy = false; }
    }

    private async Task CreateUserAsync()
    {
        if (string.IsNullOrWhiteSpace(NewUser.UserName) || string.IsNullOrWhiteSpace(NewUser.DisplayName) || string.IsNullOrEmpty(NewUser.Password))
        {
            Notify.Notify(NotificationSeverity.Error, T["Users.Error.required"]);
            return;
        }
        var name = NewUser.UserName;
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

    private async Task SaveBusinessAsync()
    {
        if (busy) return;
        if (string.IsNullOrWhiteSpace(BusinessName)) { Notify.Notify(NotificationSeverity.Error, T["Business.NameRequired"]); return; }
        if (!Money.TryParse(ThresholdText, out var threshold) || threshold <= 0) { Notify.Notify(NotificationSeverity.Error, T["Business.ThresholdInvalid"]); return; }
        busy = true;
        try
        {
            var actor = await CurrentUser.ActorAsync();
            await Settings.SetAsync(BusinessSettings.BusinessNameKey, BusinessName.Trim(), actor);
            await Settings.SetAsync(BusinessSettings.ImportantDebitThresholdKey, threshold.ToString(CultureInfo.InvariantCulture), actor);
            Notify.Notify(NotificationSeverity.Success, S["Common.Saved"]);
        }
        finally { busy = false; }
    }

    private async Task SaveSecurityAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            if (!await CurrentUser.CanAsync(Actions.ManageSettings)) { Notify.Notify(NotificationSeverity.Error, T["Users.Error.forbidden"]); return; }
            // Turning the requirement on from a session without it would lock the Owner out of this very page.
            if (RequireTwoFactor && !TwoFactorPolicy.PassedTwoFactor((await Auth.GetAuthenticationStateAsync()).User))
            {
                RequireTwoFactor = false;
                Notify.Notify(NotificationSeverity.Error, T["Security.OwnFirst"], duration: 10000);
                return;
            }
            await TwoFactor.SetRequiredAsync(RequireTwoFactor, await CurrentUser.ActorAsync());
            Notify.Notify(NotificationSeverity.Success, S["Common.Saved"]);
        }
        finally { busy = false; }
    }

    private async Task RemoveDemoAsync()
    {
        if (busy) return;
        if (await Dialogs.Confirm(T["Demo.Confirm"], T["Demo.Remove"], new ConfirmOptions { OkButtonText = T["Demo.Remove"], CancelButtonText = S["Common.Cancel"] }) != true)
            return;
        busy = true;
        try
        {
            var removed = await Demo.RemoveAsync(await CurrentUser.ActorAsync());
            HasDemo = false;
            Notify.Notify(NotificationSeverity.Success, T["Demo.Removed", removed]);
        }
        finally { busy = false; }
    }
}
