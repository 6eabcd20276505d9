using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Orders;

public partial class OrdersPage
{
    /// <summary>The filter in the link: <c>status=</c> (an <see cref="OrderListStatus"/> name, left out at All) and <c>q=</c>.</summary>
    internal const string StatusKey = "status";
    internal const string SearchKey = "q";

    [Inject] public required OrderListQuery Query { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required IStringLocalizer<OrdersText> T { get; init; }

    [SupplyParameterFromQuery(Name = StatusKey)] public string? StatusQuery { get; set; }
    [SupplyParameterFromQuery(Name = SearchKey)] public string? SearchQuery { get; set; }
    [SupplyParameterFromQuery(Name = GridLink.PageKey)] public int? PageNumber { get; set; }
    [SupplyParameterFromQuery(Name = GridLink.PageSizeKey)] public int? PageSize { get; set; }

    private GridLink Paging { get; } = new(50);
    private MudDataGrid<OrderView>? grid;
    private bool CanWrite { get; set; }
    private OrderListStatus Status { get; set; }
    private string? Search { get; set; }
    // The search the grid shows; the box may hold one not yet applied.
    private string? applied;

    protected override async Task OnInitializedAsync()
    {
        CanWrite = OrdersAccess.CanWrite(await CurrentUser.ViewerAsync());
        Status = ParseStatus(StatusQuery);
        Search = applied = string.IsNullOrWhiteSpace(SearchQuery) ? null : SearchQuery.Trim();
        Paging.Start(PageNumber, PageSize);
    }

    /// <summary>A status from the link, by name in any case; anything else is All.</summary>
    internal static OrderListStatus ParseStatus(string? text) =>
        Enum.TryParse<OrderListStatus>(text, true, out var s) && Enum.IsDefined(s) ? s : OrderListStatus.All;

    /// <summary>The link's filter part for a status and search (null leaves a parameter out).</summary>
    internal static IEnumerable<KeyValuePair<string, object?>> FilterQuery(OrderListStatus status, string? search) =>
    [
        new(StatusKey, status == OrderListStatus.All ? null : status.ToString()),
        new(SearchKey, string.IsNullOrWhiteSpace(search) ? null : search.Trim()),
    ];

    private string StatusText(OrderListStatus s) => T["Status." + s];

    /// <summary>The grid's <c>ServerData</c>: one page of orders for the filter; the filter and position go into the link.</summary>
    private async Task<GridData<OrderView>> LoadPageAsync(GridState<OrderView> state, CancellationToken ct)
    {
        var page = await Query.LoadAsync(new OrderFilter(Status, applied), state.Page * state.PageSize, state.PageSize);
        if (Paging.AfterLoad(Nav, state.Page, state.PageSize, page.Total, FilterQuery(Status, applied)) is int target)
            _ = InvokeAsync(() => { Paging.CurrentPage = target; StateHasChanged(); });
        return new GridData<OrderView> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task OnStatusChangedAsync(OrderListStatus status)
    {
        Status = status;
        await FirstPageAsync();
    }

    private async Task ApplySearchAsync()
    {
        applied = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        await FirstPageAsync();
    }

    private Task FirstPageAsync() => GridLink.FirstPageAsync(grid);

    private void OpenOrder(DataGridRowClickEventArgs<OrderView> args) => Nav.NavigateTo(AppUrls.Order(args.Item.Id));
}
