using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.OwnerReports;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MudBlazor;

namespace MootaDesk.Web.OwnerReports;

/// <summary>Laporan Owner's content for one <see cref="OwnerReport"/>; loads nothing itself, so it renders the same in a test.</summary>
public partial class OwnerReportView
{
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required IStringLocalizer<OwnerReportsText> T { get; init; }

    [Parameter, EditorRequired] public OwnerReport Report { get; set; } = default!;

    /// <summary>One account's income: its full name (never cut), the amount, its share of all accounts' income and its bar.</summary>
    internal sealed record AccountRow(string Name, decimal Income, string ShareText, double BarPercent);

    /// <summary>Under thirty bars, a label every five days counted back from today ("30 Nov", "25 Nov", …).</summary>
    internal string[] DayLabels { get; private set; } = [];

    internal List<ChartSeries<double>> DaySeries { get; private set; } = [];
    internal BarChartOptions DayOptions { get; private set; } = new();
    internal IReadOnlyList<AccountRow> AccountRows { get; private set; } = [];

    private DateOnly? pastDay;
    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    protected override void OnParametersSet()
    {
        pastDay ??= Report.Past.FirstOrDefault()?.Day;
        DayLabels = ChartLabels.SparseDays(Report.Days.Select(d => d.Day).ToList(), 5, Culture);
        // The chart draws in double; every figure shown as text stays decimal.
        DaySeries = [new ChartSeries<double> { Name = T["Chart.Income"], Data = new ChartData<double>(Report.Days.Select(d => (double)d.Income).ToList()) }];
        DayOptions = new BarChartOptions { ChartPalette = ["#16a34a"], YAxisToStringFunc = v => ChartLabels.Money((decimal)v), MaxNumYAxisTicks = 6, ShowLegend = false };
        AccountRows = Accounts(Report.Accounts, Culture);
    }

    /// <summary>Accounts with income, richest first; the bar is the share of the richest account so the first bar is full.</summary>
    internal static IReadOnlyList<AccountRow> Accounts(IReadOnlyList<IncomeAccount> accounts, CultureInfo culture)
    {
        var withIncome = accounts.Where(a => a.Income > 0).OrderByDescending(a => a.Income).ToList();
        var total = withIncome.Sum(a => a.Income);
        var max = withIncome.Select(a => a.Income).DefaultIfEmpty(0).Max();
        return withIncome.Select(a => new AccountRow(a.Account, a.Income,
            (a.Income / total).ToString("P0", culture), max == 0 ? 0 : (double)(a.Income / max * 100))).ToList();
    }

    private string Accuracy(WeekMetrics w) =>
        w.Accuracy is double a ? $"{a.ToString("P1", Culture)} ({w.Reconciled.ToString("N0", Culture)}/{w.Credits.ToString("N0", Culture)})" : "—";

    private string FormatSeconds(double s) => ReadDuration.From(s) switch
    {
        { Hours: > 0, Minutes: 0 } d => T["Unit.Hours", d.Hours],
        { Hours: > 0 } d => T["Unit.HoursMinutes", d.Hours, d.Minutes],
        { Minutes: > 0 } d => T["Unit.Minutes", d.Minutes],
        var d => T["Unit.Seconds", d.Seconds],
    };
}
