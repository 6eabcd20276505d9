using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Settings;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// <c>seed-postgres --mutations N --connection "Host=…;Database=…"</c>: the `seed` command's year of mutations (the same rows,
/// <see cref="BulkSeeder.Rows"/>) written into a PostgreSQL store by binary COPY. The store is migrated first (the database is
/// created when missing); every secondary index of the three tables written is dropped before the COPY and built again
/// afterwards (one sort per index instead of ten million B-tree and GIN insertions), then ANALYZE. Prints each phase's time.
/// </summary>
static class PostgresSeed
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = 10_000_000;
        string? cs = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--mutations": count = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--connection": cs = args[++i]; break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]}; usage: seed-postgres --mutations N --connection \"Host=…;Port=…;Username=…;Database=…\"");
                    return 2;
            }
        }
        if (cs is null)
        {
            Console.Error.WriteLine("usage: seed-postgres --mutations N --connection \"Host=…;Port=…;Username=…;Database=…\" (required: a real store is never filled by mistake)");
            return 2;
        }
        var total = Stopwatch.StartNew();
        var phase = Stopwatch.StartNew();
        await using (var db = new MootaDeskDbContext((DbContextOptions<MootaDeskDbContext>)DatabaseSetup.ConfigureNpgsql(new DbContextOptionsBuilder<MootaDeskDbContext>(), cs, null).Options))
            await db.Database.MigrateAsync();
        Console.WriteLine($"migrated in {phase.Elapsed.TotalSeconds:N1} s");

        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ToString());
        await conn.OpenAsync();
        var endUtc = DateTime.UtcNow;
        var accountIds = new List<int>();
        foreach (var a in DemoDataGenerator.Accounts)
        {
            var existing = await Scalar(conn, """SELECT "Id" FROM "Accounts" WHERE "BankCode" = @b AND "AccountNumber" = @n""", ("b", a.BankCode), ("n", a.Number));
            accountIds.Add(existing is int id ? id : (int)(await Scalar(conn, """
                INSERT INTO "Accounts" ("BankCode", "AccountNumber", "HolderName", "Label", "Purpose", "ExternalId", "IsActive", "IsSandbox", "IsDemo", "CreatedAt")
                VALUES (@b, @n, @h, @l, @p, @e, TRUE, FALSE, FALSE, @c) RETURNING "Id"
                """, ("b", a.BankCode), ("n", a.Number), ("h", a.Holder), ("l", a.Label.Replace(DemoDataGenerator.LabelPrefix, "")),
                ("p", (int)a.Purpose), ("e", "seed-" + a.Key), ("c", endUtc)))!);
        }
        var tagIds = new List<int>();
        foreach (var (name, color, meaning) in DemoDataGenerator.Tags)
        {
            var norm = TagName.Normalize(name);
            var existing = await Scalar(conn, """SELECT "Id" FROM "Tags" WHERE "NormalizedName" = @n""", ("n", norm));
            tagIds.Add(existing is int id ? id : (int)(await Scalar(conn, """
                INSERT INTO "Tags" ("Name", "NormalizedName", "Color", "Meaning", "IsArchived", "CreatedAt") VALUES (@a, @n, @c, @m, FALSE, @t) RETURNING "Id"
                """, ("a", name), ("n", norm), ("c", color), ("m", meaning), ("t", endUtc)))!);
        }

        // Every index but the primary keys goes, and comes back after the load from its own definition (pg_indexes), so an
        // index a migration adds later is rebuilt too. Constraints' indexes (primary keys) stay: the rows need their keys.
        var tables = new[] { "Mutations", "MutationTags", "MutationNotes" };
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = conn.CreateCommand())
        {
            list.CommandText = """
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = ANY(@t)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                ORDER BY i.tablename, i.indexname
                """;
            list.Parameters.AddWithValue("t", tables);
            await using var r = await list.ExecuteReaderAsync();
            while (await r.ReadAsync()) indexes.Add((r.GetString(0), r.GetString(1)));
        }
        foreach (var (name, _) in indexes) await Exec(conn, $"DROP INDEX \"{name}\"");
        Console.WriteLine($"dropped {indexes.Count} secondary indexes");

        phase.Restart();
        var nextId = Convert.ToInt64(await Scalar(conn, """SELECT COALESCE(MAX("Id"), 0) + 1 FROM "Mutations" """), CultureInfo.InvariantCulture);
        var runTag = endUtc.Ticks.ToString(CultureInfo.InvariantCulture);
        // Three COPY streams on three connections, fed row by row from one pass over the generated rows. The foreign keys'
        // triggers are off for these sessions (session_replication_role, superuser): the rows are consistent by construction,
        // and the per-row key lookups would otherwise cost more than the COPY itself.
        await using var tagConn = new NpgsqlConnection(conn.ConnectionString);
        await using var noteConn = new NpgsqlConnection(conn.ConnectionString);
        await tagConn.OpenAsync();
        await noteConn.OpenAsync();
        foreach (var c in new[] { conn, tagConn, noteConn }) await Exec(c, "SET session_replication_role = replica");
        long tags = 0, notes = 0, written = 0;
        await using (var mutations = await conn.BeginBinaryImportAsync("""
            COPY "Mutations" ("Id", "AccountId", "Source", "SourceId", "BankDate", "TransactionTime", "HasTimeOfDay", "ReadTime", "ReadLatencySeconds",
                "Description", "Amount", "Direction", "BalanceAfter", "Counterparty", "OrderReference", "Status", "IsSandbox", "HasNote", "IsProvisional")
            FROM STDIN (FORMAT BINARY)
            """))
        await using (var tagCopy = await tagConn.BeginBinaryImportAsync("""COPY "MutationTags" ("MutationId", "TagId", "TaggedBy", "TaggedAt") FROM STDIN (FORMAT BINARY)"""))
        await using (var noteCopy = await noteConn.BeginBinaryImportAsync("""COPY "MutationNotes" ("MutationId", "Text", "Author", "CreatedAt", "IsSuperseded") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var row in BulkSeeder.Rows(count, endUtc, accountIds.Count, tagIds.Count))
            {
                var id = nextId++;
                await mutations.StartRowAsync();
                await mutations.WriteAsync(id, NpgsqlDbType.Bigint);
                await mutations.WriteAsync(accountIds[row.AccountIndex], NpgsqlDbType.Integer);
                await mutations.WriteAsync((int)MutationSource.Manual, NpgsqlDbType.Integer);
                await mutations.WriteAsync($"seed-{runTag}-{written}", NpgsqlDbType.Varchar);
                await mutations.WriteAsync(row.BankDate, NpgsqlDbType.Date);
                await mutations.WriteAsync(row.Time, NpgsqlDbType.TimestampTz);
                await mutations.WriteAsync(true, NpgsqlDbType.Boolean);
                await mutations.WriteAsync(row.Read, NpgsqlDbType.TimestampTz);
                await mutations.WriteAsync(row.ReadLatencySeconds, NpgsqlDbType.Integer);
                await mutations.WriteAsync(row.Description, NpgsqlDbType.Varchar);
                await mutations.WriteAsync(row.Amount, NpgsqlDbType.Numeric);
                await mutations.WriteAsync(row.Credit ? (int)Direction.Credit : (int)Direction.Debit, NpgsqlDbType.Integer);
                await mutations.WriteAsync(row.Balance, NpgsqlDbType.Numeric);
                if (row.Counterparty is null) await mutations.WriteNullAsync(); else await mutations.WriteAsync(row.Counterparty, NpgsqlDbType.Varchar);
                if (row.OrderReference is null) await mutations.WriteNullAsync(); else await mutations.WriteAsync(row.OrderReference, NpgsqlDbType.Varchar);
                await mutations.WriteAsync(row.Status, NpgsqlDbType.Integer);
                await mutations.WriteAsync(false, NpgsqlDbType.Boolean);
                await mutations.WriteAsync(row.NoteText is not null, NpgsqlDbType.Boolean);
                await mutations.WriteAsync(false, NpgsqlDbType.Boolean);
                if (row.TagIndex is int tagIndex)
                {
                    await tagCopy.StartRowAsync();
                    await tagCopy.WriteAsync(id, NpgsqlDbType.Bigint);
                    await tagCopy.WriteAsync(tagIds[tagIndex], NpgsqlDbType.Integer);
                    await tagCopy.WriteAsync("seed", NpgsqlDbType.Varchar);
                    await tagCopy.WriteAsync(row.Read, NpgsqlDbType.TimestampTz);
                    tags++;
                }
                if (row.NoteText is not null)
                {
                    await noteCopy.StartRowAsync();
                    await noteCopy.WriteAsync(id, NpgsqlDbType.Bigint);
                    await noteCopy.WriteAsync(row.NoteText, NpgsqlDbType.Varchar);
                    await noteCopy.WriteAsync("seed", NpgsqlDbType.Varchar);
                    await noteCopy.WriteAsync(row.Read, NpgsqlDbType.TimestampTz);
                    await noteCopy.WriteAsync(false, NpgsqlDbType.Boolean);
                    notes++;
                }
                if (++written % 1_000_000 == 0) Console.WriteLine($"  {written:N0} mutations, {written / phase.Elapsed.TotalSeconds:N0}/s");
            }
            await mutations.CompleteAsync();
            await tagCopy.CompleteAsync();
            await noteCopy.CompleteAsync();
        }
        Console.WriteLine($"COPY: {written:N0} mutations, {tags:N0} tag links, {notes:N0} notes in {phase.Elapsed.TotalSeconds:N1} s ({written / phase.Elapsed.TotalSeconds:N0} mutations/s)");
        await Exec(conn, """SELECT setval(pg_get_serial_sequence('"Mutations"', 'Id'), (SELECT MAX("Id") FROM "Mutations"))""");

        // Index builds: a large sort memory and the parallel workers a 2-core machine has.
        await Exec(conn, "SET maintenance_work_mem = '1GB'");
        await Exec(conn, "SET max_parallel_maintenance_workers = 2");
        foreach (var (name, definition) in indexes)
        {
            phase.Restart();
            await Exec(conn, definition);
            Console.WriteLine($"  index {name} in {phase.Elapsed.TotalSeconds:N1} s");
        }
        phase.Restart();
        // One statement each: VACUUM refuses to run inside the implicit transaction of a multi-statement batch.
        foreach (var table in tables) await Exec(conn, $"VACUUM ANALYZE \"{table}\"");
        Console.WriteLine($"VACUUM ANALYZE in {phase.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine($"Done: {written:N0} mutations in {total.Elapsed.TotalSeconds:N1} s; store size {await Scalar(conn, "SELECT pg_size_pretty(pg_database_size(current_database()))")}");
        return 0;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection conn, string sql, params (string Name, object Value)[] args)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return await cmd.ExecuteScalarAsync();
    }
}
