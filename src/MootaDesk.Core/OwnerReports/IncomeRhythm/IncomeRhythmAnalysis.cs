namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>
/// The owner's "when money comes" report, pure: heatmap and busiest stretches (<see cref="IncomeHeatmap"/>), payday
/// rhythm (<see cref="PaydayRhythm"/>) and customers who come back (<see cref="ReturningCustomers"/>), all over the same
/// money, so the heatmap (with its time-unknown row), the three windows and the months each add up to
/// <see cref="IncomeRhythmReport.MoneyIn"/>. Callers pass real money only (no sandbox, no transfers between own
/// accounts, the owner summary's rule), from <see cref="IncomeRhythmPeriod.LookbackFrom"/> to the period's end.
/// </summary>
public static class IncomeRhythmAnalysis
{
    /// <summary>From single mutations, local days and hours in <paramref name="zone"/>.</summary>
    public static IncomeRhythmReport Analyse(IEnumerable<IncomeRhythmEntry> entries, TimeZoneInfo zone, IncomeRhythmPeriod period, IncomeRhythmWindows? windows = null) =>
        Analyse(IncomeRhythmFacts.FromEntries(entries, zone), zone, period, windows);

    /// <summary>From facts already grouped by local day in <paramref name="zone"/> (what a database query returns).</summary>
    public static IncomeRhythmReport Analyse(IncomeRhythmFacts facts, TimeZoneInfo zone, IncomeRhythmPeriod period, IncomeRhythmWindows? windows = null)
    {
        windows ??= IncomeRhythmWindows.Default;
        var moneyIn = MoneyFigures.None;
        foreach (var b in facts.Credits)
            if (period.Contains(b.Day)) moneyIn = moneyIn.Plus(b.Amount, b.Count);
        var (cells, unknown) = IncomeHeatmap.Build(facts.Credits, period);
        return new IncomeRhythmReport(period, zone.Id, moneyIn, cells, unknown, IncomeHeatmap.Busiest(cells, moneyIn.Amount),
            PaydayRhythm.Windows(facts.Credits, period, windows), PaydayRhythm.Months(facts.Credits, period, windows),
            ReturningCustomers.Figures(facts.Payers, facts.Refunds, period, moneyIn.Amount));
    }
}
