using System.Globalization;
using System.Text.RegularExpressions;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>How an app writes its amounts (a column of the parser table).</summary>
public enum AmountNotation
{
    /// <summary>Either notation, decided by the written shape (the two never disagree on a well-formed amount, see <see cref="RupiahAmount"/>).</summary>
    Any = 0,

    /// <summary>"Rp1.500.000", "Rp 1.500.000,00", "Rp20.000,00": dots group thousands, a comma (or a final dot, as OVO writes "Rp100.000.00") before two decimals.</summary>
    Indonesian = 1,

    /// <summary>"IDR 1,500,000.00", "IDR 329,306.00" (myBCA): commas group thousands, a dot before one or two decimals.</summary>
    English = 2,
}

/// <summary>
/// Rupiah amounts as bank and wallet notifications write them, read strictly: a guessed amount is worse than none.
/// Accepts an optional "Rp", "Rp." or "IDR" in front and the Indonesian ",-" after ("Rp 50.000,-"). Thousands groups
/// must be exactly three digits and decimals one or two digits (two with a comma), so "1.500" is 1500 in Indonesian
/// notation, "1,500" is 1500 in English notation, and a well-formed amount means the same in both: <see
/// cref="AmountNotation.Any"/> is therefore safe. Refused: shorthand ("50rb", "1,5jt"), signs, spaces inside the
/// number, three decimals, a value of 10^15 or more.
/// </summary>
public static partial class RupiahAmount
{
    /// <summary>The largest amount accepted, exclusive: Rp 1 quadrillion, the store's money limit.</summary>
    public const decimal Limit = 1_000_000_000_000_000m;

    /// <summary>True with the value (≥ 0, at most two decimals) when <paramref name="text"/> is an amount in <paramref name="notation"/>.</summary>
    public static bool TryParse(string? text, AmountNotation notation, out decimal amount)
    {
        amount = 0;
        var s = Trimmed(text);
        if (s is null) return false;
        decimal? indonesian = notation == AmountNotation.English ? null : Read(IndonesianShape().Match(s));
        decimal? english = notation == AmountNotation.Indonesian ? null : Read(EnglishShape().Match(s));
        if (indonesian is { } a && english is { } b && a != b) return false;
        if ((indonesian ?? english) is not { } value || value >= Limit) return false;
        amount = value;
        return true;
    }

    private static string? Trimmed(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Replace('\u00a0', ' ').Trim();
        var prefix = CurrencyPrefix().Match(s);
        if (prefix.Success) s = s[prefix.Length..];
        if (s.EndsWith(",-", StringComparison.Ordinal) || s.EndsWith(".-", StringComparison.Ordinal)) s = s[..^2];
        return s.Length == 0 ? null : s;
    }

    private static decimal? Read(Match m)
    {
        if (!m.Success) return null;
        var digits = m.Groups["int"].Value.Replace(".", "").Replace(",", "");
        if (digits.Length > 16) return null;
        var fraction = m.Groups["frac"].Value;
        return decimal.Parse(fraction.Length > 0 ? digits + "." + fraction : digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?:Rp\.?|IDR)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPrefix();

    [GeneratedRegex(@"^(?<int>\d{1,3}(?:\.\d{3})+|\d+)(?:[,.](?<frac>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex IndonesianShape();

    [GeneratedRegex(@"^(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<frac>\d{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishShape();
}
