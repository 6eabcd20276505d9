using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

/// <summary>
/// Matches every new credit, from any source, to the order it pays: same account, same sandbox-ness, payable
/// amount exactly equal, and paid within the order's validity (created ≤ transaction time ≤ expiry). One such
/// order: it is paid. Several: all of them and the credit are flagged for a person. None: the credit stays
/// unmatched; near misses (late, a little off, same name) are only ever suggestions, see <see cref="OrderCandidates"/>.
/// </summary>
public sealed class OrderMatchingStep(
    IDbContextFactory<MootaDeskDbContext> factory,
    BusinessClock clock,
    ILogger<OrderMatchingStep> logger) : IPostIngestStep
{
    public int Order => 200;

    public async Task RunAsync(IReadOnlyList<long> newMutationIds, Actor actor, CancellationToken ct)
    {
        // Only credits can pay an order, and only one whose exact amount some open order of that account expects
        // (the validity window is checked per credit). Filtering in one query keeps a busy webhook stream of
        // credits with no orders behind them from paying for a transaction each. Each possible match then gets
        // its own short write transaction.
        var credits = new List<long>();
        foreach (var chunk in newMutationIds.Chunk(500))
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            credits.AddRange(await db.Mutations.AsNoTracking()
                .Where(m => chunk.Contains(m.Id) && m.Direction == Direction.Credit && m.Status == ReconciliationStatus.New && m.OrderReference == null
                            && db.Orders.Any(o => o.AccountId == m.AccountId && o.IsSandbox == m.IsSandbox && o.PayableAmount == m.Amount
                                                  && (o.Status == OrderStatus.Pending || o.Status == OrderStatus.Expired)))
                .OrderBy(m => m.TransactionTime).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync(ct));
        }
        foreach (var id in credits)
            await MatchOneAsync(id, actor, ct);
    }

    public async Task<MatchOutcome> MatchOneAsync(long mutationId, Actor actor, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var m = await db.Mutations.FirstOrDefaultAsync(x => x.Id == mutationId, ct);
        if (m is null || m.Direction != Direction.Credit || m.Status != ReconciliationStatus.New || m.OrderReference != null)
            return MatchOutcome.Skipped;

        var (from, to) = OrderCandidates.PaymentWindow(m.TransactionTime, m.HasTimeOfDay, clock);
        var amount = m.Amount;
        var candidates = await db.Orders
            .Where(o => o.AccountId == m.AccountId && o.IsSandbox == m.IsSandbox
                        && (o.Status == OrderStatus.Pending || o.Status == OrderStatus.Expired)
                        && o.PayableAmount == amount && o.CreatedAt <= to && o.ExpiresAt >= from)
            .OrderBy(o => o.CreatedAt).ToListAsync(ct);
        var now = clock.UtcNow;

        if (candidates.Count == 0) return MatchOutcome.None;

        if (m.IsProvisional)
        {
            // A phone notification is not money confirmed: a single fitting order is only "kemungkinan dibayar". The bank's
            // mutation attaching to this row clears the flag and runs this step again, which then pays the order.
            if (candidates.Count != 1 || candidates[0].LikelyPaidByMutationId is not null) return MatchOutcome.None;
            var likely = candidates[0];
            likely.LikelyPaidByMutationId = m.Id;
            likely.Version++;
            db.Record(actor, "order.likely-paid", "Order", likely.Id, null, new { mutationId = m.Id, m.Amount, m.TransactionTime }, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return MatchOutcome.Likely;
        }

        if (candidates.Count == 1)
        {
            var order = candidates[0];
            var before = new { status = order.Status.ToString(), order.NeedsAttention };
            order.Status = OrderStatus.Paid;
            order.MatchedMutationId = m.Id;
            order.PaidAt = m.TransactionTime;
            order.NeedsAttention = false;
            order.LikelyPaidByMutationId = null;
            order.Version++;
            m.Status = ReconciliationStatus.Matched;
            m.OrderReference = order.Reference;
            db.Record(actor, "order.match.auto", "Order", order.Id, before,
                new { status = nameof(OrderStatus.Paid), mutationId = m.Id, m.Amount, m.TransactionTime }, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("Credit {MutationId} matched order {Reference}", m.Id, order.Reference);
            return MatchOutcome.Matched;
        }

        foreach (var order in candidates)
        {
            order.NeedsAttention = true;
            order.Version++;
        }
        m.Status = ReconciliationStatus.NeedsAttention;
        db.Record(actor, "order.match.ambiguous", "Mutation", m.Id, null,
            new { m.Amount, orders = candidates.Select(o => o.Reference).ToArray() }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Credit {MutationId} fits {Count} open orders; left for a person", m.Id, candidates.Count);
        return MatchOutcome.Ambiguous;
    }
}

public enum MatchOutcome { Skipped, None, Matched, Ambiguous, Likely }
