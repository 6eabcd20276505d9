using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Data;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Sweep;

namespace MootaDesk.Web.Features.Sweep;

/// <summary>
/// Loads what <see cref="SweepAnalysis"/> needs for a window in a handful of indexed queries. A mutation
/// belongs to the window when it happened in it (and was already stored by its end) or was first stored in
/// it; windows are contiguous, so each mutation is swept exactly once even when read late.
/// </summary>
public static class SweepDataLoader
{
    private const int HistoryDays = 30;
    private const int HistoryRowsPerAccount = 2000;

    public static readonly string RefundTag = TagName.Normalize("Refund");
    public static readonly string SupplierTag = TagName.Normalize("Supplier");
    public static readonly string[] ImportantTags = [TagName.Normalize("Penting"), TagName.Normalize("Important")];

    public static async Task<SweepInput> LoadAsync(MootaDeskDbContext db, SweepWindow window, DateTime nowUtc, decimal threshold,
        AnomalyThresholds thresholds, CancellationToken ct)
    {
        var (start, end) = (window.StartUtc, window.EndUtc);
        var byTime = db.Mutations.AsNoTracking().Where(m => m.TransactionTime >= start && m.TransactionTime < end && m.ReadTime < end);
        var byRead = db.Mutations.AsNoTracking().Where(m => m.ReadTime >= start && m.ReadTime < end && (m.TransactionTime < start || m.TransactionTime >= end));

        var rows = await Project(byTime).ToListAsync(ct);
        rows.AddRange(await Project(byRead).ToListAsync(ct));

        var tagRows = await TagsOf(db, byTime).ToListAsync(ct);
        tagRows.AddRange(await TagsOf(db, byRead).ToListAsync(ct));
        var tags = new Dictionary<long, SweepTags>();
        foreach (var t in tagRows)
        {
            var flag = t.Name == RefundTag ? SweepTags.Refund
                : t.Name == SupplierTag ? SweepTags.Supplier
                : ImportantTags.Contains(t.Name) ? SweepTags.Important
                : SweepTags.Other;
            tags[t.MutationId] = tags.GetValueOrDefault(t.MutationId) | flag;
        }

        // Like the home page: a database holding nothing but the demo shop sweeps the demo shop (the page says
        // so); as soon as one real account exists, sandbox money is out again.
        var accountRows = await db.Accounts.AsNoTracking().ToListAsync(ct);
        var demoOnly = IsDemoOnly(accountRows);
        var mutations = rows.Select(r => new SweepMutation(r.Id, r.AccountId, r.TransactionTime, r.HasTimeOfDay, r.ReadTime, r.Amount, r.Direction,
            r.BalanceAfter, r.Description, r.Counterparty, r.OrderReference, r.Status, r.HasNote, r.IsSandbox && !demoOnly, tags.GetValueOrDefault(r.Id))).ToList();

        var accounts = new List<SweepAccount>(accountRows.Count);
        var history = new Dictionary<(int, Direction), decimal[]>();
        var historyStart = start.AddDays(-HistoryDays);
        foreach (var a in accountRows)
        {
            var opening = await db.Mutations.AsNoTracking()
                .Where(m => m.AccountId == a.Id && m.TransactionTime < start && m.BalanceAfter != null)
                .OrderByDescending(m => m.TransactionTime).ThenByDescending(m => m.Id)
                .Select(m => m.BalanceAfter).FirstOrDefaultAsync(ct);
            var lastRead = await db.Mutations.AsNoTracking()
                .Where(m => m.AccountId == a.Id && m.TransactionTime >= historyStart && m.ReadTime < end)
                .MaxAsync(m => (DateTime?)m.ReadTime, ct);
            accounts.Add(new SweepAccount(a.Id, string.IsNullOrWhiteSpace(a.Label) ? $"{a.BankCode.ToUpperInvariant()} {a.AccountNumber}" : a.Label,
                a.HolderName, a.IsSandbox && !demoOnly, a.IsActive, opening, a.LastKnownBalance, a.LastKnownBalanceAt, lastRead));
            if (a.IsSandbox && !demoOnly) continue;
            foreach (var direction in new[] { Direction.Credit, Direction.Debit })
            {
                var amounts = await db.Mutations.AsNoTracking()
                    .Where(m => m.AccountId == a.Id && m.TransactionTime >= historyStart && m.TransactionTime < start && m.Direction == direction)
                    .OrderByDescending(m => m.TransactionTime).Take(HistoryRowsPerAccount).Select(m => m.Amount).ToArrayAsync(ct);
                history[(a.Id, direction)] = amounts;
            }
        }

        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end
                && (d.Status == DeliveryStatus.Rejected || d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Malformed
                    || d.Signature == SignatureVerdict.Invalid || d.Signature == SignatureVerdict.Missing || d.Signature == SignatureVerdict.IpRefused))
            .Select(d => new SweepDelivery(d.Id, d.ReceivedAt, d.Status, d.Signature, d.Error, d.SourceIp)).ToListAsync(ct);

        var references = mutations.Where(m => !string.IsNullOrWhiteSpace(m.OrderReference)).Select(m => m.OrderReference!).Distinct().ToList();
        var orderSince = start.AddDays(-60);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => (demoOnly || !o.IsSandbox) && (o.CreatedAt >= orderSince || o.Status == OrderStatus.Pending || references.Contains(o.Reference)))
            .Select(o => new SweepOrder(o.Id, o.Reference, o.AccountId, o.PayableAmount, o.Status, o.MatchedMutationId, o.CreatedAt, o.IsSandbox))
            .ToListAsync(ct);

        var refundRefs = mutations.Where(m => m.Tags.HasFlag(SweepTags.Refund) && !string.IsNullOrWhiteSpace(m.OrderReference)).Select(m => m.OrderReference!).Distinct().ToList();
        var withCredit = refundRefs.Count == 0 ? [] : await db.Mutations.AsNoTracking()
            .Where(m => m.Direction == Direction.Credit && m.OrderReference != null && refundRefs.Contains(m.OrderReference))
            .Select(m => m.OrderReference!).Distinct().ToListAsync(ct);

        var lastSync = await db.Integrations.AsNoTracking().Where(i => i.IsActive).MaxAsync(i => i.LastSuccessfulSyncAt, ct);
        var pending = await PendingOrdersAsync(db, nowUtc, demoOnly, ct);

        return new SweepInput(window, nowUtc, mutations, accounts, deliveries, orders,
            withCredit.Select(r => r.Trim().ToUpperInvariant()).ToHashSet(), history, lastSync, pending, threshold, thresholds);
    }

    /// <summary>
    /// Real pending orders still payable now: count, total and the oldest. The orders area will publish its own
    /// query; this one stays small so the sweep does not depend on that branch.
    /// </summary>
    public static async Task<PendingOrdersFigure> PendingOrdersAsync(MootaDeskDbContext db, DateTime nowUtc, bool includeSandbox, CancellationToken ct)
    {
        var pending = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Pending && (includeSandbox || !o.IsSandbox) && o.ExpiresAt > nowUtc)
            .Select(o => new { o.PayableAmount, o.CreatedAt }).ToListAsync(ct);
        return new PendingOrdersFigure(pending.Count, pending.Sum(p => p.PayableAmount), pending.Count == 0 ? null : pending.Min(p => p.CreatedAt));
    }

    public static bool IsDemoOnly(IReadOnlyCollection<MootaDesk.Core.Domain.Account> accounts) => accounts.Count > 0 && accounts.All(a => a.IsSandbox) && accounts.Any(a => a.IsDemo);

    private sealed record Row(long Id, int AccountId, DateTime TransactionTime, bool HasTimeOfDay, DateTime ReadTime, decimal Amount, Direction Direction,
        decimal? BalanceAfter, string Description, string? Counterparty, string? OrderReference, ReconciliationStatus Status, bool HasNote, bool IsSandbox);

    private sealed record TagRow(long MutationId, string Name);

    private static IQueryable<Row> Project(IQueryable<Mutation> q) => q.Select(m => new Row(m.Id, m.AccountId, m.TransactionTime, m.HasTimeOfDay, m.ReadTime,
        m.Amount, m.Direction, m.BalanceAfter, m.Description, m.Counterparty, m.OrderReference, m.Status, m.HasNote, m.IsSandbox));

    private static IQueryable<TagRow> TagsOf(MootaDeskDbContext db, IQueryable<Mutation> q) =>
        from m in q
        join mt in db.MutationTags on m.Id equals mt.MutationId
        join t in db.Tags on mt.TagId equals t.Id
        select new TagRow(m.Id, t.NormalizedName);
}
