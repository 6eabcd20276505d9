using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Platform.Store;

/// <summary>
/// Raw SQL on a context's own connection, inside its current transaction when it has one, for the few hot paths where
/// EF's change tracker or materialisation costs more than the work (a statement of a hundred thousand rows). Values
/// must be written as EF stores them, per provider: on SQLite money in sen, enums as numbers, dates as text; on PostgreSQL
/// decimal, numbers, and DateOnly / UTC DateTime. Parameters are named '@x', which both providers read.
/// </summary>
internal static class RawCommands
{
    public static async Task<T> RunAsync<T>(MootaDeskDbContext db, string sql, Func<DbCommand, Task<T>> use, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = sql;
            return await use(cmd);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Prepares a command that runs many times, on SQLite. Npgsql refuses to prepare before every parameter has a value or
    /// type, and PostgreSQL plans a repeated statement well without it, so there it is left unprepared.
    /// </summary>
    public static void PrepareOnSqlite(this DbCommand cmd)
    {
        if (cmd is Microsoft.Data.Sqlite.SqliteCommand) cmd.Prepare();
    }

    /// <summary>Adds a named parameter (set its value now or before each execution).</summary>
    public static DbParameter Param(this DbCommand cmd, string name, object? value = null)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }
}
