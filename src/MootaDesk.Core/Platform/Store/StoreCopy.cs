using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace MootaDesk.Core.Platform.Store;

/// <summary>One table's rows and money sums in the source and in the copy.</summary>
public sealed record CopiedTable(string Table, long SourceRows, long TargetRows, IReadOnlyList<(string Column, decimal Source, decimal Target)> Sums)
{
    public bool Matches => SourceRows == TargetRows && Sums.All(s => s.Source == s.Target);
}

/// <summary>What <see cref="StoreCopy.CopyAsync"/> did: every table, or why it refused (a message for the person at the console).</summary>
public sealed record StoreCopyResult(string? Refusal, IReadOnlyList<CopiedTable> Tables)
{
    public bool Succeeded => Refusal is null && Tables.All(t => t.Matches);
}

/// <summary>
/// Moves a shop from SQLite to PostgreSQL (`copy-store`, decision 025): every table of both contexts' models (users,
/// roles, API keys, integrations, mutations, tags, notes, orders, proofs, sweeps, audit, Data Protection keys, and the
/// webhook inbox) is copied row for row with its keys, then counted and its money columns summed on both sides. The
/// columns and each value's conversion come from the two EF models (sen → numeric, text dates → timestamptz), so a
/// column added later is copied without touching this class. The target must be empty: it is migrated first, and any
/// row in it stops the copy before anything is written. The source must be a store this version has already opened
/// (its migrations applied), and should not be written to while it is copied (stop the app).
/// </summary>
public static class StoreCopy
{
    public static async Task<StoreCopyResult> CopyAsync(StoreLocation from, StoreLocation to, TextWriter log, CancellationToken ct = default)
    {
        if (from.Provider != StoreProvider.Sqlite || to.Provider != StoreProvider.PostgreSQL)
            return new("copy-store copies a SQLite store (--from \"Data Source=…\") into a PostgreSQL one (--to \"Host=…\").", []);
        if (!File.Exists(new SqliteConnectionStringBuilder(from.Main).DataSource))
            return new($"The SQLite store {new SqliteConnectionStringBuilder(from.Main).DataSource} does not exist.", []);

        await using var sourceMain = new MootaDeskDbContext((DbContextOptions<MootaDeskDbContext>)DatabaseSetup.Configure(new DbContextOptionsBuilder<MootaDeskDbContext>(), from).Options);
        await using var sourceInbox = new InboxDbContext((DbContextOptions<InboxDbContext>)DatabaseSetup.ConfigureInbox(new DbContextOptionsBuilder<InboxDbContext>(), from).Options);
        await using var targetMain = new MootaDeskDbContext((DbContextOptions<MootaDeskDbContext>)DatabaseSetup.Configure(new DbContextOptionsBuilder<MootaDeskDbContext>(), to).Options);
        await using var targetInbox = new InboxDbContext((DbContextOptions<InboxDbContext>)DatabaseSetup.ConfigureInbox(new DbContextOptionsBuilder<InboxDbContext>(), to).Options);

        foreach (var source in new DbContext[] { sourceMain, sourceInbox })
            if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
                return new("The SQLite store is from an older version: start this version of MootaDesk on it once (it upgrades the store), stop it, then copy.", []);

        await targetMain.Database.MigrateAsync(ct);
        await targetInbox.Database.MigrateAsync(ct);
        var pairs = Tables(sourceMain, targetMain).Concat(Tables(sourceInbox, targetInbox)).ToList();
        foreach (var (_, target, table) in pairs)
            if (await CountAsync(target, table, ct) > 0)
                return new($"The PostgreSQL store is not empty (table {table} has rows): copy-store only fills an empty database.", []);

        var copied = new List<CopiedTable>();
        foreach (var (source, target, table) in pairs)
        {
            ct.ThrowIfCancellationRequested();
            var rows = await CopyTableAsync(source, target, table, ct);
            var check = await VerifyAsync(source, target, table, ct);
            log.WriteLine($"{table,-32} {rows,12:N0} rows  {(check.Matches ? "ok" : "MISMATCH")}");
            copied.Add(check);
        }
        return new(null, copied);
    }

    private sealed record Column(string Name, IProperty Source, IProperty Target);

    /// <summary>The tables of a context's model, parents before children, so foreign keys hold at every row.</summary>
    private static IEnumerable<(DbContext Source, DbContext Target, string Table)> Tables(DbContext source, DbContext target)
    {
        var entities = target.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null && !e.IsOwned()).ToList();
        var ordered = new List<string>();
        var visiting = new HashSet<string>();
        void Visit(IEntityType e)
        {
            var table = e.GetTableName()!;
            if (ordered.Contains(table) || !visiting.Add(table)) return;
            foreach (var fk in e.GetForeignKeys())
                if (fk.PrincipalEntityType.GetTableName() is { } parent && parent != table)
                    Visit(entities.First(x => x.GetTableName() == parent));
            ordered.Add(table);
        }
        foreach (var e in entities) Visit(e);
        return ordered.Select(t => (source, target, t));
    }

    private static List<Column> ColumnsOf(DbContext source, DbContext target, string table)
    {
        IEnumerable<IProperty> Props(DbContext db) => db.Model.GetEntityTypes().Where(e => e.GetTableName() == table).SelectMany(e => e.GetProperties());
        var sourceProps = Props(source).GroupBy(p => p.GetColumnName()).ToDictionary(g => g.Key, g => g.First());
        return Props(target).GroupBy(p => p.GetColumnName()).Select(g => g.First())
            .Select(p => new Column(p.GetColumnName(), sourceProps[p.GetColumnName()], p)).ToList();
    }

    private static async Task<long> CopyTableAsync(DbContext source, DbContext target, string table, CancellationToken ct)
    {
        var columns = ColumnsOf(source, target, table);
        var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var key = source.Model.GetEntityTypes().First(e => e.GetTableName() == table).FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\"");

        await source.Database.OpenConnectionAsync(ct);
        await target.Database.OpenConnectionAsync(ct);
        try
        {
            var pg = (NpgsqlConnection)target.Database.GetDbConnection();
            await using var read = source.Database.GetDbConnection().CreateCommand();
            // In key order: a row that points at another row of its own table (a merge, a superseded note) comes after it.
            read.CommandText = $"SELECT {list} FROM \"{table}\" ORDER BY {string.Join(", ", key)}";
            await using var reader = await read.ExecuteReaderAsync(ct);
            long rows = 0;
            await using (var copy = await pg.BeginBinaryImportAsync($"COPY \"{table}\" ({list}) FROM STDIN (FORMAT BINARY)", ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    await copy.StartRowAsync(ct);
                    for (var i = 0; i < columns.Count; i++)
                    {
                        if (reader.IsDBNull(i)) { await copy.WriteNullAsync(ct); continue; }
                        var sourceMapping = columns[i].Source.GetRelationalTypeMapping();
                        var stored = Read(reader, i, sourceMapping.Converter?.ProviderClrType ?? sourceMapping.ClrType);
                        var value = sourceMapping.Converter is { } from ? from.ConvertFromProvider(stored) : stored;
                        var targetMapping = columns[i].Target.GetRelationalTypeMapping();
                        var written = targetMapping.Converter is { } to ? to.ConvertToProvider(value) : value;
                        await copy.WriteAsync(written, ct);
                    }
                    rows++;
                }
                await copy.CompleteAsync(ct);
            }
            // Identity columns continue after the copied keys.
            foreach (var c in columns.Where(c => c.Target.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd && c.Target.IsPrimaryKey() && c.Target.ClrType is var t && (t == typeof(int) || t == typeof(long))))
            {
                await using var reset = pg.CreateCommand();
                reset.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{c.Name}'), COALESCE((SELECT MAX(\"{c.Name}\") FROM \"{table}\"), 0) + 1, false)";
                await reset.ExecuteScalarAsync(ct);
            }
            return rows;
        }
        finally
        {
            await source.Database.CloseConnectionAsync();
            await target.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A SQLite value as the CLR type EF's mapping expects (text dates parsed, integers narrowed).</summary>
    private static object Read(DbDataReader r, int i, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => r.GetString(i),
            _ when type == typeof(long) => r.GetInt64(i),
            _ when type == typeof(int) => r.GetInt32(i),
            _ when type == typeof(short) => r.GetInt16(i),
            _ when type == typeof(byte) => r.GetByte(i),
            _ when type == typeof(bool) => r.GetBoolean(i),
            _ when type == typeof(decimal) => r.GetDecimal(i),
            _ when type == typeof(double) => r.GetDouble(i),
            _ when type == typeof(DateTime) => r.GetDateTime(i),
            _ when type == typeof(DateTimeOffset) => r.GetFieldValue<DateTimeOffset>(i),
            _ when type == typeof(DateOnly) => r.GetFieldValue<DateOnly>(i),
            _ when type == typeof(TimeOnly) => r.GetFieldValue<TimeOnly>(i),
            _ when type == typeof(TimeSpan) => r.GetFieldValue<TimeSpan>(i),
            _ when type == typeof(Guid) => r.GetGuid(i),
            _ when type == typeof(byte[]) => r.GetFieldValue<byte[]>(i),
            _ => throw new NotSupportedException($"copy-store cannot read a {type.Name} column yet."),
        };
    }

    private static async Task<long> CountAsync(DbContext db, string table, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync(db, $"SELECT COUNT(*) FROM \"{table}\"", ct), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(DbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = sql;
            return await cmd.ExecuteScalarAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Rows on both sides, and every money column's sum in rupiah (SQLite's sen divided back).</summary>
    private static async Task<CopiedTable> VerifyAsync(DbContext source, DbContext target, string table, CancellationToken ct)
    {
        var sums = new List<(string, decimal, decimal)>();
        foreach (var c in ColumnsOf(source, target, table).Where(c => (Nullable.GetUnderlyingType(c.Target.ClrType) ?? c.Target.ClrType) == typeof(decimal)))
        {
            var inSource = await SumAsync(source, table, c.Name, ct);
            var sourceRupiah = c.Source.GetRelationalTypeMapping().Converter is { } sen ? (decimal)sen.ConvertFromProvider((long)inSource)! : inSource;
            sums.Add((c.Name, sourceRupiah, await SumAsync(target, table, c.Name, ct)));
        }
        return new CopiedTable(table, await CountAsync(source, table, ct), await CountAsync(target, table, ct), sums);
    }

    private static async Task<decimal> SumAsync(DbContext db, string table, string column, CancellationToken ct) =>
        Convert.ToDecimal(await ScalarAsync(db, $"SELECT COALESCE(SUM(\"{column}\"), 0) FROM \"{table}\"", ct), System.Globalization.CultureInfo.InvariantCulture);
}
