using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

/// <summary>
/// At start-up, turns MootaDesk:Moota:Api:Token into the default integration's pull side, the way MootaDesk:Api:Keys become
/// API keys: the row exists (so runs, the page and POST /api/moota/sync can name it), its interval and backfill follow
/// configuration, and the token itself stays in configuration. Audited when it is created or its settings change.
/// </summary>
public sealed class ConfiguredMootaIntegration(
    IDbContextFactory<MootaDeskDbContext> factory,
    IOptions<MootaDeskOptions> options,
    BusinessClock clock,
    ILogger<ConfiguredMootaIntegration> logger) : IHostedService
{
    private static readonly Actor Configuration = new("configuration");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var api = options.Value.Moota.Api;
        if (!api.IsConfigured) return;
        var interval = Math.Clamp(api.IntervalMinutes, MootaIntegrationSettings.MinInterval, MootaIntegrationSettings.MaxInterval);
        var backfill = Math.Clamp(api.BackfillDays, 0, MootaIntegrationSettings.MaxBackfill);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Integrations.FirstOrDefaultAsync(i => i.IsDefault, cancellationToken);
        var now = clock.UtcNow;
        if (row is null)
        {
            row = new Integration
            {
                Name = WebhookLogQuery.DefaultIntegrationName, IsDefault = true, IsActive = true, SyncIntervalMinutes = interval, BackfillDays = backfill, CreatedAt = now,
            };
            db.Integrations.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            db.Record(Configuration, "integration.provision", "Integration", row.Id, null, new { row.Name, interval, backfill, token = MootaIntegrationSettings.Mask(api.Token) }, now);
            logger.LogInformation("Moota API integration provisioned from configuration (every {Interval} min)", interval);
        }
        else if (row.SyncIntervalMinutes != interval || row.BackfillDays != backfill || !row.IsActive)
        {
            db.Record(Configuration, "integration.provision", "Integration", row.Id,
                new { row.SyncIntervalMinutes, row.BackfillDays, row.IsActive }, new { SyncIntervalMinutes = interval, BackfillDays = backfill, IsActive = true }, now);
            row.SyncIntervalMinutes = interval;
            row.BackfillDays = backfill;
            row.IsActive = true;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
