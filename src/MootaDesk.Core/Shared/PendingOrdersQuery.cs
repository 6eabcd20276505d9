using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Shared;

/// <summary>Open orders at a moment: how many, what they are worth (the payable amounts, what should arrive) and since when the oldest waits.</summary>
public sealed record PendingOrdersFigure(int Count, decimal Total, DateTime? OldestCreatedAtUtc);

/// <summary>
/// "Pending orders", written once for the home page, the sweep's summary line and anyone else: orders created by then, still
/// pending and not yet expired (past expiry is not "awaiting payment", even before the expiry job has marked it). Sandbox
/// orders count only where the caller shows sandbox money (the demo shop while it is all there is).
/// </summary>
public sealed class PendingOrdersQuery(IDbContextFactory<MootaDeskDbContext> factory)
{
    /// <summary>The orders open at <paramref name="asOfUtc"/>.</summary>
    public static IQueryable<Order> Open(IQueryable<Order> orders, DateTime asOfUtc, bool includeSandbox) =>
        orders.Where(o => o.Status == OrderStatus.Pending && o.CreatedAt <= asOfUtc && o.ExpiresAt > asOfUtc && (includeSandbox || !o.IsSandbox));

    /// <summary>The figure on an open context (the sweep loads it with the rest of its window).</summary>
    public static async Task<PendingOrdersFigure> SummarizeAsync(MootaDeskDbContext db, DateTime asOfUtc, bool includeSandbox, CancellationToken ct = default)
    {
        var open = await Open(db.Orders.AsNoTracking(), asOfUtc, includeSandbox)
            .Select(o => new { o.PayableAmount, o.CreatedAt }).ToListAsync(ct);
        return new PendingOrdersFigure(open.Count, open.Sum(o => o.PayableAmount), open.Count == 0 ? null : open.Min(o => o.CreatedAt));
    }

    /// <summary>Real orders open at <paramref name="asOfUtc"/>.</summary>
    public async Task<PendingOrdersFigure> LoadAsync(DateTime asOfUtc, bool includeSandbox = false, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await SummarizeAsync(db, asOfUtc, includeSandbox, ct);
    }
}
