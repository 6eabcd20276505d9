using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
namespace MootaDesk.Core.Integrations;

/// <summary>
/// Runs the processor: drains what is due, looks whether the inbox lags, then sleeps until a new delivery wakes it or the
/// poll interval passes. A failing pass is logged and the loop goes on; the lag check runs whatever the pass did, so a
/// processor that keeps failing is still reported to Ops.
/// </summary>
public sealed class WebhookInboxService(WebhookInboxProcessor processor, InboxMonitor monitor, WebhookInboxSignal signal, ILogger<WebhookInboxService> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After a wake-up, deliveries arriving in this window join the same pass. Under a steady stream that turns many
    /// one-delivery transactions into a few larger ones, leaving more CPU for answering Moota; a person never notices
    /// a mutation appearing 20 ms later.
    /// </summary>
    public static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(20);

    /// <summary>The lag check needs no more than this; it is one indexed read (and, rarely, a notice).</summary>
    public static readonly TimeSpan LagCheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>The loop runs on a thread of its own below normal priority, so webhook answers never wait behind processing.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => LowPriorityThread.Run(() => LoopAsync(stoppingToken), "webhook-inbox");

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        long? lastLagCheck = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await processor.ProcessDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; the next poll tries again and nothing pending is lost.
                logger.LogError(ex, "Webhook inbox pass failed; retrying at the next poll");
            }
            if (lastLagCheck is not long last || System.Diagnostics.Stopwatch.GetElapsedTime(last) >= LagCheckInterval)
            {
                lastLagCheck = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    await monitor.AlertIfLaggingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Webhook inbox lag check failed");
                }
            }
            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
                await Task.Delay(GatherWindow, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
