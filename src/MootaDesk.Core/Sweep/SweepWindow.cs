using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

/// <summary>The half-open UTC range a sweep covers.</summary>
public readonly record struct SweepWindow(DateTime StartUtc, DateTime EndUtc)
{
    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    /// <summary>
    /// From the end of the last signed-off sweep (so nothing falls between two sweeps, across midnight or
    /// missed days), or from 00:00 of the business day when nothing was signed off yet, until now. A day
    /// prepared late (after a restart the next morning) ends at midnight after that day, so the next
    /// day's money is not swept into it.
    /// </summary>
    public static SweepWindow Compute(DateOnly businessDate, DateTime? lastSignedOffEndUtc, DateTime nowUtc, BusinessClock clock)
    {
        var (dayStart, dayEnd) = clock.DayRangeUtc(businessDate);
        var end = nowUtc < dayEnd ? nowUtc : dayEnd;
        // A sign-off later than this day (history being re-prepared) says nothing about this day's start.
        var start = lastSignedOffEndUtc is DateTime last && last < end ? last : dayStart;
        if (start > end) start = end;
        return new SweepWindow(start, end);
    }
}
