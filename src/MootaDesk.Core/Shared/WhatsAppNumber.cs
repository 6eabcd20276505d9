using System.Text;

namespace MootaDesk.Core.Shared;

/// <summary>
/// Indonesian mobile numbers as people type them ("0812-3456-7890", "+62 812 3456 7890", "812 3456 7890", "(0813) 1111 2222")
/// written the one way WhatsApp's wa.me links want: the country code and the digits, "6281234567890". The one rule for an
/// order's customer, a proof's recipient and the owner who receives the sweep's summary.
/// </summary>
public static class WhatsAppNumber
{
    /// <summary>
    /// True for an Indonesian mobile number (where WhatsApp lives: 8 after the country code, 9 to 12 digits in all), written with
    /// digits, spaces, dashes, dots, brackets and a leading "+"; <paramref name="normalized"/> is then "62" and the digits.
    /// Landlines ("021-5551234"), foreign numbers, too short or too long, and letters are refused.
    /// </summary>
    public static bool TryNormalize(string? text, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var digits = new StringBuilder();
        var s = text.Trim();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c == '+' && i == 0) continue;
            else if (c is ' ' or '-' or '.' or '(' or ')') continue;
            else return false;
        }
        var d = digits.ToString();
        if (d.StartsWith("62", StringComparison.Ordinal)) d = d[2..];
        else if (d.StartsWith('0')) d = d[1..];
        if (!d.StartsWith('8') || d.Length < 9 || d.Length > 12) return false;
        normalized = "62" + d;
        return true;
    }

    /// <summary>The wa.me form of <paramref name="phone"/> ("6281234567890"), or null when it is not an Indonesian mobile number.</summary>
    public static string? Normalize(string? phone) => TryNormalize(phone, out var normalized) ? normalized : null;

    /// <summary>
    /// A wa.me link that opens a chat with <paramref name="text"/> filled in (URL-encoded); without a usable number WhatsApp asks
    /// whom to send it to.
    /// </summary>
    public static string Link(string? phone, string text) => "https://wa.me/" + (Normalize(phone) ?? "") + "?text=" + Uri.EscapeDataString(text);
}
