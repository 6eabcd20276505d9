using System.Security.Cryptography;

namespace MootaDesk.Core.Proof;

/// <summary>
/// The short code on a proof card ("K7QX-3M9P"): eight characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L, U), easy to read out over the phone; 40 random bits, unique per proof in the database.
/// </summary>
public static class VerificationCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[9];
        for (var i = 0; i < 9; i++)
            chars[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>What someone typed ("k7qx3m9p", "K7QX 3M9P") in the stored form, or null if it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        var s = new string((typed ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (s.Length != 8 || s.Any(c => !Alphabet.Contains(c))) return null;
        return s[..4] + "-" + s[4..];
    }
}
