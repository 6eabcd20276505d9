using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

/// <summary>One side of a conflict as the page shows it.</summary>
public sealed record ConflictVersion(decimal Amount, Direction Direction, string Account, DateOnly BankDate, DateTime TransactionTime, bool HasTimeOfDay,
    string Description, decimal? BalanceAfter);

/// <summary>A conflict with the stored row as it is now and the version Moota sent.</summary>
public sealed record ConflictView(
    long Id, long MutationId, string MootaMutationId, MutationSource Channel, long? WebhookDeliveryId, DateTime DetectedAt, ConflictFields Fields,
    ConflictVersion Stored, ConflictVersion Incoming, ConflictStatus Status, DateTime? ResolvedAt, string? ResolvedBy, string MutationLink);

public enum ConflictDecision { KeepOld, UseNew }

/// <summary>
/// Why a decision was refused; the page translates the key (Conflict.Refused.*). <see cref="Detail"/> carries a value for
/// the message (an order reference, an account).
/// </summary>
public sealed record ConflictOutcome(string? RefusalKey = null, string? Detail = null)
{
    public bool Succeeded => RefusalKey is null;
    public static readonly ConflictOutcome Ok = new();
}

/// <summary>
/// Ops' view of Moota conflicts (same mutation_id, another amount, direction, account or date) and the decision on each:
/// keep the stored version, or use Moota's new one. Both are audited on the mutation (who, when, before and after).
/// Using the new version never silently breaks an order's payment: a row paid to an order must be released first.
/// </summary>
public sealed class MootaConflicts(IDbContextFactory<MootaDeskDbContext> factory, MutationIngestor ingestor, BusinessClock clock)
{
    public static bool CanDecide(Viewer viewer) => viewer.Can(Actions.DecideMootaConflicts);

    public async Task<int> OpenCountAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.MutationConflicts.AsNoTracking().CountAsync(c => c.Status == ConflictStatus.Open, ct);
    }

    /// <summary>Open conflicts first (oldest first), then the latest decided ones; <paramref name="deliveryId"/> narrows to one webhook delivery.</summary>
    public async Task<IReadOnlyList<ConflictView>> ListAsync(bool openOnly = false, long? deliveryId = null, int take = 200, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.MutationConflicts.AsNoTracking();
        if (openOnly) q = q.Where(c => c.Status == ConflictStatus.Open);
        if (deliveryId is long d) q = q.Where(c => c.WebhookDeliveryId == d);
        var rows = await q
            .Join(db.Mutations, c => c.MutationId, m => m.Id, (c, m) => new
            {
                Conflict = c, m.AccountId, m.Amount, m.Direction, m.BankDate, m.TransactionTime, m.HasTimeOfDay, m.Description, m.BalanceAfter, m.IsSandbox,
                AccountText = m.Account!.BankCode + " " + m.Account.AccountNumber,
            })
            .OrderBy(x => x.Conflict.Status == ConflictStatus.Open ? 0 : 1).ThenByDescending(x => x.Conflict.Id)
            .Take(take).ToListAsync(ct);
        return rows.Select(r =>
        {
            var c = r.Conflict;
            return new ConflictView(c.Id, c.MutationId, c.MootaMutationId, c.Channel, c.WebhookDeliveryId, c.DetectedAt, c.Fields,
                new ConflictVersion(r.Amount, r.Direction, r.AccountText, r.BankDate, r.TransactionTime, r.HasTimeOfDay, r.Description, r.BalanceAfter),
                new ConflictVersion(c.IncomingAmount, c.IncomingDirection, c.IncomingAccountText, c.IncomingBankDate, c.IncomingTransactionTime, c.IncomingHasTimeOfDay,
                    c.IncomingDescription, c.IncomingBalanceAfter),
                c.Status, c.ResolvedAt, c.ResolvedBy, MutationLink.To(c.MutationId, r.AccountId, r.BankDate, r.Amount, r.IsSandbox));
        }).ToList();
    }

    public async Task<ConflictOutcome> DecideAsync(long conflictId, ConflictDecision decision, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        if (!CanDecide(viewer)) return new ConflictOutcome("NotAllowed");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var conflict = await db.MutationConflicts.FirstOrDefaultAsync(c => c.Id == conflictId, ct);
        if (conflict is null) return new ConflictOutcome("NotFound");
        if (conflict.Status != ConflictStatus.Open) return new ConflictOutcome("AlreadyDecided", conflict.ResolvedBy);
        var m = await db.Mutations.FirstAsync(x => x.Id == conflict.MutationId, ct);
        var now = clock.UtcNow;
        var before = Snapshot(m);
        var moneyChanges = false;

        if (decision == ConflictDecision.UseNew)
        {
            var accountId = conflict.IncomingAccountId ?? (conflict.Fields.HasFlag(ConflictFields.Account) ? (int?)null : m.AccountId);
            if (accountId is null) return new ConflictOutcome("UnknownAccount", conflict.IncomingAccountText);
            moneyChanges = m.Amount != conflict.IncomingAmount || m.Direction != conflict.IncomingDirection || m.AccountId != accountId;
            if (moneyChanges)
            {
                var order = await db.Orders.AsNoTracking().Where(o => o.MatchedMutationId == m.Id).Select(o => o.Reference).FirstOrDefaultAsync(ct);
                if (order is not null || m.Status == ReconciliationStatus.Matched)
                    return new ConflictOutcome("MatchedToOrder", order ?? m.OrderReference);
            }
            m.Amount = conflict.IncomingAmount;
            m.Direction = conflict.IncomingDirection;
            m.AccountId = accountId.Value;
            m.TransactionTime = conflict.IncomingTransactionTime;
            m.HasTimeOfDay = conflict.IncomingHasTimeOfDay;
            m.BankDate = conflict.IncomingBankDate;
            m.Description = conflict.IncomingDescription;
            m.Counterparty = CounterpartyParser.Parse(conflict.IncomingDescription);
            m.BalanceAfter = conflict.IncomingBalanceAfter;
            if (conflict.IncomingRawSource is not null) m.RawSource = conflict.IncomingRawSource;
        }
        conflict.Status = decision == ConflictDecision.UseNew ? ConflictStatus.UsedNew : ConflictStatus.KeptOld;
        conflict.ResolvedAt = now;
        conflict.ResolvedBy = actor.Name;
        conflict.ResolvedById = actor.UserId;
        db.Record(actor, decision == ConflictDecision.UseNew ? "mutation.conflict.use-new" : "mutation.conflict.keep-old", "Mutation", m.Id,
            before, new { conflictId, after = decision == ConflictDecision.UseNew ? Snapshot(m) : null }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // New money on the row: the rules and order matching look at it again, as for any new mutation.
        if (moneyChanges) await ingestor.RunStepsAsync([m.Id], actor, ct);
        return ConflictOutcome.Ok;
    }

    private static object Snapshot(Mutation m) => new
    {
        m.Amount, direction = m.Direction.ToString(), m.AccountId, m.BankDate, m.TransactionTime, m.Description, m.BalanceAfter,
    };
}
