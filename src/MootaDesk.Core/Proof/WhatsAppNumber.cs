namespace MootaDesk.Core.Proof;

/// <summary>Phone numbers as wa.me wants them: digits only, with Indonesia's country code (0812… and +62 812… become 62812…).</summary>
public static class WhatsAppNumber
{
    public static string? Normalize(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return null;
        if (digits.StartsWith("62", StringComparison.Ordinal)) { }
        else if (digits.StartsWith('0')) digits = "62" + digits[1..];
        else if (digits.StartsWith('8')) digits = "62" + digits;
        // Shorter than a real mobile number (62 + 8 digits) or longer than E.164 allows: not worth a broken link.
        return digits.Length is >= 10 and <= 15 ? digits : null;
    }

    /// <summary>A wa.me link that opens a chat with the text filled in; without a number WhatsApp asks whom to send it to.</summary>
    public static string Link(string? phone, string text)
    {
        var number = Normalize(phone);
        return "https://wa.me/" + (number ?? "") + "?text=" + Uri.EscapeDataString(text);
    }
}
