using MootaDesk.Core.BankAccounts;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
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
    [Inject] public required IDialogService MudDialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required IStringLocalizer<MutationsText> T { get; init; }
    [Inject] public required IStringLocalizer<SharedText> S { get; init; }

    /// <summary>A link from elsewhere (the statement import's "sudah ada", the duplicates review) opens this mutation's drawer.</summary>
    [SupplyParameterFromQuery(Name = MutationLink.OpenKey)] public long? OpenId { get; set; }

    private sealed record ViewChoice(int Id, string Label, SavedViewItem Item);
    private sealed record PendingUndo(MutationChange Change, string Message, CancellationTokenSource Expiry);

    /// <summary>Rows per page the pager offers; the choice is kept in the URL (<c>baris=</c>).</summary>
    internal static readonly int[] PageSizes = [25, 50, 100, 200];
    internal const int DefaultPageSize = 50;
    internal const string PageKey = "hal";
    internal const string PageSizeKey = "baris";

    /// <summary>The page (1-based) and rows per page the link asks for; the grid starts there.</summary>
    [SupplyParameterFromQuery(Name = PageKey)] public int? PageNumber { get; set; }
    [SupplyParameterFromQuery(Name = PageSizeKey)] public int? PageSize { get; set; }

    private MutationFilter Filter { get; set; } = MutationFilter.Empty;
    private MudDataGrid<MutationRow>? grid;
    // Bound both ways to the grid, so a re-render of this page never moves the grid back to where the link started it.
    private int currentPage, pageSize = DefaultPageSize;
    // The link's page, reached once the first page has loaded: MudDataGrid goes back to the first page whenever it takes its
    // rows per page, so a page given together with them at start would be lost.
    private int? pageFromLink;
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
    private IReadOnlyCollection<int> bulkTags = [];
    private ReconciliationStatus? bulkStatus;
    private string? bulkNote;
    private bool busy, canEdit, canManageRules, isDemoOnly, countingExact, savingView, newViewShared, exporting;
    private int? exactCount;
    private string? newViewName, viewError;
    private int exportedRows;
    private string? exportMessage;
    private PendingUndo? undo;

    private IEnumerable<TagOption> ActiveTags => tags.Where(t => !t.IsArchived);

    // MudSelect shows a picked value through these, not through the item's text: names, never ids or enum names.
    private string TagName(int id) => tags.FirstOrDefault(t => t.Id == id)?.Name ?? "";
    private string ViewLabel(int? id) => views.FirstOrDefault(v => v.Id == id)?.Label ?? "";
    private string StatusName(ReconciliationStatus? s) => s is null ? "" : T["Status." + s];
    private SavedViewItem? SelectedView => views.FirstOrDefault(v => v.Id == selectedViewId)?.Item;
    private bool PageAllSelected => rows is { Count: > 0 } && rows.All(r => selected.Contains(r.Id));

    private IReadOnlyList<Choice<ReconciliationStatus?>> StatusOptions =>
        Enum.GetValues<ReconciliationStatus>().Select(s => new Choice<ReconciliationStatus?>(s, T["Status." + s])).ToList();

    private string CountText => exactCount is int exact
        ? T["Count.Value", Number(exact)]
        : count.IsCapped ? T["Count.Capped", Number(CappedCount.Cap)] : T["Count.Value", Number(count.Value)];

    /// <summary>
    /// The grid formats its pager's numbers with this ("1–50 dari 1.282"); left unset, MudBlazor groups digits the English way.
    /// </summary>
    private static CultureInfo ReaderCulture => CultureInfo.CurrentUICulture;

    /// <summary>A count in the reader's language: "1.282" in Indonesian, "1,282" in English.</summary>
    internal static string Number(int n) => n.ToString("N0", CultureInfo.CurrentUICulture);

    /// <summary>The printable list of the current filter (<see cref="MutationsPrintPage"/>).</summary>
    private string PrintUrl => AppUrls.MutationsPrint(Filter.ToQueryString());

    protected override async Task OnInitializedAsync()
    {
        viewer = await CurrentUser.ViewerAsync();
        canEdit = TagMutationsCommand.CanEdit(viewer);
        canManageRules = AutoTagRuleStore.CanManage(viewer);
        accounts = await Queries.AccountsAsync();
        tags = await Queries.TagsAsync();
        await LoadViewsAsync();
        Filter = MutationFilter.Parse(Nav.Uri);
        var (linkPage, linkSize) = GridPosition(PageNumber, PageSize);
        pageSize = linkSize;
        pageFromLink = linkPage > 0 ? linkPage : null;
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

    private string UrlFor(MutationFilter f) => UrlFor(f, 0, pageSize);

    /// <summary>
    /// The link for a filter at a grid position: the filter's own query, then the page (1-based, left out on the first)
    /// and the rows per page (left out at the default), so a shared or reloaded link opens the same rows.
    /// </summary>
    internal static string UrlFor(MutationFilter f, int page, int size)
    {
        var parts = new List<string>();
        if (f.ToQueryString() is { Length: > 0 } q) parts.Add(q);
        if (page > 0) parts.Add(PageKey + "=" + (page + 1).ToString(CultureInfo.InvariantCulture));
        if (size != DefaultPageSize) parts.Add(PageSizeKey + "=" + size.ToString(CultureInfo.InvariantCulture));
        return parts.Count > 0 ? AppUrls.Mutations + "?" + string.Join("&", parts) : AppUrls.Mutations;
    }

    /// <summary>The grid's start from the link: page 0-based (a missing or nonsense page is the first), rows per page one of <see cref="PageSizes"/>.</summary>
    internal static (int Page, int Size) GridPosition(int? pageNumber, int? size) =>
        (pageNumber is > 1 and < 1_000_000 ? pageNumber.Value - 1 : 0, size is int s && PageSizes.Contains(s) ? s : DefaultPageSize);

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
            await FirstPageAsync();
        });
    }

    private Task ApplyFilterAsync(MutationFilter filter)
    {
        if (filter.Equals(Filter)) return FirstPageAsync();
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
        Filter.Sort == first ? Icons.Material.Filled.ArrowDownward : Filter.Sort == second ? Icons.Material.Filled.ArrowUpward : Icons.Material.Filled.UnfoldMore;

    private string SortHint(MutationSort first, MutationSort second) =>
        T["Sort.Header", T["Sort." + (Filter.Sort == first ? second : first)]];

    /// <summary>The grid's <c>ServerData</c>: one page of rows for the current filter; the position goes into the link.</summary>
    private async Task<GridData<MutationRow>> LoadPageAsync(GridState<MutationRow> state, CancellationToken ct)
    {
        if (viewer is null) return new GridData<MutationRow> { Items = [], TotalItems = 0 };
        // The grid shows its own loading bar while this runs.
        viewer = await CurrentUser.ViewerAsync();
        var filter = Filter;
        if (countedFilter is null || !countedFilter.Equals(filter))
        {
            count = await Queries.CountAsync(filter, viewer);
            countedFilter = filter;
            exactCount = null;
            countingExact = false;
        }
        rows = await Queries.PageAsync(filter, viewer, state.Page * state.PageSize, state.PageSize);
        if (pageFromLink is int target)
        {
            pageFromLink = null;
            if (target * state.PageSize < count.Value)
            {
                _ = InvokeAsync(() => { currentPage = target; StateHasChanged(); });
                return new GridData<MutationRow> { Items = rows, TotalItems = count.Value };
            }
        }
        var url = UrlFor(filter, state.Page, state.PageSize);
        if (!Nav.ToBaseRelativePath(Nav.Uri).Equals(url, StringComparison.Ordinal)) Nav.NavigateTo(url, replace: true);
        // The count above the grid and the page's selection state live outside the grid: show them for these rows too.
        _ = InvokeAsync(StateHasChanged);
        return new GridData<MutationRow> { Items = rows, TotalItems = count.Value };
    }

    private async Task FirstPageAsync()
    {
        if (grid is null) return;
        if (grid.CurrentPage == 0) await grid.ReloadServerData();
        else grid.NavigateTo(MudBlazor.Page.First);
    }

    private async Task CountExactAsync()
    {
        if (viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        countingExact = true;
        exactCount = await Queries.ExactCountAsync(Filter, viewer);
    }

    private string RowClass(MutationRow row, int index) => selected.Contains(row.Id) ? "mut-row-selected" : "";

    private static string ChipStyle(string color) => $"--chip: {color}";

    internal static Color StatusColor(ReconciliationStatus s) => s switch
    {
        ReconciliationStatus.Matched => Color.Success,
        ReconciliationStatus.NeedsAttention => Color.Warning,
        ReconciliationStatus.Resolved => Color.Info,
        _ => Color.Default,
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

    // Bulk actions: each returns a MutationChange the toast can undo. Several tags can be added or removed at once.
    private Task AddTagsAsync() => RunChangeAsync(async (v, a) =>
    {
        if (!bulkTags.Any()) throw new MutationChangeRefused("Error.NoTag");
        return await Commands.AddTagsAsync(selected.ToList(), bulkTags.ToList(), v, a);
    }, "Done.TagsAdded");

    private Task RemoveTagsAsync() => RunChangeAsync(async (v, a) =>
    {
        if (!bulkTags.Any()) throw new MutationChangeRefused("Error.NoTag");
        return await Commands.RemoveTagsAsync(selected.ToList(), bulkTags.ToList(), v, a);
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
            ShowUndo(change, T[doneKey, Number(change.Count)]);
            await ReloadGridAsync();
        }
        catch (MutationChangeRefused ex)
        {
            Snackbar.Add(T[ex.MessageKey], Severity.Warning);
        }
        finally { busy = false; }
    }

    internal void ShowUndo(MutationChange change, string message)
    {
        undo?.Expiry.Cancel();
        if (change.Count == 0)
        {
            undo = null;
            Snackbar.Add(T["Done.NothingChanged"], Severity.Info);
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
            Snackbar.Add(T["Undo.Done", Number(n)], Severity.Success);
            await ReloadGridAsync();
        }
        catch (MutationChangeRefused ex)
        {
            Snackbar.Add(T[ex.MessageKey], Severity.Warning);
        }
        finally { busy = false; }
    }

    // Detail sheet: a dialog on the right; the grid reloads when it closes, for the changes made inside.
    private async Task OpenDetailAsync(long id)
    {
        var parameters = new DialogParameters<MutationDetailDialog>
        {
            { x => x.MutationId, id },
            { x => x.OnChanged, EventCallback.Factory.Create<(MutationChange, string)>(this, c => ShowUndo(c.Item1, c.Item2)) },
        };
        var options = new DialogOptions { Position = DialogPosition.CenterRight, CloseOnEscapeKey = true, BackdropClick = true, CloseButton = true, NoHeader = false };
        var dialog = await MudDialogs.ShowAsync<MutationDetailDialog>(T["Detail.Title"], parameters, options);
        await dialog.Result;
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
            var saved = await Views.SaveAsync(newViewName ?? "", Filter, newViewShared, viewer, await CurrentUser.ActorAsync());
            if (saved.Refusal is { } refusal)
            {
                // Said beside the name, so the person sees which field to change; the form stays as typed.
                viewError = T.Say(refusal);
                return;
            }
            selectedViewId = saved.Value;
            Snackbar.Add(T["View.Saved"], Severity.Success);
            savingView = false;
            newViewName = null;
            viewError = null;
            await LoadViewsAsync();
        }
        finally { busy = false; }
    }

    private async Task DeleteViewAsync(int id)
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        if (await MudDialogs.ShowMessageBoxAsync(T["View.Delete"], T["View.DeleteConfirm"], yesText: S["Common.Delete"], cancelText: S["Common.Cancel"]) != true) return;
        busy = true;
        try
        {
            await Views.DeleteAsync(id, viewer, await CurrentUser.ActorAsync());
            selectedViewId = null;
            await LoadViewsAsync();
        }
        catch (MutationChangeRefused ex)
        {
            Snackbar.Add(T[ex.MessageKey], Severity.Warning);
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
            exportMessage = T["Export.Done", Number(file.Totals.Rows), file.FileName];
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

    private Task ReloadGridAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    public void Dispose()
    {
        Nav.LocationChanged -= OnLocationChanged;
        undo?.Expiry.Cancel();
    }
}
