using System.Globalization;
using System.Text.RegularExpressions;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>
/// Times in notification posts and in bank notification texts. A post's time must say which instant it is: an ISO 8601
/// time with "Z" or an offset ("2026-11-21T16:30:05+07:00"), or Unix epoch milliseconds (what Android's
/// <c>StatusBarNotification.getPostTime()</c> and both forwarders send). A wall time without offset is refused, since a
/// phone may run in WIB, WITA or WIT. The rule for believable times is the Moota one: from 2000-01-01 to now + 1 day.
/// </summary>
public static partial class NotificationTime
{
    /// <summary>The earliest believable time; older values are placeholders or a zero timestamp.</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How far past now a time may lie: a phone's clock can run a little ahead, never a year.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>True when <paramref name="utc"/> lies from <see cref="Earliest"/> to <see cref="FutureTolerance"/> past <paramref name="utcNow"/>.</summary>
    public static bool IsPlausible(DateTime utc, DateTime utcNow) => utc >= Earliest && utc <= utcNow + FutureTolerance;

    /// <summary>
    /// Reads a post's time: epoch milliseconds as a JSON number or a string of digits, or ISO 8601 with an offset.
    /// Null with <paramref name="problem"/> set when it is none of these, has no offset, looks like epoch seconds, or
    /// is not believable against <paramref name="utcNow"/>.
    /// </summary>
    public static DateTime? ReadInstant(string text, DateTime utcNow, out NotificationProblem? problem)
    {
        problem = null;
        var s = text.Trim();
        DateTime utc;
        if (s.Length > 0 && s.All(char.IsAsciiDigit))
        {
            if (s.Length > 15 || !long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                problem = NotificationProblem.Of(NotificationProblems.TimeOutOfRange, s);
                return null;
            }
            utc = DateTime.UnixEpoch.AddMilliseconds(ms);
            if (!IsPlausible(utc, utcNow) && ms <= 99_999_999_999 && IsPlausible(DateTime.UnixEpoch.AddSeconds(ms), utcNow))
            {
                problem = NotificationProblem.Of(NotificationProblems.TimeInSeconds, s);
                return null;
            }
        }
        else if (IsoInstant().IsMatch(s))
        {
            if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                problem = NotificationProblem.Of(NotificationProblems.TimeUnreadable, s);
                return null;
            }
            utc = instant.UtcDateTime;
        }
        else
        {
            problem = NotificationProblem.Of(IsoWallTime().IsMatch(s) ? NotificationProblems.TimeNoOffset : NotificationProblems.TimeUnreadable, s);
            return null;
        }
        if (!IsPlausible(utc, utcNow))
        {
            problem = NotificationProblem.Of(NotificationProblems.TimeOutOfRange, s);
            return null;
        }
        return DateTime.SpecifyKind(utc, DateTimeKind.Utc);
    }

    /// <summary>
    /// A time as a bank writes it inside a notification text: "06/05/2026 22:53:10" (BRImo), "28 Agu 2026 20:43 WIB"
    /// (SeaBank), "13 Nov 2024 15:53:45". Indonesian and English month names. Banks write their own server time, which
    /// is Jakarta time (WIB, UTC+7) unless the text names WITA (UTC+8) or WIT (UTC+9). Null when unreadable or not
    /// believable (before 2000, or more than a day after <paramref name="reference"/>, the notification's own time): a
    /// text's time is extra information, never a reason to refuse the notification.
    /// </summary>
    public static DateTime? ReadStated(string? text, DateTime reference)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = StatedTime().Match(text.Trim());
        if (!m.Success) return null;
        int day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        int month;
        if (m.Groups["m"].Success) month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        else if (!Months.TryGetValue(m.Groups["mon"].Value.ToLowerInvariant(), out month)) return null;
        int hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), minute = int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (month is < 1 or > 12 || day < 1 || year < 2000 || year > 9998 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return null;
        var offset = m.Groups["zone"].Value.ToUpperInvariant() switch { "WITA" => 8, "WIT" => 9, _ => 7 };
        var utc = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(offset)).UtcDateTime;
        return IsPlausible(utc, reference) ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : null;
    }

    private static readonly Dictionary<string, int> Months = new()
    {
        ["jan"] = 1, ["januari"] = 1, ["january"] = 1, ["feb"] = 2, ["februari"] = 2, ["february"] = 2, ["mar"] = 3, ["maret"] = 3, ["march"] = 3,
        ["apr"] = 4, ["april"] = 4, ["mei"] = 5, ["may"] = 5, ["jun"] = 6, ["juni"] = 6, ["june"] = 6, ["jul"] = 7, ["juli"] = 7, ["july"] = 7,
        ["agu"] = 8, ["agt"] = 8, ["aug"] = 8, ["agustus"] = 8, ["august"] = 8, ["sep"] = 9, ["sept"] = 9, ["september"] = 9,
        ["okt"] = 10, ["oct"] = 10, ["oktober"] = 10, ["october"] = 10, ["nov"] = 11, ["nopember"] = 11, ["november"] = 11,
        ["des"] = 12, ["dec"] = 12, ["desember"] = 12, ["december"] = 12,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWallTime();

    [GeneratedRegex(@"^(?<d>\d{1,2})(?:/(?<m>\d{1,2})/|\s+(?<mon>[A-Za-z]{3,9})\s+)(?<y>\d{4})[\s,]+(?<h>\d{1,2})[:.](?<min>\d{2})(?:[:.](?<s>\d{2}))?(?:\s*(?<zone>WIB|WITA|WIT)\b)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatedTime();
}
