using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Platform.Store;

/// <summary>Whether the main store answers, for the health check: it opens a connection and reads one row.</summary>
public sealed class StoreHealth(IDbContextFactory<MootaDeskDbContext> factory)
{
    /// <summary>True when the store can be opened and read; false when it refuses (SQLite: missing, locked, corrupt; PostgreSQL: down, refused).</summary>
    public async Task<bool> IsReachableAsync(CancellationToken ct = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            if (!await db.Database.CanConnectAsync(ct)) return false;
            await db.Accounts.AsNoTracking().AnyAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return false;
        }
    }
}
