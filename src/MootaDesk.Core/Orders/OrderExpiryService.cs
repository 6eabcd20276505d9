using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MootaDesk.Core.Orders;

/// <summary>Expires overdue orders every minute, on the app's TimeProvider (tests move it by hand). Screens also read an overdue pending order as expired, so nothing waits on this timer.</summary>
public sealed class OrderExpiryService(OrderExpiry expiry, TimeProvider time, ILogger<OrderExpiryService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var count = await expiry.ExpireDueAsync(stoppingToken);
                if (count > 0) logger.LogInformation("Expired {Count} order(s)", count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expiring orders failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
