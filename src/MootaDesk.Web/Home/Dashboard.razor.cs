using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Home;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Home;

public partial class Dashboard
{
    [Inject] public required DashboardQuery Query { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required IStringLocalizer<HomeText> T { get; init; }

    private DashboardModel? Model { get; set; }
    private IReadOnlyList<ChartPoint> ChartDays { get; set; } = [];

    private sealed record ChartPoint(string Label, decimal MoneyIn, decimal MoneyOut);

    protected override async Task OnInitializedAsync()
    {
        Model = await Query.LoadAsync(await CurrentUser.ViewerAsync());
        ChartDays = Model.Days.Select(d => new ChartPoint(d.Day.ToString("d MMM", CultureInfo.CurrentUICulture), d.MoneyIn, d.MoneyOut)).ToList();
    }

    // Axis labels in millions keep the chart readable: "Rp 12 jt" rather than "12000000".
    private static string FormatAxis(object value)
    {
        var v = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        return v >= 1_000_000 ? $"Rp {v / 1_000_000:0.#} jt" : Money.Format(v);
    }
}
