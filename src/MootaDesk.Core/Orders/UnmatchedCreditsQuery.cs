using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

public sealed record UnmatchedCredit(long Id, DateTime TransactionTime, bool HasTimeOfDay, decimal Amount, string Description, string? Counterparty,
    string AccountLabel, ReconciliationStatus Status, bool IsSandbox);

/// <summary>
/// The credit side of matching: credits the matcher left for a person (several orders fit) and recent credits
/// that paid no order, so someone can settle an order from the money's side.
/// </summary>
public sealed class UnmatchedCreditsQuery(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public const int RecentDays = 7;

    public async Task<IReadOnlyList<UnmatchedCredit>> LoadAsync(Viewer viewer, bool attentionOnly, int take = 100, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var since = clock.UtcNow.AddDays(-RecentDays);
        var q = db.Mutations.AsNoTracking().VisibleTo(viewer).Where(m => m.Direction == Direction.Credit && m.OrderReference == null && !m.IsProvisional);
        q = attentionOnly
            ? q.Where(m => m.Status == ReconciliationStatus.NeedsAttention)
            : q.Where(m => m.Status == ReconciliationStatus.NeedsAttention || (m.Status == ReconciliationStatus.New && m.TransactionTime >= since));
        return await q.OrderByDescending(m => m.Status == ReconciliationStatus.NeedsAttention).ThenByDescending(m => m.TransactionTime).Take(take)
            .Select(m => new UnmatchedCredit(m.Id, m.TransactionTime, m.HasTimeOfDay, m.Amount, m.Description, m.Counterparty, m.Account!.Label, m.Status, m.IsSandbox))
            .ToListAsync(ct);
    }
}
