using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

public partial class IntegrationsPage
{
    [Inject] public required IntegrationCommands Commands { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    private IReadOnlyList<IntegrationRow> Rows { get; set; } = [];
    private IntegrationSecret? ShownSecret { get; set; }
    private string NewName { get; set; } = "";
    private bool IsOwner { get; set; }
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        IsOwner = (await CurrentUser.ViewerAsync()).Can(Actions.ManageApiKeys);
        Rows = await Commands.ListAsync();
    }

    private async Task CreateAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            var (created, error) = await Commands.CreateAsync(NewName, await CurrentUser.ActorAsync());
            if (error is not null) { Snackbar.Add(T[error], Severity.Warning); return; }
            ShownSecret = created;
            NewName = "";
            Rows = await Commands.ListAsync();
        }
        finally { busy = false; }
    }

    private async Task RotateAsync(int id)
    {
        if (busy) return;
        busy = true;
        try
        {
            ShownSecret = await Commands.RotateSecretAsync(id, await CurrentUser.ActorAsync());
            if (ShownSecret is not null) Snackbar.Add(T["Hub.Rotated"], Severity.Success);
        }
        finally { busy = false; }
    }

    private async Task SetActiveAsync(int id, bool active)
    {
        if (busy) return;
        busy = true;
        try
        {
            await Commands.SetActiveAsync(id, active, await CurrentUser.ActorAsync());
            Rows = await Commands.ListAsync();
        }
        finally { busy = false; }
    }

    private async Task CopyAsync(string text)
    {
        await Js.InvokeVoidAsync("mootadesk.copyText", text);
        Snackbar.Add(T["Common.Copied"], Severity.Info);
    }
}
