using System.Globalization;

namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>
/// The income rhythm in words, Indonesian first ("Jumat 19.00–21.00: 14% dari pemasukan"), English otherwise
/// ("Friday 19:00–21:00: 14% of money in"). Percentages follow the app (the owner reports page writes shares with
/// .NET's id-ID percent pattern, "13,8%": no space before the sign, a decimal comma) with a whole number written
/// without ",0"; times follow <c>BusinessClock</c> ("19.00" in Indonesian, "19:00" in English). Weekday names are
/// written here rather than read from ICU so that an ICU update cannot turn "Jumat" into "Jum'at".
/// </summary>
public static class IncomeRhythmWording
{
    private static readonly string[] IndonesianDays = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
    private static readonly string[] EnglishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>"Jumat 19.00–21.00: 14% dari pemasukan" / "Friday 19:00–21:00: 14% of money in".</summary>
    public static string Describe(BusyHours stretch, CultureInfo culture) =>
        $"{WeekdayName(stretch.Weekday, culture)} {HourRange(stretch.FromHour, stretch.ToHour, culture)}: {Percent(stretch.SharePercent, culture)}"
        + (IsIndonesian(culture) ? " dari pemasukan" : " of money in");

    /// <summary>ISO weekday 1 (Monday) … 7 (Sunday): "Senin" … "Minggu" / "Monday" … "Sunday".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 1–7.</exception>
    public static string WeekdayName(int weekday, CultureInfo culture)
    {
        if (weekday is < 1 or > 7) throw new ArgumentOutOfRangeException(nameof(weekday), weekday, "An ISO weekday is 1 (Monday) to 7 (Sunday).");
        return (IsIndonesian(culture) ? IndonesianDays : EnglishDays)[weekday - 1];
    }

    /// <summary>Hours [<paramref name="fromHour"/>, <paramref name="toHour"/>): "19.00–21.00", "23.00–24.00" / "19:00–21:00".</summary>
    public static string HourRange(int fromHour, int toHour, CultureInfo culture)
    {
        var separator = IsIndonesian(culture) ? "." : ":";
        return $"{fromHour:00}{separator}00–{toHour:00}{separator}00";
    }

    /// <summary>A percent value (14 means 14%): "14%", "13,8%" / "13.8%", at most one decimal, half away from zero.</summary>
    public static string Percent(decimal percent, CultureInfo culture) =>
        Math.Round(percent, 1, MidpointRounding.AwayFromZero).ToString("0.#", NumberCulture(culture)) + "%";

    /// <summary>A change in percent with its sign: "+12,5%", "-3%", "0%".</summary>
    public static string SignedPercent(decimal percent, CultureInfo culture)
    {
        var text = Percent(percent, culture);
        return text.StartsWith('-') || text == "0%" ? text : "+" + text;
    }

    private static bool IsIndonesian(CultureInfo c) => c.TwoLetterISOLanguageName == "id";

    private static CultureInfo NumberCulture(CultureInfo c) =>
        IsIndonesian(c) ? CultureInfo.GetCultureInfo("id-ID") : CultureInfo.InvariantCulture;
}
