using System.Security.Cryptography;
using System.Text;

namespace MootaDesk.Core.Integrations.Moota;

/// <summary>
/// Moota signs each webhook body with HMAC-SHA256 (key = the webhook's secret) and sends it as lowercase hex
/// in the `Signature` header. Checked on the raw bytes, before anything looks inside the body.
/// </summary>
public static class MootaSignature
{
    public static string Compute(ReadOnlySpan<byte> body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static SignatureVerdict Verify(ReadOnlySpan<byte> body, string? signatureHeader, string secret)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader)) return SignatureVerdict.Missing;
        Span<byte> expected = stackalloc byte[64];
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hash), expected);

        var given = signatureHeader.Trim();
        if (given.Length != 64) return SignatureVerdict.Invalid;
        Span<byte> actual = stackalloc byte[64];
        for (var i = 0; i < 64; i++)
        {
            var c = given[i];
            // Non-ASCII cannot match a hex digit; map it to a byte that never equals one, without branching early.
            actual[i] = c < 128 ? (byte)c : (byte)0;
        }
        // Constant time: the comparison never stops at the first wrong character, so timing leaks nothing.
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? SignatureVerdict.Valid : SignatureVerdict.Invalid;
    }
}
