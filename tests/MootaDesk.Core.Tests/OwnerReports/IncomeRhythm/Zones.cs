namespace MootaDesk.Core.Tests.OwnerReports.IncomeRhythm;

/// <summary>Indonesia's three zones (none has daylight saving) and wall-clock times in them as UTC instants.</summary>
internal static class Zones
{
    public static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");   // UTC+7
    public static readonly TimeZoneInfo Wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"); // UTC+8
    public static readonly TimeZoneInfo Wit = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jayapura");  // UTC+9

    /// <summary>A WIB wall-clock time as UTC (7 hours earlier).</summary>
    public static DateTime AtWib(int year, int month, int day, int hour = 12, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);
}
