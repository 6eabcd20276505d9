using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Home;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MudBlazor;

namespace MootaDesk.Web.Home;

/// <summary>Beranda's figures for one <see cref="DashboardModel"/>; no loading of its own, so it renders the same in a test.</summary>
public partial class DashboardView
{
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required IStringLocalizer<HomeText> T { get; init; }

    [Parameter, EditorRequired] public DashboardModel Model { get; set; } = default!;

    /// <summary>What only the Owner sees between the tiles and the chart (the latest owner summary).</summary>
    [Parameter] public RenderFragment? OwnerContent { get; set; }

    /// <summary>
    /// Day labels under the bars: "17 Nov" where a month starts on the chart, then only the day ("18", "19"), so fourteen
    /// labels fit under a half-width chart without running together.
    /// </summary>
    internal string[] Labels { get; private set; } = [];

    /// <summary>Money in per day, and money out per day only when the person may see debits.</summary>
    internal List<ChartSeries<double>> Series { get; private set; } = [];

    internal BarChartOptions Options { get; private set; } = new();

    protected override void OnParametersSet()
    {
        Labels = Model.Days.Select((d, i) => i == 0 || d.Day.Day == 1
            ? d.Day.ToString("d MMM", CultureInfo.CurrentUICulture)
            : d.Day.Day.ToString(CultureInfo.InvariantCulture)).ToArray();
        // The chart draws in double; the figures stay decimal everywhere they are added up or shown as text.
        Series = [new ChartSeries<double> { Name = T["Chart.In"], Data = new ChartData<double>(Model.Days.Select(d => (double)d.MoneyIn).ToList()) }];
        var palette = new List<string> { "#16a34a" };
        if (Model.MoneyOutToday is not null)
        {
            Series.Add(new ChartSeries<double> { Name = T["Chart.Out"], Data = new ChartData<double>(Model.Days.Select(d => (double)d.MoneyOut).ToList()) });
            palette.Add("#dc2626");
        }
        Options = new BarChartOptions { ChartPalette = palette.ToArray(), YAxisToStringFunc = v => AxisLabel((decimal)v) };
    }

    /// <summary>Axis labels in millions keep the chart readable: "Rp 12 jt" rather than "12000000".</summary>
    internal static string AxisLabel(decimal value) => ChartLabels.Money(value);
}
