namespace MootaDesk.Core.Proof;

/// <summary>The `MootaDesk:Proof` configuration section.</summary>
public sealed class ProofOptions
{
    public const string Section = "MootaDesk:Proof";

    /// <summary>How long a verification link works; the Owner or Finance can revoke it earlier.</summary>
    public int ValidDays { get; set; } = 30;

    /// <summary>
    /// The address customers reach the app at (e.g. "https://kas.tokosaya.id"), used in links and QR codes. When
    /// empty, the address of the current request is used, which is wrong behind a proxy that rewrites the host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Base64 key (at least 32 bytes) for signing verification tokens. When empty, a random key is made once and kept in the database.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Requests per minute one IP address may make to the public verification pages.</summary>
    public int PublicRequestsPerMinute { get; set; } = 30;

    /// <summary>Most candidates the name search ranks in memory; the date range keeps the set small.</summary>
    public int NameSearchCandidateLimit { get; set; } = 20_000;

    /// <summary>
    /// Rupiah either side of a typed amount within which "nominal terdekat" offers credits when nothing matches exactly:
    /// covers a digit typed wrong and a unique code (up to Rp 999) added or left off. 0 turns the hint off.
    /// </summary>
    public decimal NearestAmountTolerance { get; set; } = 1_000m;
}
