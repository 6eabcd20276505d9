using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Orders;

/// <summary>Expires overdue orders every minute, on the app's TimeProvider (tests move it by hand). Screens also read an overdue pending order as expired, so nothing waits on this timer.</summary>
public sealed class OrderExpiryService(OrderExpiry expiry, TimeProvider time, ILogger<OrderExpiryService> logger, ScheduledWork? scheduled = null) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                // One instance expires per tick (ScheduledWork); an expired order stays expired, so the others find nothing.
                async Task ExpireAsync(CancellationToken ct)
                {
                    var count = await expiry.ExpireDueAsync(ct);
                    if (count > 0) logger.LogInformation("Expired {Count} order(s)", count);
                }
                if (scheduled is null) await ExpireAsync(stoppingToken);
                else await scheduled.RunAloneAsync("orders.expire", ExpireAsync, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expiring orders failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
