using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>Wakes <see cref="NotificationInboxService"/> when the endpoint has stored a post.</summary>
public sealed class NotificationInboxSignal : InboxSignal;

/// <summary>
/// Processes phone-notification posts in the background, as the webhook inbox does for Moota's deliveries: the endpoint
/// answers once the raw post is committed, this loop reads, parses and ingests it a moment later (woken by
/// <see cref="NotificationInboxSignal"/>, otherwise every <see cref="PollInterval"/>, which also picks up posts a crash left
/// pending). Unlike the webhook processor it runs at normal priority: it shares the main store's write turn with the endpoint,
/// and a low-priority thread holding that turn on a busy machine kept answers waiting behind it (priority inversion; seen as
/// seconds of delay at load 5). Its work per post is small: one parse and one short write.
/// </summary>
public sealed class NotificationInboxService(NotificationInbox inbox, NotificationInboxSignal signal, ILogger<NotificationInboxService> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await inbox.ProcessPendingAsync(stoppingToken) > 0)
                {
                    // More may have arrived while this pass ran: look again before sleeping.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store may be briefly unavailable; pending posts stay pending and the next pass takes them.
                logger.LogError(ex, "Notification inbox pass failed; retrying at the next poll");
            }
            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
