using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

public sealed record ApiKeyRow(int Id, string Name, string Prefix, string Scopes, string Role, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>The key exactly once, at creation; afterwards only its hash exists.</summary>
public sealed record CreatedApiKey(ApiKeyRow Row, string Key);

/// <summary>Owner's management of API keys: create (shown once), list, revoke. Every change is audited; the key itself never is.</summary>
public sealed class ApiKeyCommands(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.Scopes, k.Role, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.LastUsedAt))
            .ToListAsync(ct);
    }

    /// <summary>Validation problems come back as message keys (ApiKeys.Error.*) for the page to translate.</summary>
    public async Task<(CreatedApiKey? Created, string? ErrorKey)> CreateAsync(string? name, IReadOnlyCollection<string> scopes, string? role, Actor actor, CancellationToken ct = default)
    {
        var cleanName = name?.Trim() ?? "";
        if (cleanName.Length is 0 or > 100) return (null, "ApiKeys.Error.Name");
        var cleanScopes = scopes.Select(s => s.Trim().ToLowerInvariant()).Where(ApiScopes.All.Contains).Distinct().ToList();
        if (cleanScopes.Count == 0) return (null, "ApiKeys.Error.Scopes");
        if (role is null || !Roles.All.Contains(role)) return (null, "ApiKeys.Error.Role");

        var key = ApiKeySecret.NewKey();
        var now = clock.UtcNow;
        await using var db = await factory.CreateDbContextAsync(ct);
        var entity = new ApiKey
        {
            Name = cleanName,
            Prefix = key[..10],
            KeyHash = ApiKeySecret.Hash(key),
            Scopes = string.Join(",", cleanScopes),
            Role = role,
            CreatedAt = now,
            CreatedBy = actor.Name,
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        db.Record(actor, "apikey.create", nameof(ApiKey), entity.Id, null, new { entity.Name, entity.Prefix, entity.Scopes, entity.Role }, now);
        await db.SaveChangesAsync(ct);
        return (new CreatedApiKey(ToRow(entity), key), null);
    }

    public async Task<bool> RevokeAsync(int id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null || key.RevokedAt is not null) return false;
        var now = clock.UtcNow;
        key.RevokedAt = now;
        db.Record(actor, "apikey.revoke", nameof(ApiKey), key.Id, new { key.Name, key.Prefix, revoked = false }, new { revoked = true }, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The active stored key whose hash is <paramref name="hash"/> (<see cref="ApiKeySecret.Hash"/>), as name, role and comma list of
    /// scopes; null when unknown or revoked. Marks the key used, at most once a minute so a busy script does not write on every call.
    /// </summary>
    public async Task<(string Name, string Role, string Scopes)?> UseAsync(string hash, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
        if (key is null) return null;
        var now = clock.UtcNow;
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return (key.Name, key.Role, key.Scopes);
    }

    private static ApiKeyRow ToRow(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.Scopes, k.Role, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.LastUsedAt);
}
