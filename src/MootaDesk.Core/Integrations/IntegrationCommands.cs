using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

public sealed record IntegrationRow(int? Id, string Name, bool IsDefault, bool IsActive, bool IsSandbox, bool HasSecret, string WebhookPath,
    DateTime? CreatedAt, DateTime? LastDeliveryAt);

/// <summary>The secret, shown exactly once (after create or rotate) so it can be pasted into Moota's webhook settings.</summary>
public sealed record IntegrationSecret(int Id, string Name, string Secret);

/// <summary>Webhook integrations: the configured default one plus those made in the UI, each with its own secret and URL.</summary>
public sealed class IntegrationCommands(IDbContextFactory<MootaDeskDbContext> factory, IDbContextFactory<InboxDbContext> inboxFactory, IOptionsMonitor<MootaDeskOptions> options, BusinessClock clock)
{
    public const string DefaultPath = "api/webhooks/moota";

    public static string PathFor(int id) => $"{DefaultPath}/{id}";

    /// <summary>Moota's secret tokens are plain strings; 32 random bytes as hex is both strong and easy to paste.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public async Task<IReadOnlyList<IntegrationRow>> ListAsync(CancellationToken ct = default)
    {
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var last = await inbox.WebhookDeliveries.AsNoTracking().GroupBy(d => d.IntegrationId)
            .Select(g => new { Id = g.Key, At = g.Max(d => d.ReceivedAt) }).ToListAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = new List<IntegrationRow>
        {
            new(null, WebhookLogQuery.DefaultIntegrationName, true, true, false, !string.IsNullOrEmpty(options.CurrentValue.Moota.WebhookSecret), DefaultPath,
                null, last.FirstOrDefault(l => l.Id == null)?.At),
        };
        var stored = await db.Integrations.AsNoTracking().Where(i => !i.IsDefault).OrderBy(i => i.Id).ToListAsync(ct);
        rows.AddRange(stored.Select(i => new IntegrationRow(i.Id, i.Name, false, i.IsActive, i.IsSandbox, !string.IsNullOrEmpty(i.WebhookSecret), PathFor(i.Id),
            i.CreatedAt, last.FirstOrDefault(l => l.Id == i.Id)?.At)));
        return rows;
    }

    public async Task<(IntegrationSecret? Created, string? ErrorKey)> CreateAsync(string? name, Actor actor, CancellationToken ct = default)
    {
        var clean = name?.Trim() ?? "";
        if (clean.Length is 0 or > 100) return (null, "Integrations.Error.Name");
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var integration = new Integration { Name = clean, WebhookSecret = NewSecret(), CreatedAt = now };
        db.Integrations.Add(integration);
        await db.SaveChangesAsync(ct);
        db.Record(actor, "integration.create", nameof(Integration), integration.Id, null, new { integration.Name }, now);
        await db.SaveChangesAsync(ct);
        return (new IntegrationSecret(integration.Id, integration.Name, integration.WebhookSecret!), null);
    }

    /// <summary>A new secret; deliveries signed with the old one are refused from now on.</summary>
    public async Task<IntegrationSecret?> RotateSecretAsync(int id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.FirstOrDefaultAsync(i => i.Id == id && !i.IsDefault, ct);
        if (integration is null) return null;
        integration.WebhookSecret = NewSecret();
        db.Record(actor, "integration.rotate-secret", nameof(Integration), id, null, new { rotated = true }, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return new IntegrationSecret(id, integration.Name, integration.WebhookSecret);
    }

    public async Task<bool> SetActiveAsync(int id, bool active, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.FirstOrDefaultAsync(i => i.Id == id && !i.IsDefault, ct);
        if (integration is null || integration.IsActive == active) return false;
        integration.IsActive = active;
        db.Record(actor, active ? "integration.activate" : "integration.deactivate", nameof(Integration), id,
            new { isActive = !active }, new { isActive = active }, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
