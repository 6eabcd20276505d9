using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Mutations;

public partial class TagsPage
{
    [Inject] public required TagCatalog Catalog { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required IStringLocalizer<MutationsText> T { get; init; }
    [Inject] public required IStringLocalizer<SharedText> S { get; init; }

    private sealed class TagForm
    {
        public string Name { get; set; } = "";
        public string Color { get; set; } = "#64748b";
        public string? Meaning { get; set; }
    }

    private IReadOnlyList<TagSummary> list = [];
    private readonly Dictionary<int, int?> mergeTargets = [];
    private TagForm form = new();
    private TagSummary? editing;
    // Said before saving: a name close to another tag's, a meaning that repeats another tag's. Warnings, not refusals.
    private IReadOnlyList<string> warnings = [];
    private string? error;
    // Refreshed from the store before every action: a demoted person's open tab acts with their current roles.
    private Viewer? viewer;
    private bool canManage, busy;

    private int? MergeTarget(int id) => mergeTargets.GetValueOrDefault(id);

    private string TagName(int? id) => list.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    protected override async Task OnInitializedAsync()
    {
        viewer = await CurrentUser.ViewerAsync();
        canManage = TagCatalog.CanManage(viewer);
        list = await Catalog.ListAsync(viewer!);
    }

    private void StartNew()
    {
        editing = null;
        form = new TagForm();
        error = null;
        warnings = [];
    }

    private void StartEdit(TagSummary t)
    {
        editing = t;
        form = new TagForm { Name = t.Name, Color = t.Color, Meaning = t.Meaning };
        error = null;
        warnings = [];
    }

    private async Task SaveAsync(bool confirmNearDuplicate)
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        try
        {
            var actor = await CurrentUser.ActorAsync();
            var check = editing is null
                ? (await Catalog.CreateAsync(form.Name, form.Color, form.Meaning, confirmNearDuplicate, viewer, actor)).Check
                : await Catalog.UpdateAsync(editing.Id, form.Name, form.Color, form.Meaning, confirmNearDuplicate, viewer, actor);
            error = check.ErrorKey is string key ? T[key, string.Join(", ", check.NearDuplicates)].Value : null;
            warnings = check.NeedsConfirmation && !confirmNearDuplicate ? Warnings(check) : [];
            if (error is null && warnings.Count == 0)
            {
                Snackbar.Add(S["Common.Saved"], Severity.Success);
                StartNew();
                list = await Catalog.ListAsync(viewer!);
            }
        }
        catch (MutationChangeRefused ex)
        {
            error = T[ex.MessageKey];
        }
        finally { busy = false; }
    }

    /// <summary>What the person is warned of before a tag that may repeat another is saved.</summary>
    internal IReadOnlyList<string> Warnings(TagNameCheck check)
    {
        var lines = new List<string>();
        if (check.NearDuplicates.Count > 0) lines.Add(T["Tags.NearDuplicate", string.Join(", ", check.NearDuplicates)]);
        if (check.SameMeaning.Count > 0) lines.Add(T["Tags.SameMeaning", string.Join(", ", check.SameMeaning)]);
        return lines;
    }

    private async Task ArchiveAsync(TagSummary t)
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        try
        {
            await Catalog.SetArchivedAsync(t.Id, !t.IsArchived, viewer, await CurrentUser.ActorAsync());
            list = await Catalog.ListAsync(viewer!);
        }
        catch (MutationChangeRefused ex) { Snackbar.Add(T[ex.MessageKey], Severity.Warning); }
        finally { busy = false; }
    }

    private async Task MergeAsync(TagSummary source)
    {
        if (busy || viewer is null || MergeTarget(source.Id) is not int targetId) return;
        viewer = await CurrentUser.ViewerAsync();
        var target = list.First(t => t.Id == targetId);
        if (await Dialogs.ShowMessageBoxAsync(T["Tags.Merge"], T["Tags.MergeConfirm", source.Name, target.Name], yesText: T["Tags.Merge"], cancelText: S["Common.Cancel"]) != true) return;
        busy = true;
        try
        {
            var moved = await Catalog.MergeAsync(source.Id, targetId, viewer, await CurrentUser.ActorAsync());
            Snackbar.Add(T["Tags.Merged", source.Name, target.Name, MutationsPage.Number(moved)], Severity.Success);
            mergeTargets.Remove(source.Id);
            list = await Catalog.ListAsync(viewer!);
        }
        catch (MutationChangeRefused ex) { Snackbar.Add(T[ex.MessageKey], Severity.Warning); }
        finally { busy = false; }
    }
}
