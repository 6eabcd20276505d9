namespace MootaDesk.Core.Domain;

/// <summary>A key for other tools. Only a SHA-256 hash of the key is stored; the key itself is shown once.</summary>
public class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the key, to recognise it in lists without revealing it.</summary>
    public required string Prefix { get; set; }

    public required string KeyHash { get; set; }

    /// <summary>Comma list of scopes: read, orders, summary, proof, integrations.</summary>
    public required string Scopes { get; set; }

    /// <summary>The role whose rules the key follows (CS keys see credits only).</summary>
    public string Role { get; set; } = Roles.Finance;

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

public static class ApiScopes
{
    public const string Read = "read";
    public const string Orders = "orders";
    public const string Summary = "summary";
    public const string Proof = "proof";

    /// <summary>Drive Moota ingest from scripts and monitors (POST /api/moota/sync); the key's role must be Owner or Ops.</summary>
    public const string Integrations = "integrations";

    public static readonly string[] All = [Read, Orders, Summary, Proof, Integrations];
}
