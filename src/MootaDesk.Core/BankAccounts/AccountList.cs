using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.BankAccounts;

public sealed record AccountRow(
    int Id, string BankCode, string AccountNumber, string HolderName, string Label, AccountPurpose Purpose, decimal? LastKnownBalance,
    DateTime? LastKnownBalanceAt, bool IsActive, bool IsDemo, bool IsSandbox, bool FromMoota, int MutationCount, DateTime? LastMutationAt);

/// <summary>Every account with its last known balance and how many mutations it holds. Balances are for roles that may see them.</summary>
public sealed class AccountList(IDbContextFactory<MootaDeskDbContext> factory)
{
    public async Task<IReadOnlyList<AccountRow>> LoadAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.Can(Actions.ReadAccounts)) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = await db.Mutations.AsNoTracking().GroupBy(m => m.AccountId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(m => m.TransactionTime) })
            .ToDictionaryAsync(x => x.Key, ct);
        var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.IsDemo).ThenBy(a => a.IsSandbox).ThenByDescending(a => a.IsActive).ThenBy(a => a.Label).ToListAsync(ct);
        return accounts.Select(a =>
        {
            var c = counts.GetValueOrDefault(a.Id);
            return new AccountRow(a.Id, a.BankCode, a.AccountNumber, a.HolderName, a.Label, a.Purpose,
                viewer.CanSeeBalances ? a.LastKnownBalance : null, viewer.CanSeeBalances ? a.LastKnownBalanceAt : null,
                a.IsActive, a.IsDemo, a.IsSandbox, a.ExternalId is not null, c?.Count ?? 0, c?.Last);
        }).ToList();
    }
}
