using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

public partial class ConflictsPage
{
    [Inject] public required MootaConflicts Conflicts { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    private IReadOnlyList<ConflictView>? Rows { get; set; }
    private Viewer? viewer;
    private bool busy;
    private bool CanDecide => viewer is not null && MootaConflicts.CanDecide(viewer);
    private bool CanSeeBalances => viewer?.CanSeeBalances == true;

    protected override async Task OnInitializedAsync()
    {
        viewer = await CurrentUser.ViewerAsync();
        Rows = await Conflicts.ListAsync();
    }

    /// <summary>The values that disagree stand out (a class of this page, readable in light and dark).</summary>
    internal static string Diff(ConflictView c, ConflictFields field) => c.Fields.HasFlag(field) ? "md-conflict-diff" : "";

    private async Task DecideAsync(ConflictView c, ConflictDecision decision)
    {
        if (busy || viewer is null) return;
        var question = decision == ConflictDecision.UseNew ? T["Conflicts.ConfirmUseNew", c.MootaMutationId] : T["Conflicts.ConfirmKeepOld", c.MootaMutationId];
        if (await Dialogs.ShowMessageBoxAsync(T["Conflicts.Title"], question, yesText: T["Confirm.Yes"], cancelText: T["Confirm.No"]) != true)
            return;
        busy = true;
        try
        {
            var outcome = await Conflicts.DecideAsync(c.Id, decision, viewer, await CurrentUser.ActorAsync());
            if (outcome.Succeeded) Snackbar.Add(T["Conflicts.Done." + decision], Severity.Success);
            else Snackbar.Add(T["Conflicts.Refused." + outcome.RefusalKey, outcome.Detail ?? ""], Severity.Warning);
            Rows = await Conflicts.ListAsync();
        }
        finally { busy = false; }
    }
}
