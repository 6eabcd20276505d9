using System.Text.RegularExpressions;

namespace MootaDesk.Core.Mutations.Ingest;

/// <summary>
/// Pulls the other party's name out of raw bank text where the bank's format makes it possible
/// ("TRSF E-BANKING CR 2111/FTSCY/WS95031 150123.00 BUDI SANTOSO" → "BUDI SANTOSO"). Unknown formats give null:
/// a wrong name is worse than none.
/// </summary>
public static partial class CounterpartyParser
{
    public static string? Parse(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return null;
        var d = Regex.Replace(description.Trim(), @"\s+", " ");

        foreach (var pattern in Patterns)
        {
            var m = pattern.Match(d);
            if (m.Success)
            {
                var name = Clean(m.Groups["name"].Value);
                if (name is not null) return name;
            }
        }
        return null;
    }

    private static readonly Regex[] Patterns =
    [
        // BCA: TRSF E-BANKING CR 2111/FTSCY/WS95031 150123.00 BUDI SANTOSO
        TrsfEbanking(),
        // BI-FAST CR BIF TRANSFER DR 014 SITI AMINAH  /  BI-FAST DB BIF TRANSFER KE 008 PT SUMBER
        BiFast(),
        // MCM InhouseTrf CS-CS DARI TOKOPEDIA  /  ... KE PT SUMBER PANGAN
        DariKe(),
        // QRIS CR 936009... NMID ID1023 ANDI  (merchant-side QRIS rarely names the payer)
        Qris(),
    ];

    [GeneratedRegex(@"^TRSF E-BANKING (?:CR|DB) \S+ [\d.,]+ (?<name>[A-Z][A-Z .'\-]{2,})$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex TrsfEbanking();

    [GeneratedRegex(@"^BI-FAST (?:CR|DB) BIF TRANSFER (?:DR|KE) \d{3} (?<name>[A-Z][A-Z .'\-]{2,})$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex BiFast();

    [GeneratedRegex(@"\b(?:DARI|KE) (?<name>[A-Z][A-Z0-9 .'\-]{2,})$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex DariKe();

    [GeneratedRegex(@"^QRIS (?:CR|DB) .*? (?:NMID \S+ )(?<name>[A-Z][A-Z .'\-]{2,})$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex Qris();

    private static string? Clean(string raw)
    {
        var s = raw.Trim().Trim('-', '.').Trim();
        return s.Length < 3 ? null : s.ToUpperInvariant();
    }
}
