using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Sweep;

public partial class SweepItemsGrid
{
    private static readonly int[] PageSizes = [25, 50, 100];

    [Parameter, EditorRequired] public int SweepId { get; set; }
    [Parameter, EditorRequired] public IReadOnlyCollection<SweepItemKind> Kinds { get; set; } = [];
    [Parameter] public bool ReadOnly { get; set; }
    [Parameter] public bool Selectable { get; set; }
    [Parameter] public bool AllowCheckAll { get; set; }
    [Parameter] public string TestId { get; set; } = "items";
    [Parameter] public EventCallback Changed { get; set; }
    [Parameter] public HashSet<long> Selected { get; set; } = [];

    /// <summary>Raised on every tick, so the page's "Tugaskan terpilih (N)" follows the selection.</summary>
    [Parameter] public EventCallback SelectedChanged { get; set; }

    [Inject] public required SweepQuery Query { get; init; }
    [Inject] public required SweepCommands Commands { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IStringLocalizer<SweepText> T { get; init; }

    private MudDataGrid<SweepItemRow>? grid;
    private bool busy;
    private bool onlyOpen;
    private string? note;

    /// <summary>The grid's <c>ServerData</c>: one page of the step's items.</summary>
    private async Task<GridData<SweepItemRow>> LoadAsync(GridState<SweepItemRow> state, CancellationToken ct)
    {
        var (rows, count) = await Query.ItemsAsync(SweepId, Kinds, onlyOpen, state.Page * state.PageSize, state.PageSize);
        return new GridData<SweepItemRow> { Items = rows, TotalItems = count };
    }

    /// <summary>Back to the first page with fresh rows (after an assignment or a filter change).</summary>
    public Task ReloadAsync() => GridLink.FirstPageAsync(grid);

    private async Task OnlyOpenChangedAsync(bool value)
    {
        onlyOpen = value;
        await ReloadAsync();
    }

    private async Task Toggle(long id, bool on)
    {
        if (on) Selected.Add(id); else Selected.Remove(id);
        await SelectedChanged.InvokeAsync();
    }

    private async Task CheckAsync(SweepItemRow row, bool check) =>
        await RunAsync(async () => await Commands.CheckItemsAsync(SweepId, [row.Id], check, note, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync()));

    private async Task CheckAllAsync() =>
        await RunAsync(async () => await Commands.CheckAllOpenAsync(SweepId, Kinds, note, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync()));

    private async Task RunAsync(Func<Task> action)
    {
        if (busy) return;
        busy = true;
        try
        {
            await action();
            note = null;
            if (grid is not null) await grid.ReloadServerData();
            await Changed.InvokeAsync();
        }
        catch (SweepRefusedException ex)
        {
            var text = T["Refused." + ex.Code];
            Snackbar.Add(text.ResourceNotFound ? ex.Message : text.Value, Severity.Error);
        }
        finally { busy = false; }
    }
}
