using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

/// <summary>What the list can be narrowed to. <see cref="OrderListStatus.NeedsAttention"/> is open orders a person must decide on.</summary>
public enum OrderListStatus { All = 0, Pending = 1, NeedsAttention = 2, Paid = 3, Expired = 4, Cancelled = 5 }

public sealed record OrderFilter(OrderListStatus Status = OrderListStatus.All, string? Search = null, int? AccountId = null);

public sealed record OrderPage(IReadOnlyList<OrderView> Items, int Total);


public sealed record MatchedCredit(long Id, DateTime TransactionTime, bool HasTimeOfDay, decimal Amount, string Description, string? Counterparty, string AccountLabel);

public sealed record OrderDetail(OrderView Order, string Instruction, MatchedCredit? Matched, IReadOnlyList<CreditCandidate> Candidates);

public sealed class OrderListQuery(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public async Task<OrderPage> LoadAsync(OrderFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var q = db.Orders.AsNoTracking();
        // Status filters use the effective status: an overdue pending order is listed as expired even before the sweeper ran.
        q = filter.Status switch
        {
            OrderListStatus.Pending => q.Where(o => o.Status == OrderStatus.Pending && o.ExpiresAt > now),
            OrderListStatus.NeedsAttention => q.Where(o => o.NeedsAttention),
            OrderListStatus.Paid => q.Where(o => o.Status == OrderStatus.Paid),
            OrderListStatus.Expired => q.Where(o => o.Status == OrderStatus.Expired || (o.Status == OrderStatus.Pending && o.ExpiresAt <= now)),
            OrderListStatus.Cancelled => q.Where(o => o.Status == OrderStatus.Cancelled),
            _ => q,
        };
        if (filter.AccountId is int accountId) q = q.Where(o => o.AccountId == accountId);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = "%" + filter.Search.Trim().Replace("%", "").Replace("_", "") + "%";
            var asAmount = Money.TryParse(filter.Search, out var amount) ? amount : (decimal?)null;
            q = q.Where(o => EF.Functions.Like(o.Reference, s) || EF.Functions.Like(o.CustomerName, s) || (o.WhatsApp != null && EF.Functions.Like(o.WhatsApp, s))
                             || (asAmount != null && (o.PayableAmount == asAmount || o.Amount == asAmount)));
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Skip(skip).Take(take).ToViews(now).ToListAsync(ct);
        return new OrderPage(items, total);
    }

    public async Task<IReadOnlyList<AccountOption>> AccountsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.IsSandbox).ThenBy(a => a.Label)
            .Select(a => new AccountOption(a.Id, a.Label, a.BankCode, a.AccountNumber, a.HolderName, a.IsSandbox)).ToListAsync(ct);
    }
}

public sealed class OrderDetailQuery(IDbContextFactory<MootaDeskDbContext> factory, OrderCandidates candidates, BusinessClock clock)
{
    /// <summary>Null when there is no such order. Candidates only for orders still open to payment (not paid, not cancelled).</summary>
    public async Task<OrderDetail?> LoadAsync(int id, Viewer viewer, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == id).ToViews(clock.UtcNow).FirstOrDefaultAsync(ct);
        if (order is null) return null;
        MatchedCredit? matched = null;
        if (order.MatchedMutationId is long mid)
            matched = await db.Mutations.AsNoTracking().VisibleTo(viewer).Where(m => m.Id == mid)
                .Select(m => new MatchedCredit(m.Id, m.TransactionTime, m.HasTimeOfDay, m.Amount, m.Description, m.Counterparty, m.Account!.Label))
                .FirstOrDefaultAsync(ct);
        var list = order.Status is OrderStatus.Paid or OrderStatus.Cancelled ? [] : await candidates.ForOrderAsync(id, ct);
        return new OrderDetail(order, order.Instruction(clock), matched, list);
    }

    /// <summary>
    /// The order's version (bumped by every change: paid, likely paid, cancelled, flagged), or null when it is gone. One
    /// indexed read, so an open order page can ask every few seconds and load the whole detail only when it changed.
    /// </summary>
    public async Task<int?> VersionAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Orders.AsNoTracking().Where(o => o.Id == id).Select(o => (int?)o.Version).FirstOrDefaultAsync(ct);
    }

    public async Task<OrderView?> FindByReferenceAsync(string reference, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Orders.AsNoTracking().Where(o => o.Reference == reference).ToViews(clock.UtcNow).FirstOrDefaultAsync(ct);
    }
}
