using System.Globalization;

namespace MootaDesk.Core.Shared;

/// <summary>Rupiah as Indonesians write it: "Rp 1.500.000", cents only when there are any ("Rp 150.123,50").</summary>
public static class Money
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>
    /// Amounts and balances must stay below Rp 1 quadrillion (10^15). The store keeps money as whole sen in a 64-bit
    /// integer (about 9.2 × 10^16 rupiah), so this leaves room for sums, and no real account moves that much at once:
    /// a larger value is a mistake to refuse, not a number to store.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

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

    /// <summary>
    /// Which separator a written number uses for thousands, as far as this one value tells:
    /// "1.500.000,00" is Indonesian, "1,500,000.00" English; "1.500" or "150000" say nothing.
    /// </summary>
    public static NumberConvention Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return NumberConvention.Unknown;
        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0) return lastComma > lastDot ? NumberConvention.Indonesian : NumberConvention.English;
        if (lastDot < 0 && lastComma < 0) return NumberConvention.Unknown;
        var sep = lastDot >= 0 ? '.' : ',';
        var count = text.Count(c => c == sep);
        var trailingDigits = 0;
        for (var i = (sep == '.' ? lastDot : lastComma) + 1; i < text.Length && char.IsAsciiDigit(text[i]); i++) trailingDigits++;
        if (count > 1) return sep == '.' ? NumberConvention.Indonesian : NumberConvention.English;
        // One separator: three digits after it reads as thousands either way, so only 1-2 digits decide.
        if (trailingDigits is 1 or 2) return sep == ',' ? NumberConvention.Indonesian : NumberConvention.English;
        return NumberConvention.Unknown;
    }

    /// <summary>
    /// Reads a number written in a known convention, strictly: with <see cref="NumberConvention.English"/>
    /// "1.500.000,00" fails instead of being read as something else. Accepts "Rp", spaces, a leading or
    /// trailing minus and parentheses for negatives; the sign is returned in the value.
    /// </summary>
    public static bool TryParse(string? text, NumberConvention convention, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var negative = false;
        if (s.StartsWith('(') && s.EndsWith(')')) { negative = true; s = s[1..^1].Trim(); }
        if (s.StartsWith('-')) { negative = !negative; s = s[1..].Trim(); }
        else if (s.StartsWith('+')) s = s[1..].Trim();
        if (s.StartsWith("Rp", StringComparison.OrdinalIgnoreCase)) s = s[2..].Trim();
        if (s.EndsWith('-')) { negative = !negative; s = s[..^1].Trim(); }
        if (s.StartsWith('-')) { negative = !negative; s = s[1..].Trim(); }
        s = s.Replace(" ", "").Replace("\u00a0", "");
        if (s.Length == 0) return false;
        if (convention == NumberConvention.Unknown)
        {
            if (!TryParse(s, out amount)) return false;
            if (negative) amount = -amount;
            return true;
        }

        var group = convention == NumberConvention.Indonesian ? '.' : ',';
        var point = convention == NumberConvention.Indonesian ? ',' : '.';
        var parts = s.Split(point);
        if (parts.Length > 2) return false;
        var whole = parts[0];
        if (whole.Contains(group))
        {
            var groups = whole.Split(group);
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3)) return false;
            whole = string.Concat(groups);
        }
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit)) return false;
        var fraction = parts.Length == 2 ? parts[1] : "";
        // Three decimals would be a thousands group in the other convention: too ambiguous to guess for money.
        if (fraction.Length > 2 || !fraction.All(char.IsAsciiDigit)) return false;
        if (!decimal.TryParse(fraction.Length > 0 ? whole + "." + fraction : whole, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
            return false;
        if (negative) amount = -amount;
        return true;
    }
}

/// <summary>How a file writes its numbers: Indonesian "1.500.000,00" or English "1,500,000.00".</summary>
public enum NumberConvention { Unknown = 0, Indonesian = 1, English = 2 }
