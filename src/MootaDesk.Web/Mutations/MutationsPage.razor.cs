using MootaDesk.Core.BankAccounts;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using Radzen;
using Radzen.Blazor;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Mutations;

public partial class MutationsPage
{
    private static readonly TimeSpan UndoWindow = TimeSpan.FromSeconds(8);

    [Inject] public required MutationQueries Queries { get; init; }
    [Inject] public required TagMutationsCommand Commands { get; init; }
    [Inject] public required SavedViewStore Views { get; init; }
    [Inject] public required MutationExportService Exports { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required DialogService Dialogs { get; init; }
    [Inject] public required NotificationService Notify { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required IStringLocalizer<MutationsText> T { get; init; }
    [Inject] public required IStringLocalizer<SharedText> S { get; init; }

    /// <summary>A link from elsewhere (the statement import's "sudah ada", the duplicates review) opens this mutation's drawer.</summary>
    [SupplyParameterFromQuery(Name = MutationLink.OpenKey)] public long? OpenId { get; set; }

    private sealed record ViewChoice(int Id, string Label, SavedViewItem Item);
    private sealed record PendingUndo(MutationChange Change, string Message, CancellationTokenSource Expiry);

    private MutationFilter Filter { get; set; } = MutationFilter.Empty;
    private RadzenDataGrid<MutationRow>? grid;
    private IReadOnlyList<MutationRow>? rows;
    private CappedCount count = new(0, false);
    private MutationFilter? countedFilter;
    // Refreshed from the store before every action: a demoted person's open tab acts with their current roles.
    private Viewer? viewer;
    private IReadOnlyList<AccountOption> accounts = [];
    private IReadOnlyList<TagOption> tags = [];
    private IReadOnlyList<ViewChoice> views = [];
    private int? selectedViewId;
    private readonly HashSet<long> selected = [];
    private int? bulkTag;
    private ReconciliationStatus? bulkStatus;
    private string? bulkNote;
    private bool loading, busy, canEdit, canManageRules, isDemoOnly, countingExact, savingView, newViewShared, exporting;
    private int? exactCount;
    private string? newViewName;
    private int exportedRows;
    private string? exportMessage;
    private PendingUndo? undo;

    private IEnumerable<TagOption> ActiveTags => tags.Where(t => !t.IsArchived);
    private SavedViewItem? SelectedView => views.FirstOrDefault(v => v.Id == selectedViewId)?.Item;
    private bool PageAllSelected => rows is { Count: > 0 } && rows.All(r => selected.Contains(r.Id));

    private IReadOnlyList<Choice<ReconciliationStatus?>> StatusOptions =>
        Enum.GetValues<ReconciliationStatus>().Select(s => new Choice<ReconciliationStatus?>(s, T["Status." + s])).ToList();

    private string CountText => exactCount is int exact
        ? T["Count.Value", exact.ToString("N0", CultureInfo.CurrentUICulture)]
        : count.IsCapped ? T["Count.Capped", CappedCount.Cap.ToString("N0", CultureInfo.CurrentUICulture)] : T["Count.Value", count.Value.ToString("N0", CultureInfo.CurrentUICulture)];

    protected override async Task OnInitializedAsync()
    {
        viewer = await CurrentUser.ViewerAsync();
        canEdit = TagMutationsCommand.CanEdit(viewer);
        canManageRules = AutoTagRuleStore.CanManage(viewer);
        accounts = await Queries.AccountsAsync();
        tags = await Queries.TagsAsync();
        await LoadViewsAsync();
        Filter = MutationFilter.Parse(Nav.Uri);
        isDemoOnly = await Queries.IsDemoOnlyAsync();
        // With only the demo shop (sandbox) in the database, an empty filter would show nothing at all.
        if (isDemoOnly && Filter.IsEmpty)
        {
            Filter = Filter with { Sandbox = SandboxFilter.Include };
            Nav.NavigateTo(UrlFor(Filter), replace: true);
        }
        Nav.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && OpenId is long id) await OpenDetailAsync(id);
    }

    private async Task LoadViewsAsync()
    {
        var items = await Views.ListAsync(viewer!);
        views = items.Select(v => new ViewChoice(v.Id, (v.IsShared ? "" : "★ ") + v.Name, v)).ToList();
    }

    private static string UrlFor(MutationFilter f) => AppUrls.MutationsFiltered(f);

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = new Uri(e.Location).AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/" + AppUrls.Mutations, StringComparison.OrdinalIgnoreCase)) return;
        var next = MutationFilter.Parse(e.Location);
        if (next.Equals(Filter)) return;
        _ = InvokeAsync(async () =>
        {
            Filter = next;
            selected.Clear();
            var query = next.ToQueryString();
            selectedViewId = views.FirstOrDefault(v => v.Item.Query == query)?.Id;
            StateHasChanged();
            if (grid is not null) await grid.FirstPage(true);
        });
    }

    private Task ApplyFilterAsync(MutationFilter filter)
    {
        if (filter.Equals(Filter)) return grid?.FirstPage(true) ?? Task.CompletedTask;
        Nav.NavigateTo(UrlFor(filter));
        return Task.CompletedTask;
    }

    /// <summary>
    /// A click on the Time or Amount header sorts by that column, newest or largest first; a second click turns it round.
    /// The order is part of the filter, so it lands in the URL and the "Urutan" choice like any other.
    /// </summary>
    private Task SortByHeaderAsync(MutationSort first, MutationSort second) =>
        ApplyFilterAsync(Filter with { Sort = Filter.Sort == first ? second : first });

    private string SortIcon(MutationSort first, MutationSort second) =>
        Filter.Sort == first ? "arrow_downward" : Filter.Sort == second ? "arrow_upward" : "unfold_more";

    private string SortHint(MutationSort first, MutationSort second) =>
        T["Sort.Header", T["Sort." + (Filter.Sort == first ? second : first)]];

    private async Task LoadDataAsync(LoadDataArgs args)
    {
        if (viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        loading = true;
        try
        {
            var filter = Filter;
            if (countedFilter is null || !countedFilter.Equals(filter))
            {
                count = await Queries.CountAsync(filter, viewer);
                countedFilter = filter;
                exactCount = null;
                countingExact = false;
            }
            rows = await Queries.PageAsync(filter, viewer, args.Skip ?? 0, args.Top ?? 50);
        }
        finally
        {
            loading = false;
        }
    }

    private async Task CountExactAsync()
    {
        if (viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        countingExact = true;
        exactCount = await Queries.ExactCountAsync(Filter, viewer);
    }

    private void RowRender(RowRenderEventArgs<MutationRow> args)
    {
        if (args.Data is { } row && selected.Contains(row.Id)) args.Attributes["class"] = "mut-row-selected";
    }

    private static string ChipStyle(string color) => $"--chip: {color}";

    private static BadgeStyle StatusStyle(ReconciliationStatus s) => s switch
    {
        ReconciliationStatus.Matched => BadgeStyle.Success,
        ReconciliationStatus.NeedsAttention => BadgeStyle.Warning,
        ReconciliationStatus.Resolved => BadgeStyle.Info,
        _ => BadgeStyle.Light,
    };

    // Selection and keyboard
    private void Toggle(long id, bool on)
    {
        if (on) selected.Add(id); else selected.Remove(id);
    }

    private void SetPageSelected(bool on)
    {
        foreach (var r in rows ?? []) Toggle(r.Id, on);
    }

    private void SelectPage() => SetPageSelected(true);

    private void ClearSelection() => selected.Clear();

    private async Task SelectAllMatchingAsync()
    {
        if (viewer is null || busy) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        try
        {
            foreach (var id in await Queries.IdsAsync(Filter, viewer)) selected.Add(id);
        }
        finally { busy = false; }
    }

    private async Task OnGridKeyDown(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "a" or "A" when !e.CtrlKey && !e.MetaKey: SetPageSelected(!PageAllSelected); break;
            case "Escape": ClearSelection(); break;
            case "u" or "U" when undo is not null: await UndoAsync(); break;
        }
    }

    // Bulk actions: each returns a MutationChange the toast can undo.
    private Task AddTagsAsync() => RunChangeAsync(async (v, a) =>
    {
        if (bulkTag is not int tag) throw new MutationChangeRefused("Error.NoTag");
        return await Commands.AddTagsAsync(selected.ToList(), [tag], v, a);
    }, "Done.TagsAdded");

    private Task RemoveTagsAsync() => RunChangeAsync(async (v, a) =>
    {
        if (bulkTag is not int tag) throw new MutationChangeRefused("Error.NoTag");
        return await Commands.RemoveTagsAsync(selected.ToList(), [tag], v, a);
    }, "Done.TagsRemoved");

    private Task SetStatusAsync() => RunChangeAsync(async (v, a) =>
    {
        if (bulkStatus is not ReconciliationStatus s) throw new MutationChangeRefused("Error.NoStatus");
        return await Commands.SetStatusAsync(selected.ToList(), s, v, a);
    }, "Done.StatusSet");

    private Task AddNoteAsync() => RunChangeAsync(async (v, a) =>
    {
        var change = await Commands.AddNoteAsync(selected.ToList(), bulkNote ?? "", v, a);
        bulkNote = null;
        return change;
    }, "Done.NotesAdded");

    private async Task RunChangeAsync(Func<Viewer, Actor, Task<MutationChange>> action, string doneKey)
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        try
        {
            var change = await action(viewer, await CurrentUser.ActorAsync());
            ShowUndo(change, T[doneKey, change.Count.ToString("N0")]);
            await ReloadGridAsync();
        }
        catch (MutationChangeRefused ex)
        {
            Notify.Notify(NotificationSeverity.Warning, T[ex.MessageKey]);
        }
        finally { busy = false; }
    }

    internal void ShowUndo(MutationChange change, string message)
    {
        undo?.Expiry.Cancel();
        if (change.Count == 0)
        {
            undo = null;
            Notify.Notify(NotificationSeverity.Info, T["Done.NothingChanged"]);
            return;
        }
        var expiry = new CancellationTokenSource();
        undo = new PendingUndo(change, message, expiry);
        _ = Task.Delay(UndoWindow, expiry.Token).ContinueWith(t =>
        {
            if (t.IsCanceled) return;
            _ = InvokeAsync(() => { if (undo?.Expiry == expiry) { undo = null; StateHasChanged(); } });
        }, TaskScheduler.Default);
    }

    private void DismissUndo()
    {
        undo?.Expiry.Cancel();
        undo = null;
    }

    private async Task UndoAsync()
    {
        if (undo is null || busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        var pending = undo;
        DismissUndo();
        busy = true;
        try
        {
            var n = await Commands.UndoAsync(pending.Change, viewer, await CurrentUser.ActorAsync());
            Notify.Notify(NotificationSeverity.Success, T["Undo.Done", n.ToString("N0")]);
            await ReloadGridAsync();
        }
        catch (MutationChangeRefused ex)
        {
            Notify.Notify(NotificationSeverity.Warning, T[ex.MessageKey]);
        }
        finally { busy = false; }
    }

    // Detail drawer
    private async Task OpenDetailAsync(long id)
    {
        await Dialogs.OpenSideAsync<MutationDetailPanel>(T["Detail.Title"], new Dictionary<string, object?>
        {
            [nameof(MutationDetailPanel.MutationId)] = id,
            [nameof(MutationDetailPanel.OnChanged)] = EventCallback.Factory.Create<(MutationChange, string)>(this, c => ShowUndo(c.Item1, c.Item2)),
        }!, new SideDialogOptions { Position = DialogPosition.Right, Width = "720px", Height = "100vh", Style = "top: 0; inset-block-start: 0;", CloseDialogOnOverlayClick = true, ShowMask = true });
        tags = await Queries.TagsAsync();
        await ReloadGridAsync();
    }

    // Saved views
    private Task OpenViewAsync(int? id)
    {
        selectedViewId = id;
        var view = views.FirstOrDefault(v => v.Id == id);
        if (view is not null) Nav.NavigateTo(AppUrls.MutationsQuery(view.Item.Query));
        return Task.CompletedTask;
    }

    private async Task SaveViewAsync()
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        try
        {
            selectedViewId = await Views.SaveAsync(newViewName ?? "", Filter, newViewShared, viewer, await CurrentUser.ActorAsync());
            Notify.Notify(NotificationSeverity.Success, T["View.Saved"]);
            savingView = false;
            newViewName = null;
            await LoadViewsAsync();
        }
        catch (MutationChangeRefused ex)
        {
            Notify.Notify(NotificationSeverity.Warning, T[ex.MessageKey]);
        }
        finally { busy = false; }
    }

    private async Task DeleteViewAsync(int id)
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        if (await Dialogs.Confirm(T["View.DeleteConfirm"], T["View.Delete"], new ConfirmOptions { OkButtonText = S["Common.Delete"], CancelButtonText = S["Common.Cancel"] }) != true) return;
        busy = true;
        try
        {
            await Views.DeleteAsync(id, viewer, await CurrentUser.ActorAsync());
            selectedViewId = null;
            await LoadViewsAsync();
        }
        catch (MutationChangeRefused ex)
        {
            Notify.Notify(NotificationSeverity.Warning, T[ex.MessageKey]);
        }
        finally { busy = false; }
    }

    // Export: written off the circuit's thread (ClosedXML is synchronous), with progress, then fetched once by URL.
    private async Task ExportAsync(ExportFormat format)
    {
        if (exporting || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        exporting = true;
        exportedRows = 0;
        exportMessage = null;
        var v = viewer;
        var actor = await CurrentUser.ActorAsync();
        var filter = Filter;
        var progress = new Progress<int>(n => { exportedRows = n; _ = InvokeAsync(StateHasChanged); });
        try
        {
            var file = await Task.Run(() => Exports.PrepareAsync(filter, format, v, actor, progress));
            exportMessage = T["Export.Done", file.Totals.Rows.ToString("N0"), file.FileName];
            await JS.InvokeVoidAsync("mootadesk.downloadFromUrl", AppUrls.MutationDownload(file.Token), file.FileName);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            exportMessage = T["Export.Failed"];
        }
        finally
        {
            exporting = false;
        }
    }

    private Task ReloadGridAsync() => grid?.Reload() ?? Task.CompletedTask;

    public void Dispose()
    {
        Nav.LocationChanged -= OnLocationChanged;
        undo?.Expiry.Cancel();
    }
}
