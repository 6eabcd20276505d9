using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

public partial class ApiKeysPage
{
    [Inject] public required ApiKeyCommands Commands { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    private IReadOnlyList<ApiKeyRow> Keys { get; set; } = [];
    private CreatedApiKey? Shown { get; set; }
    private string NewName { get; set; } = "";
    private IReadOnlyCollection<string> NewScopes { get; set; } = [ApiScopes.Read];
    private string NewRole { get; set; } = Roles.Finance;
    private bool busy;

    protected override async Task OnInitializedAsync() => Keys = await Commands.ListAsync();

    private async Task CreateAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            var (created, error) = await Commands.CreateAsync(NewName, NewScopes.ToList(), NewRole, await CurrentUser.ActorAsync());
            if (error is not null) { Snackbar.Add(T[error], Severity.Warning); return; }
            Shown = created;
            NewName = "";
            Keys = await Commands.ListAsync();
        }
        finally { busy = false; }
    }

    private async Task RevokeAsync(ApiKeyRow key)
    {
        if (busy) return;
        if (await Dialogs.ShowMessageBoxAsync(T["ApiKeys.Revoke"], T["ApiKeys.RevokeConfirm", key.Name], yesText: T["ApiKeys.Revoke"], cancelText: T["Confirm.No"]) != true) return;
        busy = true;
        try
        {
            await Commands.RevokeAsync(key.Id, await CurrentUser.ActorAsync());
            Keys = await Commands.ListAsync();
        }
        finally { busy = false; }
    }

    private async Task CopyAsync()
    {
        if (Shown is null) return;
        await Js.InvokeVoidAsync("mootadesk.copyText", Shown.Key);
        Snackbar.Add(T["Common.Copied"], Severity.Info);
    }
}
