namespace MootaDesk.Core.Orders;

/// <summary>Indonesian mobile numbers as people type them ("0812-3456-7890", "+62 812 3456 7890", "812…") written the one way WhatsApp links want: "6281234567890".</summary>
public static class WhatsAppNumber
{
    public static bool TryNormalize(string? text, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var digits = new System.Text.StringBuilder();
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
        if (d.StartsWith("62")) d = d[2..];
        else if (d.StartsWith('0')) d = d[1..];
        // Mobile numbers (where WhatsApp lives) start with 8 after the country code, 9 to 12 digits in all.
        if (!d.StartsWith('8') || d.Length < 9 || d.Length > 12) return false;
        normalized = "62" + d;
        return true;
    }
}
