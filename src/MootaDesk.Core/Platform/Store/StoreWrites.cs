using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MootaDesk.Core.Platform.Store;

/// <summary>
/// What the store's commands rely on, the same on both providers (decision 025). SQLite lets one writer in at a time
/// (Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE), and every command that reads, decides and writes (the unique
/// codes of orders, merges, the sweep's preparation, ingest's "stored already?") was written for that. On PostgreSQL a
/// write transaction takes one transaction-scoped advisory lock first, so those commands stay serialised across every
/// instance, and readers are never blocked.
/// </summary>
public static class StoreWrites
{
    /// <summary>The advisory lock key of the store's write turn ("MootaDsk" in ASCII).</summary>
    public const long WriteTurnKey = 0x4D6F6F746144736B;

    /// <summary>
    /// Begins a transaction that holds the store's write turn until it commits or rolls back. On SQLite the turn is also
    /// taken in the process first (<see cref="SqliteWriteTurn"/>), so this process's writers queue in order instead of
    /// polling SQLite's busy handler, whose sleeps grow to 100 ms and made short writes wait for hundreds of milliseconds
    /// behind each other (bench notifications: p99 762 ms at 50 posts/s before).
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this MootaDeskDbContext db, CancellationToken ct = default)
    {
        if (db.IsPostgreSql())
        {
            var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({WriteTurnKey})", ct);
            return tx;
        }
        var turn = await SqliteWriteTurn.TakeAsync(db.Database.GetConnectionString() ?? "", ct);
        try
        {
            return new TurnHeldTransaction(await db.Database.BeginTransactionAsync(ct), turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    private const int SqliteConstraint = 19, SqliteConstraintUnique = 2067;

    /// <summary>A UNIQUE index refused the row (SQLite extended code 2067, PostgreSQL 23505): "stored already".</summary>
    public static bool IsUniqueViolation(Exception ex) => Inner(ex) switch
    {
        SqliteException s => s.SqliteExtendedErrorCode == SqliteConstraintUnique,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Any constraint refused the row (SQLite 19, PostgreSQL class 23: unique, foreign key, not null, check).</summary>
    public static bool IsConstraintViolation(Exception ex) => Inner(ex) switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint,
        PostgresException p => p.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// The store refused the data itself, so trying again cannot help: SQLite's too big, constraint, mismatch and range;
    /// PostgreSQL's data exceptions (class 22: out of range, too long, bad value) and constraint violations (class 23).
    /// </summary>
    public static bool IsPermanentDataError(Exception ex) => Inner(ex) switch
    {
        SqliteException s => s.SqliteErrorCode is 18 or SqliteConstraint or 20 or 25,
        PostgresException p => p.SqlState.StartsWith("22", StringComparison.Ordinal) || p.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>An error of the database or its connection (busy, locked, I/O, network, failover): worth another try later.</summary>
    public static bool IsStoreError(Exception ex) => Inner(ex) is DbException;

    private static Exception Inner(Exception ex) => ex is DbUpdateException { InnerException: { } inner } ? inner : ex;
}
