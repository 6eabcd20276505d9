using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

/// <summary>Integrasi → Notifikasi HP: register a phone (token and QR shown once), see the phones, revoke one.</summary>
public partial class NotificationDevicesPage
{
    [Inject] public required NotificationDeviceCommands Commands { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    private IReadOnlyList<NotificationDeviceRow> Devices { get; set; } = [];
    private IReadOnlyList<DeviceAccountChoice> Choices { get; set; } = [];
    private RegisteredDevice? Shown { get; set; }
    private string? ShownQr { get; set; }
    private string NewName { get; set; } = "";
    private IReadOnlyCollection<int> NewAccounts { get; set; } = [];
    private bool busy;

    private string EndpointUrl => Nav.BaseUri + "api/notifications";

    protected override async Task OnInitializedAsync()
    {
        Choices = await Commands.AccountChoicesAsync();
        Devices = await Commands.ListAsync();
    }

    private async Task RegisterAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            var (device, error) = await Commands.RegisterAsync(NewName, NewAccounts.ToList(), await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
            if (error is not null) { Snackbar.Add(T[error], Severity.Warning); return; }
            Shown = device;
            // What a phone's camera reads: the URL on the first line, the header as the forwarder's header JSON on the second.
            ShownQr = QrImage.PngDataUrl($"{EndpointUrl}\n{{\"{NotificationsApi.TokenHeader}\":\"{device!.Token}\"}}");
            NewName = "";
            NewAccounts = [];
            Devices = await Commands.ListAsync();
        }
        finally { busy = false; }
    }

    private async Task RevokeAsync(NotificationDeviceRow device)
    {
        if (busy) return;
        if (await Dialogs.ShowMessageBoxAsync(T["Devices.Revoke"], T["Devices.RevokeConfirm", device.Name], yesText: T["Devices.Revoke"], cancelText: T["Confirm.No"]) != true) return;
        busy = true;
        try
        {
            if (!await Commands.RevokeAsync(device.Id, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync()))
                Snackbar.Add(T["Devices.Error.Revoke"], Severity.Warning);
            Devices = await Commands.ListAsync();
        }
        finally { busy = false; }
    }

    /// <summary>Ticks or unticks one account for the phone being registered.</summary>
    internal void ToggleAccount(int id, bool on) =>
        NewAccounts = on ? NewAccounts.Append(id).Distinct().ToList() : NewAccounts.Where(a => a != id).ToList();

    private async Task CopyTokenAsync()
    {
        if (Shown is null) return;
        await Js.InvokeVoidAsync("mootadesk.copyText", Shown.Token);
        Snackbar.Add(T["Common.Copied"], Severity.Info);
    }
}
