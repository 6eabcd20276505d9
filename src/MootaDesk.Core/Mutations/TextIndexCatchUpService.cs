using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Mutations;

/// <summary>
/// Keeps the Mutasi text index caught up: at start-up (a freshly seeded or imported database) and every few minutes
/// (the last few hundred webhook mutations of a quiet day). Search is correct either way, rows not yet indexed are
/// read with LIKE, so this only ever makes searching faster.
/// </summary>
public sealed class TextIndexCatchUpService(IDbContextFactory<MootaDeskDbContext> factory, ILogger<TextIndexCatchUpService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(stoppingToken);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var indexed = await MutationTextSearch.CatchUpAsync(db, ct: stoppingToken);
                if (indexed > 0)
                    logger.LogInformation("Text search index caught up with {Count} mutations in {Seconds:0.0} s", indexed,
                        System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Busy or briefly unavailable: searching still works without the index; try again next round.
                logger.LogWarning(ex, "Text search index catch-up failed; retrying in {Interval}", Interval);
            }
            try { await Task.Delay(Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
