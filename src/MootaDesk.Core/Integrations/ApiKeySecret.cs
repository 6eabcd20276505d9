using System.Security.Cryptography;
using System.Text;

namespace MootaDesk.Core.Integrations;

/// <summary>API keys as text: how a new one is made and the hash that is all the store ever keeps of it.</summary>
public static class ApiKeySecret
{
    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes (64 characters).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: "mdk_" and 32 random bytes, URL-safe. Shown once, then only its hash exists.</summary>
    public static string NewKey() => "mdk_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
