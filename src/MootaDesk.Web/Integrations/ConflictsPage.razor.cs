using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;
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
    [Inject] public required NotificationService Notify { get; init; }
    [Inject] public required DialogService Dialogs { get; init; }
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

    /// <summary>The values that disagree stand out; the page's own style so no shared stylesheet changes for one table.</summary>
    private static string Diff(ConflictView c, ConflictFields field) => c.Fields.HasFlag(field) ? "background: #fffbeb; font-weight: 600;" : "";

    private async Task DecideAsync(ConflictView c, ConflictDecision decision)
    {
        if (busy || viewer is null) return;
        var question = decision == ConflictDecision.UseNew ? T["Conflicts.ConfirmUseNew", c.MootaMutationId] : T["Conflicts.ConfirmKeepOld", c.MootaMutationId];
        if (await Dialogs.Confirm(question.Value, T["Conflicts.Title"].Value, new ConfirmOptions { OkButtonText = T["Confirm.Yes"].Value, CancelButtonText = T["Confirm.No"].Value }) != true)
            return;
        busy = true;
        try
        {
            var outcome = await Conflicts.DecideAsync(c.Id, decision, viewer, await CurrentUser.ActorAsync());
            if (outcome.Succeeded) Notify.Notify(NotificationSeverity.Success, T["Conflicts.Done." + decision]);
            else Notify.Notify(NotificationSeverity.Warning, T["Conflicts.Refused." + outcome.RefusalKey, outcome.Detail ?? ""], duration: 10000);
            Rows = await Conflicts.ListAsync();
        }
        finally { busy = false; }
    }
}
