using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.BankAccounts;

public partial class AccountsPage
{
    [Inject] public required AccountList List { get; init; }
    [Inject] public required AccountEditor Editor { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
        [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IStringLocalizer<BankAccountsText> T { get; init; }
    [Inject] public required IStringLocalizer<SharedText> S { get; init; }

    private IReadOnlyList<AccountRow>? Rows { get; set; }
    private bool CanImport { get; set; }
    private bool CanPull { get; set; }
    private AccountRow? Editing { get; set; }
    private string EditLabel { get; set; } = "";
    private AccountPurpose EditPurpose { get; set; }
    private bool EditActive { get; set; }
    private bool busy;

    private string PurposeName(AccountPurpose p) => T["Purpose." + p];

    protected override async Task OnInitializedAsync()
    {
        var viewer = await CurrentUser.ViewerAsync();
        CanImport = viewer.Can(Actions.ImportStatement);
        CanPull = viewer.Can(Actions.ManageIntegrations);
        Rows = await List.LoadAsync(viewer);
    }

    private void StartEdit(AccountRow a)
    {
        Editing = a;
        EditLabel = a.Label;
        EditPurpose = a.Purpose;
        EditActive = a.IsActive;
    }

    private async Task SaveAsync()
    {
        if (busy || Editing is null) return;
        busy = true;
        try
        {
            var problem = await Editor.UpdateAsync(await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), Editing.Id, EditLabel, EditPurpose, EditActive);
            if (problem != AccountEditProblem.None)
            {
                Snackbar.Add(T["Problem." + problem], Severity.Error);
                return;
            }
            Editing = null;
            Rows = await List.LoadAsync(await CurrentUser.ViewerAsync());
            Snackbar.Add(S["Common.Saved"], Severity.Success);
        }
        finally { busy = false; }
    }
}
