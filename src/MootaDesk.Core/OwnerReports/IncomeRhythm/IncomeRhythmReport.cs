namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

// Shapes shared by the page, the Excel export and GET /api/reports/income-rhythm. Amounts are rupiah (decimal; the API
// writes them as decimal strings). Percentages are percent (0–100), rounded to one decimal place, half away from zero;
// averages are whole rupiah, half away from zero (see MoneyFigures.Of). Weekdays are ISO: 1 = Monday … 7 = Sunday.

/// <summary>A sum of money, how many payments made it, and their average (whole rupiah; null when there are none).</summary>
public sealed record MoneyFigures(decimal Amount, int Count, decimal? Average)
{
    public static MoneyFigures None { get; } = new(0, 0, null);

    public static MoneyFigures Of(decimal amount, int count) => new(amount, count, RhythmMath.Average(amount, count));

    public MoneyFigures Plus(decimal amount, int count) => Of(Amount + amount, Count + count);
}

/// <summary>Money in at one weekday and hour of the business zone over the whole period (the API's <c>cells</c>).</summary>
public sealed record HeatmapCell(int Weekday, int Hour, decimal Amount, int Count);

/// <summary>Money in on one weekday whose hour the bank did not give: the heatmap's "time unknown" row.</summary>
public sealed record TimeUnknownDay(int Weekday, decimal Amount, int Count);

/// <summary>
/// A busy stretch of one weekday, hours [<see cref="FromHour"/>, <see cref="ToHour"/>) (so 19–21 is "19.00–21.00"),
/// with its share of all money in of the period (including money whose hour is unknown).
/// </summary>
public sealed record BusyHours(int Weekday, int FromHour, int ToHour, decimal Amount, int Count, decimal SharePercent);

/// <summary>Money in by window of the payday rhythm (the API's <c>windows</c>).</summary>
public sealed record IncomeWindows(MoneyFigures Payday, MoneyFigures Booster, MoneyFigures Other);

/// <summary>
/// How one window moved against the previous rhythm month: deltas are this month minus <see cref="Previous"/>;
/// <see cref="AmountPercent"/> is null when the previous amount was zero, <see cref="AverageDelta"/> when either month
/// has no payment in the window.
/// </summary>
public sealed record WindowChange(MoneyFigures Previous, decimal AmountDelta, decimal? AmountPercent, int CountDelta, decimal? AverageDelta)
{
    public static WindowChange Between(MoneyFigures current, MoneyFigures previous) =>
        new(previous, current.Amount - previous.Amount,
            previous.Amount == 0 ? null : RhythmMath.Percent(current.Amount - previous.Amount, previous.Amount),
            current.Count - previous.Count,
            current.Average is decimal a && previous.Average is decimal b ? a - b : null);
}

/// <summary>One window in one rhythm month, and its change (null when there is none to give; see <see cref="RhythmMonth"/>).</summary>
public sealed record MonthWindow(MoneyFigures Figures, WindowChange? Change);

/// <summary>
/// One rhythm month: the payday cycle <see cref="CycleFrom"/>–<see cref="CycleTo"/> named by calendar month
/// <see cref="Year"/>/<see cref="Month"/> (see <see cref="IncomeRhythmWindows"/>). Figures count only the days the period
/// covers (<see cref="CoveredFrom"/>–<see cref="CoveredTo"/>), so all months add up to the period's money in. The change
/// is against the whole previous cycle, and is given only when this month is whole and the previous one had money in.
/// </summary>
public sealed record RhythmMonth(int Year, int Month, DateOnly CycleFrom, DateOnly CycleTo, DateOnly CoveredFrom, DateOnly CoveredTo,
    MonthWindow Payday, MonthWindow Booster, MonthWindow Other, MonthWindow Total)
{
    public bool IsWhole => CoveredFrom == CycleFrom && CoveredTo == CycleTo;
}

/// <summary>
/// Customers who come back. A payment is "returning" when its payer paid on an earlier local day at most 90 days before
/// (same-day repeats are one visit); a payer is returning when one of their payments in the period is. Shares are of
/// money in whose payer is known (<see cref="Identified"/>); <see cref="Unidentified"/> says how much that leaves out.
/// </summary>
/// <param name="Payers">Distinct known payers with money in the period.</param>
/// <param name="ReturningPayers">Of them, those who came back within 90 days.</param>
/// <param name="ReturningPayersPercent">Share of <paramref name="Payers"/>; null without payers.</param>
/// <param name="Identified">Money in whose payer is known.</param>
/// <param name="Returning">Money in from returning payments.</param>
/// <param name="ReturningAmountPercent">Share of <paramref name="Identified"/> money; null when none is known.</param>
/// <param name="Unidentified">Money in that names no payer (QRIS without a name, a blank counterparty and no order).</param>
/// <param name="Orders">Matched orders' amounts (before unique codes): the average is the average order value.</param>
/// <param name="Refunds">Refunds paid out in the period.</param>
/// <param name="RefundPercent">Refunds as a share of all money in; null without money in.</param>
public sealed record CustomerFigures(int Payers, int ReturningPayers, decimal? ReturningPayersPercent,
    MoneyFigures Identified, MoneyFigures Returning, decimal? ReturningAmountPercent, MoneyFigures Unidentified,
    MoneyFigures Orders, MoneyFigures Refunds, decimal? RefundPercent);

/// <summary>The owner's view of when money comes, over one period in the business zone.</summary>
/// <param name="Cells">All 168 weekday × hour cells, Monday 0:00 first, zeros included.</param>
/// <param name="TimeUnknown">Seven rows, Monday first: money whose bank gave only the day.</param>
/// <param name="Busiest">Up to three busiest stretches, busiest first (<see cref="IncomeHeatmap"/>).</param>
/// <param name="Months">Every rhythm month the period touches, oldest first.</param>
public sealed record IncomeRhythmReport(IncomeRhythmPeriod Period, string TimeZoneId, MoneyFigures MoneyIn,
    IReadOnlyList<HeatmapCell> Cells, IReadOnlyList<TimeUnknownDay> TimeUnknown, IReadOnlyList<BusyHours> Busiest,
    IncomeWindows Windows, IReadOnlyList<RhythmMonth> Months, CustomerFigures Customers);

internal static class RhythmMath
{
    /// <summary>Percent of <paramref name="part"/> in <paramref name="whole"/>, one decimal, half away from zero; null when the whole is zero.</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    public static decimal? Average(decimal amount, int count) =>
        count == 0 ? null : Math.Round(amount / count, 0, MidpointRounding.AwayFromZero);

    /// <summary>ISO weekday: Monday 1 … Sunday 7.</summary>
    public static int Weekday(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
}
