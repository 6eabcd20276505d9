using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Orders;

/// <summary>The owner summary's "order pending" line: open real orders (sandbox and demo never count), what they are worth, and since when the oldest waits.</summary>
public sealed record PendingOrdersSummary(int Count, decimal Total, DateTime? OldestCreatedAt);

public sealed class PendingOrdersQuery(IDbContextFactory<MootaDeskDbContext> factory)
{
    /// <summary>Orders open at <paramref name="asOfUtc"/>: created by then, not yet expired, still pending. Total is the payable amounts, what should arrive.</summary>
    public async Task<PendingOrdersSummary> LoadAsync(DateTime asOfUtc, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var open = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Pending && !o.IsSandbox && o.CreatedAt <= asOfUtc && o.ExpiresAt > asOfUtc)
            .Select(o => new { o.PayableAmount, o.CreatedAt })
            .ToListAsync(ct);
        return new PendingOrdersSummary(open.Count, open.Sum(o => o.PayableAmount), open.Count == 0 ? null : open.Min(o => o.CreatedAt));
    }
}
