using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Platform.Store;

/// <summary>
/// Scheduled work (the 16:30 sweep preparation, Moota pulls, order and proof expiry, source scrubbing) that several
/// instances on one PostgreSQL store must not run at the same time. Each job holds a session advisory lock for as long as
/// it runs; an instance that finds the lock taken skips this turn, and a crashed holder's lock goes with its connection.
/// Every job is idempotent already (a sweep is prepared once per business day, an expired order stays expired, a pull
/// recognises what it stored), so an instance running a moment after another finds nothing left to do. On SQLite there is
/// one instance by design and the work simply runs.
/// </summary>
public sealed class ScheduledWork(IDbContextFactory<MootaDeskDbContext> factory)
{
    /// <summary>Runs <paramref name="work"/> unless another instance is running the job <paramref name="job"/>; false when skipped.</summary>
    public async Task<bool> RunAloneAsync(string job, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!db.IsPostgreSql())
        {
            await work(ct);
            return true;
        }
        var key = KeyOf(job);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").SingleAsync(ct);
            if (!taken) return false;
            try
            {
                await work(ct);
                return true;
            }
            finally
            {
                await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({key}) AS \"Value\"").SingleAsync(CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A stable 64-bit key per job name (FNV-1a), the same in every instance and version.</summary>
    public static long KeyOf(string job)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in job)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}
