using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

/// <summary>
/// What a day's sweep reads, in UTC: <see cref="EndUtc"/> is the cut-off (mutations stored before it count;
/// the day's own transactions are chosen by their bank date, docs/decisions/023-sweep-counts-the-bank-day.md),
/// and <see cref="StartUtc"/> is where "read since the last sweep" begins, for the late reads of earlier days
/// and the webhook deliveries the sweep looks at.
/// </summary>
public readonly record struct SweepWindow(DateTime StartUtc, DateTime EndUtc)
{
    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    /// <summary>
    /// The cut-off is the moment of preparation, so a past day prepared later shows all that is known of it
    /// then. "Since the last sweep" starts at the cut-off of the latest sweep of an earlier day, or at 00:00 of
    /// the business day when there is none.
    /// </summary>
    public static SweepWindow Compute(DateOnly businessDate, DateTime? previousSweepEndUtc, DateTime nowUtc, BusinessClock clock)
    {
        var (dayStart, _) = clock.DayRangeUtc(businessDate);
        var start = previousSweepEndUtc is DateTime last && last < nowUtc ? last : dayStart;
        if (start > nowUtc) start = nowUtc;
        return new SweepWindow(start, nowUtc);
    }
}
