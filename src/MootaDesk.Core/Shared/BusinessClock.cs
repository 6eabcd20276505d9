using System.Globalization;

namespace MootaDesk.Core.Shared;

/// <summary>
/// The business's own clock. Everything is stored in UTC; this turns UTC into the business's local time
/// (default Asia/Jakarta, WIB) for display and turns local days into UTC ranges for queries.
/// </summary>
public sealed class BusinessClock
{
    private readonly TimeProvider _time;

    public BusinessClock(TimeProvider time, string timeZoneId = "Asia/Jakarta")
    {
        _time = time;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        ZoneAbbreviation = AbbreviationFor(TimeZone);
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>WIB, WITA or WIT for Indonesia's zones; otherwise "UTC+h".</summary>
    public string ZoneAbbreviation { get; }

    public DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    public DateTime LocalNow => ToLocal(UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);

    /// <summary>The half-open UTC range [start, end) of a local business day.</summary>
    public (DateTime StartUtc, DateTime EndUtc) DayRangeUtc(DateOnly day) =>
        (ToUtc(day.ToDateTime(TimeOnly.MinValue)), ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>The half-open UTC range of local days [from, to] inclusive.</summary>
    public (DateTime StartUtc, DateTime EndUtc) DaysRangeUtc(DateOnly from, DateOnly to) =>
        (ToUtc(from.ToDateTime(TimeOnly.MinValue)), ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>"21 Nov 2026 14.33 WIB" in Indonesian, "21 Nov 2026 14:33 WIB" in English.</summary>
    public string FormatDateTime(DateTime utc, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var local = ToLocal(utc);
        var time = IsIndonesian(culture) ? "HH.mm" : "HH:mm";
        return local.ToString($"d MMM yyyy {time}", DateCulture(culture)) + " " + ZoneAbbreviation;
    }

    /// <summary>The day only, for bank records that carry no real time: "21 Nov 2026".</summary>
    public string FormatDate(DateTime utc, CultureInfo? culture = null) =>
        ToLocal(utc).ToString("d MMM yyyy", DateCulture(culture ?? CultureInfo.CurrentUICulture));

    public static string FormatDay(DateOnly day, CultureInfo? culture = null) =>
        day.ToString("d MMM yyyy", DateCulture(culture ?? CultureInfo.CurrentUICulture));

    private static bool IsIndonesian(CultureInfo c) => c.TwoLetterISOLanguageName == "id";

    // Short month names of id-ID in ICU ("Agu", "Des") are what Indonesian readers expect.
    private static CultureInfo DateCulture(CultureInfo c) =>
        IsIndonesian(c) ? CultureInfo.GetCultureInfo("id-ID") : CultureInfo.GetCultureInfo("en-GB");

    private static string AbbreviationFor(TimeZoneInfo zone)
    {
        switch (zone.Id)
        {
            case "Asia/Jakarta" or "Asia/Pontianak" or "SE Asia Standard Time": return "WIB";
            case "Asia/Makassar" or "Singapore Standard Time": return "WITA";
            case "Asia/Jayapura" or "Tokyo Standard Time": return "WIT";
        }
        var offset = zone.BaseUtcOffset;
        if (offset == TimeSpan.Zero) return "UTC";
        return "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(offset.Minutes == 0 ? "%h" : @"h\:mm");
    }
}
