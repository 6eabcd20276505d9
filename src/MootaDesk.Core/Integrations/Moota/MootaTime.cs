using System.Globalization;

namespace MootaDesk.Core.Integrations.Moota;

/// <summary>
/// Moota's clock. Moota writes its times (<c>date</c>, <c>created_at</c>, <c>last_update</c> …) as Jakarta wall time
/// ("2026-11-20 14:01:55" = 07:01:55 UTC) whatever zone the merchant works in, or, in newer fields, as an ISO instant
/// with its offset ("2026-11-29T23:00:00.000000Z"). MootaDesk's own business zone (WIB, WITA or WIT) never enters
/// the reading: a WITA shop gets the same UTC instant as a WIB shop (see /work/shared/docs/moota-format.md).
/// </summary>
public static class MootaTime
{
    /// <summary>Asia/Jakarta (WIB, UTC+7, no daylight saving): the zone of every Moota wall-clock time.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    /// <summary>The earliest wall time accepted as a real bank date; older dates are placeholders or mistakes.</summary>
    public static readonly DateTime EarliestLocal = new(2000, 1, 1);

    /// <summary>How far past the present a date may lie: a bank's day can run ahead of our clock, a year never.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    private static readonly string[] WallFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];
    private static readonly string[] InstantFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ssK"];

    /// <summary>
    /// Reads one Moota time. Wall time ("YYYY-MM-DD HH:mm:ss", "YYYY-MM-DD HH:mm", "YYYY-MM-DD") is Jakarta time; a time of
    /// exactly 00:00:00 means only the day is known (<c>HasTimeOfDay</c> false). An ISO instant with "Z" or an offset is taken
    /// as written. Null when the text is none of these or lies before <see cref="EarliestLocal"/> (which also keeps the
    /// conversion away from <see cref="DateTime.MinValue"/>).
    /// </summary>
    public static MootaInstant? Parse(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) return null;
        if (DateTime.TryParseExact(s, WallFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (local < EarliestLocal) return new MootaInstant(DateTime.MinValue, false, TooEarly: true);
            return new MootaInstant(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), local.TimeOfDay != TimeSpan.Zero);
        }
        if (HasExplicitOffset(s) && DateTimeOffset.TryParseExact(s, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            if (instant.UtcDateTime < EarliestLocal) return new MootaInstant(DateTime.MinValue, true, TooEarly: true);
            return new MootaInstant(instant.UtcDateTime, true);
        }
        return null;
    }

    /// <summary>True when a bank date is believable: from <see cref="EarliestLocal"/> to <see cref="FutureTolerance"/> past now.</summary>
    public static bool IsPlausible(MootaInstant instant, DateTime utcNow) => !instant.TooEarly && instant.Utc <= utcNow + FutureTolerance;

    /// <summary>A UTC instant as Moota writes it: Jakarta wall time "yyyy-MM-dd HH:mm:ss" (what the sandbox sends).</summary>
    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static bool HasExplicitOffset(string s)
    {
        if (s.EndsWith('Z') || s.EndsWith('z')) return true;
        var t = s.IndexOf('T') is var i and >= 0 ? i : s.IndexOf(' ');
        return t > 0 && s.IndexOfAny(['+', '-'], t) > 0;
    }
}

/// <summary>A Moota time read: the instant in UTC, whether the time of day is real, and whether it lay before 2000.</summary>
public readonly record struct MootaInstant(DateTime Utc, bool HasTimeOfDay, bool TooEarly = false);
