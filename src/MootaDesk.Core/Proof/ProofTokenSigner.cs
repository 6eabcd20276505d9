using System.Security.Cryptography;
using System.Text;

namespace MootaDesk.Core.Proof;

/// <summary>
/// Public verification tokens: "{tokenId}.{signature}", where tokenId is 128 random bits and the signature an
/// HMAC-SHA256 over it (truncated to 128 bits) with the installation's own key. A token cannot be guessed
/// (random id) nor forged or altered (signature); expiry and revocation are checked against the database row,
/// so a proof can be withdrawn after it was sent.
/// </summary>
public sealed class ProofTokenSigner
{
    private const string Purpose = "mootadesk.proof.v1:";
    private readonly byte[] _key;

    public ProofTokenSigner(byte[] key)
    {
        if (key.Length < 32) throw new ArgumentException("The proof signing key must be at least 256 bits.", nameof(key));
        _key = key.ToArray();
    }

    public static string NewTokenId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public string Sign(string tokenId) => tokenId + "." + Base64Url(Mac(tokenId));

    /// <summary>The token id when the signature is right; null for anything malformed, altered or signed with another key.</summary>
    public string? Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return null;
        var tokenId = token[..dot];
        var signature = token[(dot + 1)..];
        var given = FromBase64Url(signature);
        // Only the canonical spelling counts: base64's spare low bits must not give one signature several forms.
        if (given is null || given.Length != 16 || Base64Url(given) != signature) return null;
        return CryptographicOperations.FixedTimeEquals(given, Mac(tokenId)) ? tokenId : null;
    }

    private byte[] Mac(string tokenId) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Purpose + tokenId))[..16];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string s)
    {
        if (s.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))) return null;
        var b64 = s.Replace('-', '+').Replace('_', '/');
        b64 += (b64.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        try { return Convert.FromBase64String(b64); }
        catch (FormatException) { return null; }
    }
}
