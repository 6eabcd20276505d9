namespace MootaDesk.Core.Proof;

/// <summary>
/// How a destination account appears on anything a customer sees: the bank's short name and the last four
/// digits ("BCA ••••0123"). The full number never leaves the back office, since a proof is forwarded freely.
/// </summary>
public static class AccountMask
{
    public const string Dots = "••••";

    /// <summary>
    /// The last four characters of the number (digits only, spaces and dashes dropped). Numbers of six or fewer
    /// characters show only their last two, so a short number (an e-wallet id, a test account) is never
    /// shown nearly whole; an empty number shows only the dots.
    /// </summary>
    public static string MaskNumber(string? accountNumber)
    {
        var compact = new string((accountNumber ?? "").Where(char.IsLetterOrDigit).ToArray());
        if (compact.Length == 0) return Dots;
        var visible = compact.Length > 6 ? 4 : Math.Min(2, compact.Length - 1);
        return visible <= 0 ? Dots : Dots + compact[^visible..];
    }

    /// <summary>"BCA ••••0123".</summary>
    public static string Describe(string bankCode, string? accountNumber) => BankName(bankCode) + " " + MaskNumber(accountNumber);

    /// <summary>
    /// Moota's bank codes are an open set (bca, bcaGiro, mandiriMcmV2, bniBisnis, bcaVA, qris…); customers know the
    /// bank by its short name, so the family is found by prefix and anything unknown is shown in capitals.
    /// </summary>
    public static string BankName(string? bankCode)
    {
        var code = (bankCode ?? "").Trim();
        if (code.Length == 0) return "Bank";
        var lower = code.ToLowerInvariant();
        foreach (var (prefix, name) in Families)
        {
            if (!lower.StartsWith(prefix, StringComparison.Ordinal)) continue;
            return lower.EndsWith("va", StringComparison.Ordinal) && lower != "va" ? name + " VA" : name;
        }
        return code.ToUpperInvariant();
    }

    // Longer prefixes first, so "bsi" is not read as "bs…" of something else and "briva" stays BRI.
    private static readonly (string Prefix, string Name)[] Families =
    [
        ("bca", "BCA"), ("mandiri", "Mandiri"), ("bni", "BNI"), ("bri", "BRI"), ("bsi", "BSI"), ("bjb", "BJB"),
        ("cimb", "CIMB Niaga"), ("permata", "Permata"), ("danamon", "Danamon"), ("btn", "BTN"), ("mega", "Bank Mega"),
        ("muamalat", "Muamalat"), ("ocbc", "OCBC"), ("jago", "Bank Jago"), ("seabank", "SeaBank"), ("jenius", "Jenius"),
        ("gopay", "GoPay"), ("ovo", "OVO"), ("dana", "DANA"), ("shopeepay", "ShopeePay"), ("linkaja", "LinkAja"), ("qris", "QRIS"),
    ];
}
