using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.Integrations.Moota;

namespace MootaDesk.Core.Integrations;

/// <summary>Runs <see cref="StoredSourceScrub"/> after start-up until it is done, a batch at a time with a breath between.</summary>
public sealed class StoredSourceScrubService(StoredSourceScrub scrub, ILogger<StoredSourceScrubService> logger) : BackgroundService
{
    /// <summary>Between batches, so the scrub of a large store leaves the disk to webhooks and people.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var batches = 0;
        try
        {
            while (await scrub.ScrubNextAsync(stoppingToken))
            {
                batches++;
                await Task.Delay(Pause, stoppingToken);
            }
            if (batches > 0) logger.LogInformation("Stored Moota sources scrubbed of credentials ({Batches} batches)", batches + 1);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Resumes from its cursor at the next start.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Scrubbing stored Moota sources stopped; it resumes from where it stopped at the next start");
        }
    }
}
