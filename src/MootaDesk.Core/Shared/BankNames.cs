
namespace MootaDesk.Core.Shared;

/// <summary>
/// Moota's <c>bank_type</c> codes as people read them. The codes are an open, growing set (bca, bcaV3, bcaGiro,
/// mandiriMcmV2, briCmsV2, bniVA, gojek, qris …; /work/shared/docs/moota-format.md): a version suffix (V2, V3) is
/// noise to a reader, the family is found by prefix, and a known channel (Giro, MCM, CMS, Bisnis, VA) is named after it.
/// Two readers, one rule: a clerk sees the channel ("Mandiri MCM", "BCA Giro"), since it says which login Moota reads;
/// a customer sees the bank they transfer to ("Mandiri", "BCA VA": a virtual account is paid differently, so it stays).
/// A code that is not known is shown as it is.
/// </summary>
public static class BankNames
{
    /// <summary>For clerks (Mutasi, Rekening, import, sweep): "BCA", "BCA Giro", "Mandiri MCM", "BRI CMS", "BCA VA"; unknown codes as they are.</summary>
    public static string Display(string? bankCode) => Read(bankCode, forCustomer: false);

    /// <summary>For customers (payment instruction, proof card): "BCA", "Mandiri", "BCA VA", "GoPay"; unknown codes as they are.</summary>
    public static string ForCustomer(string? bankCode) => Read(bankCode, forCustomer: true);

    private static string Read(string? bankCode, bool forCustomer)
    {
        var code = (bankCode ?? "").Trim();
        if (code.Length == 0) return "Bank";
        var lower = code.ToLowerInvariant();
        var core = WithoutVersion(lower);
        foreach (var (prefix, name) in Families)
        {
            if (!core.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = core[prefix.Length..];
            var isVa = rest.EndsWith("va", StringComparison.Ordinal);
            if (isVa) rest = rest[..^2];
            if (forCustomer) return isVa ? name + " VA" : name;
            var channel = Channels.FirstOrDefault(c => rest == c.Key).Value;
            if (channel is null && rest.Length > 0) return code; // a channel we do not know: the code tells a clerk more than a guess
            return name + (channel is { Length: > 0 } ? " " + channel : "") + (isVa ? " VA" : "");
        }
        return code;
    }

    private static string WithoutVersion(string lower)
    {
        var i = lower.Length;
        while (i > 0 && char.IsAsciiDigit(lower[i - 1])) i--;
        return i < lower.Length && i > 1 && lower[i - 1] == 'v' ? lower[..(i - 1)] : lower;
    }

    // Longer prefixes first: "bcasyariah" before "bca", "danamon" before "dana", "mandirisyariah" before "mandiri".
    private static readonly (string Prefix, string Name)[] Families =
    [
        ("bcasyariah", "BCA Syariah"), ("mandirisyariah", "BSI"), ("brisyariah", "BSI"), ("bnisyariah", "BSI"),
        ("bca", "BCA"), ("mandiri", "Mandiri"), ("bni", "BNI"), ("bri", "BRI"), ("bsi", "BSI"), ("bjb", "BJB"),
        ("cimb", "CIMB Niaga"), ("permata", "Permata"), ("danamon", "Danamon"), ("btn", "BTN"), ("megasyariah", "Bank Mega Syariah"),
        ("mega", "Bank Mega"), ("muamalat", "Muamalat"), ("ocbc", "OCBC"), ("jago", "Bank Jago"), ("seabank", "SeaBank"),
        ("jenius", "Jenius"), ("gojek", "GoPay"), ("gopay", "GoPay"), ("ovo", "OVO"), ("dana", "DANA"),
        ("shopeepay", "ShopeePay"), ("linkaja", "LinkAja"), ("qris", "QRIS"),
    ];

    // What follows the family in Moota's codes, as a clerk names the channel ("" = the plain personal login).
    private static readonly Dictionary<string, string> Channels = new()
    {
        [""] = "", ["online"] = "", ["personal"] = "", ["giro"] = "Giro", ["mcm"] = "MCM", ["cms"] = "CMS", ["cmsbisnis"] = "CMS",
        ["bisnis"] = "Bisnis", ["direct"] = "Direct", ["qlola"] = "Qlola", ["klikbisnis"] = "KlikBisnis", ["cashmanagement"] = "Cash Management",
    };
}
