using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

/// <summary>
/// Lets a shop try its order flow without moving money: a sandbox order gets a sandbox credit of exactly its
/// payable amount, through the same ingest path as a real webhook, so matching runs exactly as it would.
/// Refused for real orders: a simulated credit must never settle real money.
/// </summary>
public sealed class SimulateTransferCommand(IDbContextFactory<MootaDeskDbContext> factory, MutationIngestor ingestor, BusinessClock clock)
{
    /// <summary>The new credit's id, or null when the order is not a sandbox order or is not open.</summary>
    public async Task<long?> SimulateAsync(int orderId, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        OrdersAccess.EnsureCanWrite(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null || !order.IsSandbox || order.Status != OrderStatus.Pending) return null;

        var now = clock.UtcNow;
        var result = await ingestor.IngestAsync([new IncomingMutation
        {
            Source = MutationSource.Sandbox,
            SourceId = $"simulated-order-{order.Id}-{now.Ticks}",
            AccountId = order.AccountId,
            TransactionTimeUtc = now,
            Description = $"SIMULASI TRSF E-BANKING CR {order.CustomerName.ToUpperInvariant()}",
            Amount = order.PayableAmount,
            Direction = Direction.Credit,
            IsSandbox = true,
        }], actor, ct);
        return result.NewMutationIds.Count == 1 ? result.NewMutationIds[0] : null;
    }
}
