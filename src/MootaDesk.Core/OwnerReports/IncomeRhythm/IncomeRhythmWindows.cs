namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>Days of a month, inclusive ("12–14"). When <see cref="FromDay"/> is after <see cref="ToDay"/> the range runs
/// over the month's end into the next month ("25–5"); only the payday window may do that.</summary>
public readonly record struct DayRange(int FromDay, int ToDay)
{
    public bool Wraps => FromDay > ToDay;

    /// <summary>Whether day-of-month <paramref name="day"/> (1–31) lies in the range.</summary>
    public bool Contains(int day) => Wraps ? day >= FromDay || day <= ToDay : day >= FromDay && day <= ToDay;

    public override string ToString() => $"{FromDay}–{ToDay}";
}

/// <summary>Which part of the payday rhythm a local day belongs to.</summary>
public enum IncomeWindow { Payday = 0, Booster = 1, Other = 2 }

/// <summary>
/// The payday rhythm's windows: the payday window (default the 25th to the 5th) and the mid-month booster windows
/// (default 12–14 and 18–20); every other day is "other".
/// <para>
/// <b>Which month a payday window belongs to.</b> A window that runs over a month's end (25 Dec – 5 Jan) belongs to the
/// month in which it <i>ends</i>: the salary paid on 25 December is spent in January. So "month M" of the rhythm is
/// the payday cycle from the window's first day in the month before (the 25th of M−1) to the day before the next
/// window starts (the 24th of M): one whole payday window, then all booster and quiet days of calendar month M. Every
/// row then holds exactly one whole payday window, and rows compare like with like. A window that does not wrap
/// (say 1–5) makes the cycle the calendar month. A window start beyond a short month's last day (the 30th in
/// February) starts that cycle on the 1st of the next month.
/// </para>
/// </summary>
public sealed class IncomeRhythmWindows
{
    /// <summary>Message keys of <see cref="Problem"/>, for the settings page to translate.</summary>
    public static class Problems
    {
        public const string DayOutOfRange = "IncomeRhythm.Windows.DayOutOfRange";
        public const string BoosterReversed = "IncomeRhythm.Windows.BoosterReversed";
        public const string PaydayWholeMonth = "IncomeRhythm.Windows.PaydayWholeMonth";
        public const string Overlap = "IncomeRhythm.Windows.Overlap";
    }

    /// <summary>25–5 payday, boosters 12–14 and 18–20 (the playbook's rhythm).</summary>
    public static IncomeRhythmWindows Default { get; } = Create(new DayRange(25, 5), [new DayRange(12, 14), new DayRange(18, 20)]);

    private IncomeRhythmWindows(DayRange payday, IReadOnlyList<DayRange> boosters)
    {
        Payday = payday;
        Boosters = boosters;
    }

    public DayRange Payday { get; }
    public IReadOnlyList<DayRange> Boosters { get; }

    /// <summary>
    /// Why these windows cannot be used, as a message key of <see cref="Problems"/>, or null when they can: days must be
    /// 1–31, a booster must not run backwards or over the month's end, the payday window must leave some day out, and
    /// no day may be in two windows.
    /// </summary>
    public static string? Problem(DayRange payday, IReadOnlyList<DayRange> boosters)
    {
        DayRange[] all = [payday, .. boosters];
        if (all.Any(r => r.FromDay is < 1 or > 31 || r.ToDay is < 1 or > 31)) return Problems.DayOutOfRange;
        if (boosters.Any(b => b.Wraps)) return Problems.BoosterReversed;
        if (Enumerable.Range(1, 31).All(payday.Contains)) return Problems.PaydayWholeMonth;
        for (var day = 1; day <= 31; day++)
            if (all.Count(r => r.Contains(day)) > 1) return Problems.Overlap;
        return null;
    }

    /// <exception cref="ArgumentException">The windows have a <see cref="Problem"/>; the message names its key.</exception>
    public static IncomeRhythmWindows Create(DayRange payday, IReadOnlyList<DayRange> boosters)
    {
        if (Problem(payday, boosters) is { } problem)
            throw new ArgumentException($"{problem}: payday {payday}, boosters {string.Join(", ", boosters)}.", nameof(boosters));
        return new IncomeRhythmWindows(payday, boosters.OrderBy(b => b.FromDay).ToList());
    }

    /// <summary>The window of a local day: payday before booster, everything else "other".</summary>
    public IncomeWindow WindowOf(DateOnly day) =>
        Payday.Contains(day.Day) ? IncomeWindow.Payday
        : Boosters.Any(b => b.Contains(day.Day)) ? IncomeWindow.Booster
        : IncomeWindow.Other;

    /// <summary>The rhythm month a local day counts in, as the first day of that calendar month (see the class remarks).</summary>
    public DateOnly MonthOf(DateOnly day)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        return Payday.Wraps && day.Day >= Payday.FromDay ? month.AddMonths(1) : month;
    }

    /// <summary>The first and last local day of rhythm month <paramref name="month"/> (any day of it; the first is used).</summary>
    public (DateOnly From, DateOnly To) CycleOf(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return (CycleStart(first), CycleStart(first.AddMonths(1)).AddDays(-1));
    }

    private DateOnly CycleStart(DateOnly firstOfMonth)
    {
        if (!Payday.Wraps) return firstOfMonth;
        var previous = firstOfMonth.AddMonths(-1);
        return Payday.FromDay <= DateTime.DaysInMonth(previous.Year, previous.Month)
            ? new DateOnly(previous.Year, previous.Month, Payday.FromDay)
            : firstOfMonth;
    }
}
