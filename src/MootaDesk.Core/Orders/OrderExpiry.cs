using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

/// <summary>Turns pending orders past their expiry into expired ones, with an audit row each.</summary>
public sealed class OrderExpiry(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    /// <summary>Expires everything due now, in its own write transaction; returns how many orders expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var count = await ExpireDueAsync(db, clock.UtcNow, null, ct);
        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>Within the caller's transaction (the creator runs this before allocating, so "pending" means "open").</summary>
    public async Task<int> ExpireDueAsync(MootaDeskDbContext db, DateTime nowUtc, int? accountId, CancellationToken ct)
    {
        var due = await db.Orders
            .Where(o => o.Status == OrderStatus.Pending && o.ExpiresAt <= nowUtc && (accountId == null || o.AccountId == accountId))
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        foreach (var o in due)
        {
            o.Status = OrderStatus.Expired;
            o.Version++;
            db.Record(Actor.System, "order.expire", "Order", o.Id, new { status = nameof(OrderStatus.Pending) },
                new { status = nameof(OrderStatus.Expired), o.ExpiresAt }, nowUtc);
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
