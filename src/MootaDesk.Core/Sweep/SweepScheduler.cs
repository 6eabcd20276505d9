using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

/// <summary>
/// Prepares the day's sweep once its time has passed on a business day. It keeps no state of its own: each
/// look at the clock asks the database whether the latest due day has a sweep, so a restart, a missed run
/// while the app was down (prepared at start-up) and two instances all end with exactly one sweep per day.
/// </summary>
public sealed class SweepScheduler(
    PrepareSweepCommand prepare,
    IDbContextFactory<MootaDeskDbContext> factory,
    BusinessClock clock,
    IOptionsMonitor<SweepOptions> options,
    IHostEnvironment environment,
    ILogger<SweepScheduler> logger,
    ScheduledWork? scheduled = null) : BackgroundService
{
    /// <summary>Prepares the latest due business day if it has no sweep yet; null when nothing was due.</summary>
    public async Task<PrepareSweepResult?> RunDueAsync(bool atStartUp, CancellationToken ct = default)
    {
        var due = options.CurrentValue.Calendar().LatestDueDay(clock.LocalNow);
        if (due is not DateOnly day) return null;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.Sweeps.AnyAsync(s => s.BusinessDate == day, ct)) return null;
            // A store without accounts has nothing to sweep: at a first start the demo shop (or the first real account) may
            // arrive a moment later, and an empty sweep prepared before it would stand there with nothing in it.
            if (!await db.Accounts.AnyAsync(ct)) return null;
        }
        var result = await prepare.PrepareAsync(day, atStartUp ? SweepTrigger.StartUp : SweepTrigger.Scheduled, Actor.System, ct: ct);
        return result.Created ? result : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off under the Testing environment unless a test turns it on, so other areas' tests never find a
        // sweep, a notification or an audit row they did not make.
        if (!(options.CurrentValue.SchedulerEnabled ?? !environment.IsEnvironment("Testing"))) return;
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One instance prepares; another finding the lock taken looks again at its next poll and finds the sweep.
                var atStartUp = first;
                if (scheduled is null) await RunDueAsync(atStartUp, stoppingToken);
                else await scheduled.RunAloneAsync("sweep.prepare", ct => RunDueAsync(atStartUp, ct), stoppingToken);
                first = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // A failed run is retried on the next tick; the day stays due until a sweep row exists.
                logger.LogError(ex, "Preparing the scheduled sweep failed");
            }
            try { await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, options.CurrentValue.PollSeconds)), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
