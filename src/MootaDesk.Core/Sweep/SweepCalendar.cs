using System.Globalization;

namespace MootaDesk.Core.Sweep;

/// <summary>
/// When sweeps are due: the configured local time on business weekdays that are not holidays. Pure, so the
/// scheduler's decisions can be tested with any clock.
/// </summary>
public sealed class SweepCalendar
{
    public static readonly TimeOnly DefaultTime = new(16, 30);

    public static readonly IReadOnlySet<DayOfWeek> DefaultWeekdays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday,
    };

    /// <summary>How far back start-up looks for a missed run. Older gaps are still covered by the window, which starts at the last sign-off.</summary>
    public const int LookBackDays = 14;

    public SweepCalendar(TimeOnly time, IReadOnlySet<DayOfWeek> weekdays, IReadOnlySet<DateOnly> holidays)
    {
        Time = time;
        Weekdays = weekdays.Count == 0 ? DefaultWeekdays : weekdays;
        Holidays = holidays;
    }

    public TimeOnly Time { get; }
    public IReadOnlySet<DayOfWeek> Weekdays { get; }
    public IReadOnlySet<DateOnly> Holidays { get; }

    public static SweepCalendar Default { get; } = new(DefaultTime, DefaultWeekdays, new HashSet<DateOnly>());

    public bool IsBusinessDay(DateOnly day) => Weekdays.Contains(day.DayOfWeek) && !Holidays.Contains(day);

    /// <summary>
    /// The most recent business day whose sweep time has passed at <paramref name="localNow"/>: today after
    /// 16:30, otherwise the previous business day. Null when none in the look-back.
    /// </summary>
    public DateOnly? LatestDueDay(DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        for (var i = 0; i <= LookBackDays; i++)
        {
            var day = today.AddDays(-i);
            if (!IsBusinessDay(day)) continue;
            if (i == 0 && TimeOnly.FromDateTime(localNow) < Time) continue;
            return day;
        }
        return null;
    }

    /// <summary>The next local moment a sweep falls due, strictly after <paramref name="localNow"/>.</summary>
    public DateTime NextRunLocal(DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        for (var i = 0; i <= 366; i++)
        {
            var day = today.AddDays(i);
            var at = day.ToDateTime(Time);
            if (IsBusinessDay(day) && at > localNow) return at;
        }
        return today.AddDays(1).ToDateTime(Time);
    }

    /// <summary>"16:30" or "16.30".</summary>
    public static TimeOnly ParseTime(string? text) =>
        string.IsNullOrWhiteSpace(text) ? DefaultTime
        : TimeOnly.TryParseExact(text.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
        : throw new FormatException($"MootaDesk:Sweep:Time must look like 16:30, not '{text}'.");

    /// <summary>Weekday names in English or Indonesian, full or three letters ("Mon", "Senin"), as a list or comma-separated.</summary>
    public static IReadOnlySet<DayOfWeek> ParseWeekdays(IEnumerable<string>? entries)
    {
        var result = new HashSet<DayOfWeek>();
        foreach (var part in Split(entries))
        {
            var key = part.ToLowerInvariant();
            var day = key switch
            {
                "mon" or "monday" or "sen" or "senin" => DayOfWeek.Monday,
                "tue" or "tuesday" or "sel" or "selasa" => DayOfWeek.Tuesday,
                "wed" or "wednesday" or "rab" or "rabu" => DayOfWeek.Wednesday,
                "thu" or "thursday" or "kam" or "kamis" => DayOfWeek.Thursday,
                "fri" or "friday" or "jum" or "jumat" or "jum'at" => DayOfWeek.Friday,
                "sat" or "saturday" or "sab" or "sabtu" => DayOfWeek.Saturday,
                "sun" or "sunday" or "min" or "minggu" => DayOfWeek.Sunday,
                _ => throw new FormatException($"MootaDesk:Sweep:Weekdays: '{part}' is not a weekday."),
            };
            result.Add(day);
        }
        return result.Count == 0 ? DefaultWeekdays : result;
    }

    /// <summary>Dates as yyyy-MM-dd, as a list or comma-separated.</summary>
    public static IReadOnlySet<DateOnly> ParseHolidays(IEnumerable<string>? entries)
    {
        var result = new HashSet<DateOnly>();
        foreach (var part in Split(entries))
        {
            if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new FormatException($"MootaDesk:Sweep:Holidays: '{part}' is not a date like 2026-12-25.");
            result.Add(d);
        }
        return result;
    }

    private static IEnumerable<string> Split(IEnumerable<string>? entries) =>
        (entries ?? []).SelectMany(e => (e ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
