using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.OwnerReports.IncomeRhythm;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.OwnerReports;

/// <summary>Laporan Owner → Ritme pemasukan: which days and hours bring money, the payday rhythm, customers who come back.</summary>
public partial class IncomeRhythmPage
{
    [Inject] public required IncomeRhythmQuery Query { get; init; }
    [Inject] public required BusinessSettings Settings { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required IStringLocalizer<OwnerReportsText> T { get; init; }

    private sealed record WindowRow(string Label, MoneyFigures Figures);
    internal sealed record HeatCell(string Text, string Title, string Style);
    private sealed record HeatRow(string Day, IReadOnlyList<HeatCell> Cells);
    private sealed record MonthCell(string Amount, string Detail);
    private sealed record MonthRow(string Label, IReadOnlyList<MonthCell> Windows);

    private DateOnly From { get; set; }
    private DateOnly To { get; set; }

    // MudDatePicker works in DateTime; the report in business days. Clearing a field keeps the day it had.
    private DateTime? FromDate { get => From.ToDateTime(TimeOnly.MinValue); set { if (value is DateTime d) From = DateOnly.FromDateTime(d); } }
    private DateTime? ToDate { get => To.ToDateTime(TimeOnly.MinValue); set { if (value is DateTime d) To = DateOnly.FromDateTime(d); } }
    private static CultureInfo Culture => CultureInfo.CurrentUICulture;
    private IncomeRhythmReport? Report { get; set; }
    private string? Error { get; set; }
    private bool NotAllowed { get; set; }
    private bool IsOwner { get; set; }
    private bool FinanceAllowed { get; set; }
    private IReadOnlyList<WindowRow> WindowRows { get; set; } = [];
    private IReadOnlyList<string> Busiest { get; set; } = [];
    private IReadOnlyList<HeatRow> HeatRows { get; set; } = [];
    private IReadOnlyList<MonthRow> MonthRows { get; set; } = [];
    private IReadOnlyList<(string, string)> CustomerRows { get; set; } = [];
    private bool busy;

    private string ExportUrl => AppUrls.IncomeRhythmExport(From, To);

    protected override async Task OnInitializedAsync()
    {
        var viewer = await CurrentUser.ViewerAsync();
        IsOwner = viewer.Can(Actions.ReadOwnerReports);
        FinanceAllowed = await Query.FinanceAllowedAsync();
        // Three whole payday cycles up to today: each rhythm month then holds one whole payday window (decision 021).
        To = Clock.Today;
        var start = new DateOnly(To.Year, To.Month, 1).AddMonths(-3);
        From = new DateOnly(start.Year, start.Month, 25);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            var (report, refusal) = await Query.LoadAsync(From, To, await CurrentUser.ViewerAsync(), realOnly: false);
            NotAllowed = refusal?.Key == "IncomeRhythm.NotAllowed";
            Error = refusal is not null && !NotAllowed ? T[refusal.Key, IncomeRhythmQuery.MaxDays].Value : null;
            Report = report;
            if (report is not null) Shape(report);
        }
        finally { busy = false; }
    }

    private async Task SetFinanceAllowedAsync(bool allowed)
    {
        if (!IsOwner) return;
        await Settings.SetAsync(IncomeRhythmQuery.FinanceAllowedKey, allowed ? "true" : "false", await CurrentUser.ActorAsync());
        FinanceAllowed = allowed;
    }

    private void Shape(IncomeRhythmReport r)
    {
        var culture = CultureInfo.CurrentUICulture;
        WindowRows =
        [
            new(T["Rhythm.Window.Payday"], r.Windows.Payday), new(T["Rhythm.Window.Booster"], r.Windows.Booster), new(T["Rhythm.Window.Other"], r.Windows.Other),
        ];
        Busiest = r.Busiest.Select(b => IncomeRhythmWording.Describe(b, culture)).ToList();
        var max = r.Cells.Select(c => c.Amount).DefaultIfEmpty(0).Max();
        HeatRows = Enumerable.Range(1, 7).Select(day =>
        {
            var cells = r.Cells.Where(c => c.Weekday == day).OrderBy(c => c.Hour)
                .Select(c => Heat(c.Amount, c.Count, max, $"{IncomeRhythmWording.WeekdayName(day, culture)} {IncomeRhythmWording.HourRange(c.Hour, c.Hour + 1, culture)}"))
                .ToList();
            var unknown = r.TimeUnknown.First(u => u.Weekday == day);
            cells.Add(Heat(unknown.Amount, unknown.Count, max, $"{IncomeRhythmWording.WeekdayName(day, culture)} · {T["Rhythm.TimeUnknown"]}"));
            return new HeatRow(IncomeRhythmWording.WeekdayName(day, culture), cells);
        }).ToList();
        MonthRows = r.Months.Select(m => new MonthRow(
            $"{new DateTime(m.Year, m.Month, 1).ToString("MMM yyyy", culture)}{(m.IsWhole ? "" : " *")}",
            [Month(m.Payday, culture), Month(m.Booster, culture), Month(m.Other, culture), Month(m.Total, culture)])).ToList();
        var c = r.Customers;
        CustomerRows =
        [
            (T["Rhythm.Payers"], c.Payers.ToString("N0", culture)),
            (T["Rhythm.ReturningPayers"], $"{c.ReturningPayers.ToString("N0", culture)} ({Pct(c.ReturningPayersPercent, culture)})"),
            (T["Rhythm.ReturningMoney"], $"{Money.Format(c.Returning.Amount)} ({Pct(c.ReturningAmountPercent, culture)})"),
            (T["Rhythm.Unidentified"], Money.Format(c.Unidentified.Amount)),
            (T["Rhythm.AverageOrder"], c.Orders.Average is decimal a ? Money.Format(a) : "–"),
            (T["Rhythm.Refunds"], $"{Money.Format(c.Refunds.Amount)} ({Pct(c.RefundPercent, culture)})"),
        ];
    }

    private static string Pct(decimal? p, CultureInfo culture) => p is decimal d ? IncomeRhythmWording.Percent(d, culture) : "–";

    private MonthCell Month(MonthWindow w, CultureInfo culture)
    {
        var change = w.Change is { } ch ? $" · {(ch.AmountDelta >= 0 ? "+" : "")}{(ch.AmountPercent is decimal p ? IncomeRhythmWording.Percent(p, culture) : Money.Format(ch.AmountDelta))}" : "";
        return new MonthCell(Money.Format(w.Figures.Amount), T["Rhythm.PaymentsShort", w.Figures.Count.ToString("N0", culture)] + change);
    }

    /// <summary>
    /// A cell shaded by its share of the richest cell: a green whose opacity is the share (never below a faint tint when it has
    /// money), labelled short in Indonesian figures ("1,5jt", "250rb") so twenty-five columns fit a laptop screen.
    /// </summary>
    internal static HeatCell Heat(decimal amount, int count, decimal max, string title)
    {
        var share = max == 0 ? 0 : (double)(amount / max);
        var style = count == 0 ? "" : $"background: rgba(22, 163, 74, {Math.Max(0.08, share).ToString("0.00", CultureInfo.InvariantCulture)});";
        var text = count == 0 ? "" : amount >= 1_000_000 ? (amount / 1_000_000m).ToString("0.#", Indonesian) + "jt" : (amount / 1000m).ToString("#,##0", Indonesian) + "rb";
        return new HeatCell(text, $"{title}: {Money.Format(amount)} · {count.ToString("N0", Indonesian)}×", style);
    }

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
}
