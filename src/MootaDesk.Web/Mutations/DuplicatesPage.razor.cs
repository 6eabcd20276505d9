using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Mutations;

public partial class DuplicatesPage
{
    [Inject] public required CrossSourceDuplicates Duplicates { get; init; }
    [Inject] public required MutationMerger Merger { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required IStringLocalizer<MutationsText> T { get; init; }

    private DuplicateReview? Review { get; set; }
    private IReadOnlyList<MergeHistoryRow> History { get; set; } = [];
    private readonly Dictionary<string, long> chosen = [];
    private Viewer? viewer;
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        viewer = await CurrentUser.ViewerAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        Review = await Duplicates.FindAsync();
        History = await Merger.HistoryAsync();
        chosen.Clear();
    }

    private long KeptOf(DuplicateGroup g) => chosen.TryGetValue(g.Key, out var id) ? id : g.SuggestedKeptId;

    private void Choose(DuplicateGroup g, long id) => chosen[g.Key] = id;

    private async Task MergeAsync(DuplicateGroup g)
    {
        if (busy || viewer is null) return;
        var kept = KeptOf(g);
        if (await Dialogs.ShowMessageBoxAsync(T["Duplicates.Title"], T["Duplicates.ConfirmMerge", g.Rows.Count - 1, kept], yesText: T["Confirm.Yes"],
                cancelText: T["Confirm.No"]) != true)
            return;
        busy = true;
        try
        {
            var actor = await CurrentUser.ActorAsync();
            foreach (var other in g.Rows.Where(r => r.Id != kept))
            {
                var outcome = await Merger.MergeAsync(kept, other.Id, viewer, actor);
                if (!outcome.Succeeded)
                {
                    Snackbar.Add(T["Merge.Refused." + outcome.RefusalKey, outcome.Detail ?? ""], Severity.Warning, o => o.VisibleStateDuration = 10_000);
                    break;
                }
                Snackbar.Add(T["Duplicates.Merged", other.Id, kept], Severity.Success);
            }
            await ReloadAsync();
        }
        finally { busy = false; }
    }

    private async Task NotDuplicateAsync(DuplicateGroup g)
    {
        if (busy || viewer is null) return;
        busy = true;
        try
        {
            var actor = await CurrentUser.ActorAsync();
            var kept = KeptOf(g);
            foreach (var other in g.Rows.Where(r => r.Id != kept))
                await Merger.MarkNotDuplicateAsync(kept, other.Id, viewer, actor);
            Snackbar.Add(T["Duplicates.MarkedNot"], Severity.Info);
            await ReloadAsync();
        }
        finally { busy = false; }
    }

    private async Task UndoAsync(MergeHistoryRow h)
    {
        if (busy || viewer is null) return;
        busy = true;
        try
        {
            var outcome = await Merger.UndoAsync(h.Id, viewer, await CurrentUser.ActorAsync());
            if (outcome.Succeeded) Snackbar.Add(T["Duplicates.Undone"], Severity.Success);
            else Snackbar.Add(T["Merge.Refused." + outcome.RefusalKey, outcome.Detail ?? ""], Severity.Warning, o => o.VisibleStateDuration = 10_000);
            await ReloadAsync();
        }
        finally { busy = false; }
    }
}
