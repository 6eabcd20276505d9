using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

public sealed record OrderChangeResult(bool Succeeded, string? ErrorCode = null)
{
    public static readonly OrderChangeResult Ok = new(true);
    public static OrderChangeResult Fail(string code) => new(false, code);
}

public static class OrderChangeErrors
{
    public const string OrderNotFound = "OrderNotFound";
    public const string MutationNotFound = "MutationNotFound";
    public const string NotACredit = "NotACredit";
    public const string MutationAlreadyMatched = "MutationAlreadyMatched";
    public const string OrderAlreadyPaid = "OrderAlreadyPaid";
    public const string OrderCancelled = "OrderCancelled";
    public const string OrderNotPaid = "OrderNotPaid";
    public const string SandboxMismatch = "SandboxMismatch";
    public const string ChangedMeanwhile = "ChangedMeanwhile";
}

/// <summary>
/// What a person does to an order by hand: settle it with a credit (including an ambiguous or a late one),
/// undo that, or cancel it. Each change and its audit row commit together.
/// </summary>
public sealed class OrderSettlement(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public async Task<OrderChangeResult> MatchAsync(int orderId, long mutationId, Actor actor, int? expectedVersion = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return OrderChangeResult.Fail(OrderChangeErrors.OrderNotFound);
        var m = await db.Mutations.FirstOrDefaultAsync(x => x.Id == mutationId, ct);
        if (m is null) return OrderChangeResult.Fail(OrderChangeErrors.MutationNotFound);
        if (expectedVersion is int v && v != order.Version) return OrderChangeResult.Fail(OrderChangeErrors.ChangedMeanwhile);
        if (m.Direction != Direction.Credit) return OrderChangeResult.Fail(OrderChangeErrors.NotACredit);
        if (m.OrderReference != null || m.Status == ReconciliationStatus.Matched) return OrderChangeResult.Fail(OrderChangeErrors.MutationAlreadyMatched);
        if (order.Status == OrderStatus.Paid) return OrderChangeResult.Fail(OrderChangeErrors.OrderAlreadyPaid);
        if (order.Status == OrderStatus.Cancelled) return OrderChangeResult.Fail(OrderChangeErrors.OrderCancelled);
        if (order.IsSandbox != m.IsSandbox) return OrderChangeResult.Fail(OrderChangeErrors.SandboxMismatch);

        var now = clock.UtcNow;
        var before = new { status = order.Status.ToString(), order.NeedsAttention, mutationStatus = m.Status.ToString() };
        order.Status = OrderStatus.Paid;
        order.MatchedMutationId = m.Id;
        order.PaidAt = m.TransactionTime;
        order.NeedsAttention = false;
        order.LikelyPaidByMutationId = null;
        order.Version++;
        m.Status = ReconciliationStatus.Matched;
        m.OrderReference = order.Reference;
        db.Record(actor, "order.match.manual", "Order", order.Id, before,
            new { status = nameof(OrderStatus.Paid), mutationId = m.Id, m.Amount, order.PayableAmount, m.TransactionTime }, now);
        await db.SaveChangesAsync(ct);
        await ClearSettledAttentionAsync(db, order.AccountId, ct);
        await tx.CommitAsync(ct);
        return OrderChangeResult.Ok;
    }

    public async Task<OrderChangeResult> UnmatchAsync(int orderId, Actor actor, int? expectedVersion = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return OrderChangeResult.Fail(OrderChangeErrors.OrderNotFound);
        if (expectedVersion is int v && v != order.Version) return OrderChangeResult.Fail(OrderChangeErrors.ChangedMeanwhile);
        if (order.Status != OrderStatus.Paid || order.MatchedMutationId is not long mutationId) return OrderChangeResult.Fail(OrderChangeErrors.OrderNotPaid);

        var now = clock.UtcNow;
        var m = await db.Mutations.FirstOrDefaultAsync(x => x.Id == mutationId, ct);
        // Back to open only while still valid and while its amount is still its own; otherwise it can no longer be
        // paid by amount alone, so it reads as expired and a person settles it by hand.
        var amountFree = !await db.Orders.AnyAsync(o => o.Id != order.Id && o.AccountId == order.AccountId && o.IsSandbox == order.IsSandbox
                                                        && o.Status == OrderStatus.Pending && o.PayableAmount == order.PayableAmount, ct);
        var newStatus = order.ExpiresAt > now && amountFree ? OrderStatus.Pending : OrderStatus.Expired;
        db.Record(actor, "order.unmatch", "Order", order.Id,
            new { status = nameof(OrderStatus.Paid), mutationId, order.PaidAt },
            new { status = newStatus.ToString() }, now);
        order.Status = newStatus;
        order.MatchedMutationId = null;
        order.PaidAt = null;
        order.Version++;
        if (m is not null && m.OrderReference == order.Reference)
        {
            m.Status = ReconciliationStatus.New;
            m.OrderReference = null;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return OrderChangeResult.Ok;
    }

    public async Task<OrderChangeResult> CancelAsync(int orderId, Actor actor, int? expectedVersion = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return OrderChangeResult.Fail(OrderChangeErrors.OrderNotFound);
        if (expectedVersion is int v && v != order.Version) return OrderChangeResult.Fail(OrderChangeErrors.ChangedMeanwhile);
        if (order.Status == OrderStatus.Paid) return OrderChangeResult.Fail(OrderChangeErrors.OrderAlreadyPaid);
        if (order.Status == OrderStatus.Cancelled) return OrderChangeResult.Fail(OrderChangeErrors.OrderCancelled);

        var now = clock.UtcNow;
        db.Record(actor, "order.cancel", "Order", order.Id, new { status = order.Status.ToString() }, new { status = nameof(OrderStatus.Cancelled) }, now);
        order.Status = OrderStatus.Cancelled;
        order.CancelledAt = now;
        order.NeedsAttention = false;
        order.Version++;
        await db.SaveChangesAsync(ct);
        await ClearSettledAttentionAsync(db, order.AccountId, ct);
        await tx.CommitAsync(ct);
        return OrderChangeResult.Ok;
    }

    /// <summary>
    /// After a person settles one side of an ambiguity, the other flags may no longer apply: an order stays
    /// "needs attention" only while an ambiguous credit still fits it; an ambiguous credit with at most one
    /// order left goes back to plain unmatched (a person matches it from the suggestions; never automatically).
    /// </summary>
    private async Task ClearSettledAttentionAsync(MootaDeskDbContext db, int accountId, CancellationToken ct)
    {
        var flaggedOrders = await db.Orders.Where(o => o.AccountId == accountId && o.NeedsAttention).ToListAsync(ct);
        var flaggedCredits = await db.Mutations.Where(m => m.AccountId == accountId && m.Status == ReconciliationStatus.NeedsAttention).ToListAsync(ct);
        var openOrders = await db.Orders.AsNoTracking()
            .Where(o => o.AccountId == accountId && (o.Status == OrderStatus.Pending || o.Status == OrderStatus.Expired))
            .Select(o => new { o.Id, o.IsSandbox, o.PayableAmount, o.CreatedAt, o.ExpiresAt }).ToListAsync(ct);

        var stillFlagged = new HashSet<int>();
        foreach (var m in flaggedCredits)
        {
            var (from, to) = OrderCandidates.PaymentWindow(m.TransactionTime, m.HasTimeOfDay, clock);
            var fits = openOrders.Where(o => o.IsSandbox == m.IsSandbox && o.PayableAmount == m.Amount && o.CreatedAt <= to && o.ExpiresAt >= from).ToList();
            if (fits.Count > 1) stillFlagged.UnionWith(fits.Select(f => f.Id));
            else m.Status = ReconciliationStatus.New;
        }
        foreach (var o in flaggedOrders.Where(o => !stillFlagged.Contains(o.Id)))
        {
            o.NeedsAttention = false;
            o.Version++;
        }
        await db.SaveChangesAsync(ct);
    }
}
