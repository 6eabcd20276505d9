using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Integrations;

/// <summary>
/// Once a minute, syncs every active integration with a token whose interval has passed since its last run.
/// One integration at a time: Moota is the bottleneck, not us, and SQLite prefers one writer. One instance at a time (ScheduledWork).
/// </summary>
public sealed class MootaSyncScheduler(
    IDbContextFactory<MootaDeskDbContext> factory,
    IServiceProvider services,
    TimeProvider time,
    IOptions<MootaPullOptions> options,
    ILogger<MootaSyncScheduler> logger,
    IOptionsMonitor<MootaDeskOptions>? appOptions = null,
    ScheduledWork? scheduled = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                // One instance pulls per round; the next round, in whichever instance, sees the new LastSyncAt.
                if (scheduled is null) await RunDueAsync(stoppingToken);
                else await scheduled.RunAloneAsync("moota.pull", RunDueAsync, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Moota sync round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<int> due;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var configured = appOptions?.CurrentValue.Moota.Api.IsConfigured == true;
            var candidates = await db.Integrations.AsNoTracking().Where(i => i.IsActive && ((i.ApiToken != null && i.ApiToken != "") || (configured && i.IsDefault)))
                .Select(i => new { i.Id, i.LastSyncAt, i.SyncIntervalMinutes }).ToListAsync(ct);
            due = candidates.Where(i => i.LastSyncAt is null || i.LastSyncAt.Value.AddMinutes(Math.Max(1, i.SyncIntervalMinutes)) <= now)
                .Select(i => i.Id).ToList();
        }
        foreach (var id in due)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MootaSync>().SyncAsync(id, SyncTrigger.Schedule, ct);
        }
    }
}
