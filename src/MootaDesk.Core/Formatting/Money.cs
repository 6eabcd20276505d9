using System.Globalization;

namespace MootaDesk.Core.Formatting;

/// <summary>Rupiah as Indonesians write it: "Rp 1.500.000", cents only when there are any ("Rp 150.123,50").</summary>
public static class Money
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Format(decimal amount)
    {
        var abs = Math.Abs(amount);
        var hasCents = decimal.Truncate(abs) != abs;
        var digits = abs.ToString(hasCents ? "#,##0.00" : "#,##0", Indonesian);
        return (amount < 0 ? "-Rp " : "Rp ") + digits;
    }

    /// <summary>With an explicit sign for a direction: "+Rp 50.000" for money in, "-Rp 50.000" for money out.</summary>
    public static string FormatSigned(decimal amount, bool isCredit) => (isCredit ? "+" : "-") + Format(Math.Abs(amount));

    /// <summary>
    /// Reads what people type for an amount: "150.123", "150123", "Rp150.123", "Rp 150.123,00", "1,500,000.00".
    /// A single separator followed by exactly three digits is a thousands separator (Indonesian habit);
    /// followed by one or two digits it is the decimal point.
    /// </summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith("Rp", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        s = s.Replace(" ", "").Replace("\u00a0", "").TrimEnd('-').Trim();
        if (s.Length == 0) return false;

        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        string normalized;
        if (lastDot >= 0 && lastComma >= 0)
        {
            // Both present: whichever comes last is the decimal separator.
            var decimalSep = lastDot > lastComma ? '.' : ',';
            var groupSep = decimalSep == '.' ? ',' : '.';
            normalized = s.Replace(groupSep.ToString(), "").Replace(decimalSep, '.');
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var sep = lastDot >= 0 ? '.' : ',';
            var parts = s.Split(sep);
            var tail = parts[^1];
            normalized = parts.Length > 2 || tail.Length == 3
                ? s.Replace(sep.ToString(), "")
                : s.Replace(sep, '.');
        }
        else normalized = s;

        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount);
    }
}
