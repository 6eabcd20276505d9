namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>
/// Money in by window of the payday rhythm (payday, booster, other), over the period and per rhythm month with the change
/// against the month before. Which days make a rhythm month is <see cref="IncomeRhythmWindows"/>'s rule.
/// </summary>
public static class PaydayRhythm
{
    /// <summary>The period's money in by window; the three add up to all money in of the period.</summary>
    public static IncomeWindows Windows(IEnumerable<IncomeBucket> credits, IncomeRhythmPeriod period, IncomeRhythmWindows windows)
    {
        var sums = new Sums();
        foreach (var b in credits)
            if (period.Contains(b.Day)) sums.Add(windows.WindowOf(b.Day), b);
        return new IncomeWindows(sums.Get(IncomeWindow.Payday), sums.Get(IncomeWindow.Booster), sums.Get(IncomeWindow.Other));
    }

    /// <summary>
    /// Every rhythm month the period touches, oldest first. A month's figures count only days inside the period; its
    /// change compares it with the whole previous cycle (which may lie before the period: the facts' lookback holds it).
    /// </summary>
    public static IReadOnlyList<RhythmMonth> Months(IEnumerable<IncomeBucket> credits, IncomeRhythmPeriod period, IncomeRhythmWindows windows)
    {
        var inPeriod = new Dictionary<DateOnly, Sums>();
        var whole = new Dictionary<DateOnly, Sums>();
        foreach (var b in credits)
        {
            var month = windows.MonthOf(b.Day);
            var window = windows.WindowOf(b.Day);
            Of(whole, month).Add(window, b);
            if (period.Contains(b.Day)) Of(inPeriod, month).Add(window, b);
        }

        var result = new List<RhythmMonth>();
        for (var month = windows.MonthOf(period.From); month <= windows.MonthOf(period.To); month = month.AddMonths(1))
        {
            var (cycleFrom, cycleTo) = windows.CycleOf(month);
            var coveredFrom = cycleFrom > period.From ? cycleFrom : period.From;
            var coveredTo = cycleTo < period.To ? cycleTo : period.To;
            var current = inPeriod.GetValueOrDefault(month) ?? new Sums();
            var previous = whole.GetValueOrDefault(month.AddMonths(-1));
            var compare = coveredFrom == cycleFrom && coveredTo == cycleTo && previous is not null && previous.Total.Count > 0;
            MonthWindow Window(MoneyFigures now, Func<Sums, MoneyFigures> pick) =>
                new(now, compare ? WindowChange.Between(now, pick(previous!)) : null);
            result.Add(new RhythmMonth(month.Year, month.Month, cycleFrom, cycleTo, coveredFrom, coveredTo,
                Window(current.Get(IncomeWindow.Payday), s => s.Get(IncomeWindow.Payday)),
                Window(current.Get(IncomeWindow.Booster), s => s.Get(IncomeWindow.Booster)),
                Window(current.Get(IncomeWindow.Other), s => s.Get(IncomeWindow.Other)),
                Window(current.Total, s => s.Total)));
        }
        return result;
    }

    private static Sums Of(Dictionary<DateOnly, Sums> byMonth, DateOnly month)
    {
        if (!byMonth.TryGetValue(month, out var sums)) byMonth[month] = sums = new Sums();
        return sums;
    }

    private sealed class Sums
    {
        private readonly MoneyFigures[] _windows = [MoneyFigures.None, MoneyFigures.None, MoneyFigures.None];

        public MoneyFigures Total { get; private set; } = MoneyFigures.None;

        public void Add(IncomeWindow window, IncomeBucket b)
        {
            _windows[(int)window] = _windows[(int)window].Plus(b.Amount, b.Count);
            Total = Total.Plus(b.Amount, b.Count);
        }

        public MoneyFigures Get(IncomeWindow window) => _windows[(int)window];
    }
}
