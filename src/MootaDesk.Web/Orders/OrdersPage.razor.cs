using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Radzen;
using Radzen.Blazor;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Platform;

namespace MootaDesk.Web.Orders;

public partial class OrdersPage
{
    [Inject] public required OrderListQuery Query { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required IStringLocalizer<OrdersText> T { get; init; }

    [SupplyParameterFromQuery(Name = "status")] public string? StatusQuery { get; set; }

    private RadzenDataGrid<OrderView>? grid;
    // Null until the first load: Radzen only calls LoadData on first render when it has no Data yet.
    private IReadOnlyList<OrderView>? Items { get; set; }
    private int Total { get; set; }
    private bool loading;
    private bool CanWrite { get; set; }
    private OrderListStatus Status { get; set; }
    private string? Search { get; set; }
    private sealed record StatusOption(string Text, OrderListStatus Value);
    private IReadOnlyList<StatusOption> StatusOptions => Enum.GetValues<OrderListStatus>().Select(s => new StatusOption(T["Status." + s].Value, s)).ToList();

    protected override async Task OnInitializedAsync()
    {
        CanWrite = OrdersAccess.CanWrite(await CurrentUser.ViewerAsync());
        if (Enum.TryParse<OrderListStatus>(StatusQuery, true, out var s)) Status = s;
    }

    private async Task LoadAsync(LoadDataArgs args)
    {
        loading = true;
        try
        {
            var page = await Query.LoadAsync(new OrderFilter(Status, Search), args.Skip ?? 0, args.Top ?? 25);
            Items = page.Items;
            Total = page.Total;
        }
        finally
        {
            loading = false;
        }
    }

    private async Task OnStatusChanged(OrderListStatus status)
    {
        Status = status;
        await ReloadAsync();
    }

    private async Task OnSearchKey(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (grid is not null) await grid.FirstPage(true);
    }

    private void OpenOrder(DataGridRowMouseEventArgs<OrderView> args)
    {
        if (args.Data is { } order) Nav.NavigateTo(AppUrls.Order(order.Id));
    }
}
