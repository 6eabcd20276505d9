namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>
/// The days a report covers, inclusive, as local days of the business zone. The figures count only money in these
/// days; the <see cref="LookbackDays"/> before <see cref="From"/> are read too, for "paid before" and for the first
/// month's change against the month before it.
/// </summary>
public sealed record IncomeRhythmPeriod
{
    /// <summary>How far back a payment makes its payer "returning", in local days.</summary>
    public const int LookbackDays = 90;

    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public IncomeRhythmPeriod(DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        From = from;
        To = to;
    }

    /// <summary>First local day, inclusive.</summary>
    public DateOnly From { get; }

    /// <summary>Last local day, inclusive.</summary>
    public DateOnly To { get; }

    /// <summary>The first local day a loader must read so that the figures are whole: <see cref="From"/> minus 90 days.</summary>
    public DateOnly LookbackFrom => From.AddDays(-LookbackDays);

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>
    /// The half-open UTC range [start, end) a loader reads: from the start of <see cref="LookbackFrom"/> (or of
    /// <see cref="From"/> without the lookback) to the end of <see cref="To"/>, in <paramref name="zone"/>.
    /// </summary>
    public (DateTime StartUtc, DateTime EndUtc) UtcRange(TimeZoneInfo zone, bool withLookback = true)
    {
        var start = withLookback ? LookbackFrom : From;
        return (StartOfDayUtc(start, zone), StartOfDayUtc(To.AddDays(1), zone));
    }

    private static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
