using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Core.Integrations;

/// <summary>A key for other tools. Only a SHA-256 hash of the key is stored; the key itself is shown once.</summary>
public class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the key, to recognise it in lists without revealing it.</summary>
    public required string Prefix { get; set; }

    public required string KeyHash { get; set; }

    /// <summary>Comma list of scopes (<see cref="ApiScopes"/>).</summary>
    public required string Scopes { get; set; }

    /// <summary>The role whose rules the key follows (CS keys see credits only).</summary>
    public string Role { get; set; } = Roles.Finance;

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>API-key scopes. Each opens the actions of the permission matrix that name it (<see cref="Access.Actions"/>).</summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Orders = "orders";
    public const string Summary = "summary";
    public const string Proof = "proof";
    public const string Integrations = "integrations";
    public const string Import = "import";

    /// <summary>Every scope the matrix knows, in the order actions are declared.</summary>
    public static IReadOnlyList<string> All => PermissionMatrix.Scopes;
}
