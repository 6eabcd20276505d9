using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Mutations;

public partial class MutationDetailPanel
{
    [Inject] public required MutationQueries Queries { get; init; }
    [Inject] public required TagMutationsCommand Commands { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IStringLocalizer<MutationsText> T { get; init; }
    [Inject] public required IStringLocalizer<SharedText> S { get; init; }

    [Parameter] public long MutationId { get; set; }

    /// <summary>Lets the page offer the same undo toast for changes made here.</summary>
    [Parameter] public EventCallback<(MutationChange Change, string Message)> OnChanged { get; set; }

    private MutationDetail? detail;
    private IReadOnlyList<TagOption> tags = [];
    private Viewer? viewer;
    private bool canEdit, busy, notFound;
    private int? tagToAdd;
    private string? orderReference, newNote, editText;
    private long? editingNoteId;

    private IEnumerable<TagOption> AvailableTags => tags.Where(t => !t.IsArchived && detail?.Row.Tags.All(x => x.Id != t.Id) != false);

    // MudSelect shows a picked value through these, not through the item's text.
    private string StatusName(ReconciliationStatus s) => T["Status." + s];
    private string TagName(int? id) => tags.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    private string LatencyText => detail?.ReadLatencySeconds is int l ? T["Detail.Latency", ReadDuration(l)] : "";

    /// <summary>The change history in words, newest first (<see cref="MutationHistoryText"/>).</summary>
    internal IReadOnlyList<HistoryLine> Timeline { get; private set; } = [];

    /// <summary>How long the mutation took to reach us, in the unit a person reads best: seconds, minutes, hours.</summary>
    internal string ReadDuration(int seconds) => seconds switch
    {
        < 120 => T["Duration.Seconds", seconds.ToString("N0", CultureInfo.CurrentCulture)],
        < 7200 => T["Duration.Minutes", (seconds / 60).ToString("N0", CultureInfo.CurrentCulture)],
        _ => T["Duration.Hours", (seconds / 3600m).ToString("N1", CultureInfo.CurrentCulture)],
    };

    protected override async Task OnInitializedAsync()
    {
        viewer = await CurrentUser.ViewerAsync();
        canEdit = TagMutationsCommand.CanEdit(viewer);
        tags = await Queries.TagsAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        detail = await Queries.DetailAsync(MutationId, viewer!);
        notFound = detail is null;
        orderReference = detail?.Row.OrderReference;
        var names = tags.ToDictionary(t => t.Id, t => t.Name);
        Timeline = detail?.Timeline.Select(e => MutationHistoryText.Describe(e, T, names, Clock)).ToList() ?? [];
    }

    /// <summary>The older versions a note replaced, newest first.</summary>
    private IEnumerable<NoteView> History(NoteView note)
    {
        var byId = detail!.Notes.ToDictionary(n => n.Id);
        var current = note;
        while (current.ReplacesNoteId is long prev && byId.TryGetValue(prev, out var older))
        {
            yield return older;
            current = older;
        }
    }

    private async Task RunAsync(Func<Viewer, Actor, Task<MutationChange?>> action, string? doneKey)
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        try
        {
            var change = await action(viewer, await CurrentUser.ActorAsync());
            if (change is not null && doneKey is not null) await OnChanged.InvokeAsync((change, T[doneKey, change.Count]));
            await ReloadAsync();
        }
        catch (MutationChangeRefused ex)
        {
            Snackbar.Add(T[ex.MessageKey], Severity.Warning);
        }
        finally { busy = false; }
    }

    private Task AddTagAsync() => RunAsync(async (v, a) =>
    {
        if (tagToAdd is not int id) return null;
        tagToAdd = null;
        return await Commands.AddTagsAsync([MutationId], [id], v, a);
    }, "Done.TagsAdded");

    private Task RemoveTagAsync(int tagId) => RunAsync(async (v, a) => await Commands.RemoveTagsAsync([MutationId], [tagId], v, a), "Done.TagsRemoved");

    private Task SetStatusAsync(ReconciliationStatus s) => RunAsync(async (v, a) => await Commands.SetStatusAsync([MutationId], s, v, a), "Done.StatusSet");

    private Task AddNoteAsync() => RunAsync(async (v, a) =>
    {
        var change = await Commands.AddNoteAsync([MutationId], newNote ?? "", v, a);
        newNote = null;
        return change;
    }, "Done.NotesAdded");

    private Task SaveEditAsync() => RunAsync(async (v, a) =>
    {
        if (editingNoteId is long id) await Commands.EditNoteAsync(id, editText ?? "", v, a);
        editingNoteId = null;
        return null;
    }, null);

    private Task SaveOrderReferenceAsync() => RunAsync(async (v, a) =>
    {
        await Commands.SetOrderReferenceAsync(MutationId, orderReference, v, a);
        Snackbar.Add(S["Common.Saved"], Severity.Success);
        return null;
    }, null);
}
