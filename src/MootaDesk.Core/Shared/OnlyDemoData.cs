using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Shared;

/// <summary>
/// "Only demo data in the store": every account is a sandbox one and the demo shop is among them. Then the home page, the
/// Mutasi list, the sweep and the owner's reports show the demo shop (and say so) instead of nothing; as soon as one real
/// account exists, sandbox money is out of every total again.
/// </summary>
public static class OnlyDemoData
{
    public static bool In(IReadOnlyCollection<Account> accounts) =>
        accounts.Count > 0 && accounts.All(a => a.IsSandbox) && accounts.Any(a => a.IsDemo);

    /// <summary>The same rule in one round trip (every Mutasi page and count asks it): false when there is no demo account.</summary>
    public static async Task<bool> InAsync(MootaDeskDbContext db, CancellationToken ct = default) =>
        // "Some demo account while no real one exists" as one EXISTS, rather than the first row of an unordered projection.
        await db.Accounts.Where(a => a.IsDemo).AnyAsync(a => !db.Accounts.Any(b => !b.IsSandbox), ct);
}
