using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Settings;

/// <summary>
/// Fills a database with many mutations for benchmarks (the `seed` command). Raw prepared inserts in one
/// transaction: EF change tracking would be two orders of magnitude slower at a million rows. The rows are
/// real (not sandbox) so that every filter sees them, spread over a year, across the demo shop's accounts.
/// </summary>
public static class BulkSeeder
{
    public sealed record Result(int Mutations, TimeSpan Elapsed)
    {
        public double PerSecond => Mutations / Math.Max(Elapsed.TotalSeconds, 0.001);
    }

    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static async Task<Result> SeedAsync(string dbPath, int count, DateTime endUtc, int seed = DemoDataGenerator.DefaultSeed, TextWriter? progress = null)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = dbPath, ForeignKeys = true, Pooling = false }.ToString();
        await using (var db = new MootaDeskDbContext(new DbContextOptionsBuilder<MootaDeskDbContext>().UseSqlite(cs).Options))
            await db.Database.MigrateAsync();

        await using var conn = new SqliteConnection(cs);
        await conn.OpenAsync();
        await Exec(conn, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-200000;");

        var sw = Stopwatch.StartNew();
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();

        var accountIds = new List<int>();
        foreach (var a in DemoDataGenerator.Accounts)
        {
            var existing = await Scalar(conn, tx, "SELECT Id FROM Accounts WHERE BankCode=$b AND AccountNumber=$n", ("$b", a.BankCode), ("$n", a.Number));
            if (existing is long id) { accountIds.Add((int)id); continue; }
            await Scalar(conn, tx, """
                INSERT INTO Accounts (BankCode, AccountNumber, HolderName, Label, Purpose, ExternalId, IsActive, IsSandbox, IsDemo, CreatedAt)
                VALUES ($b, $n, $h, $l, $p, $e, 1, 0, 0, $c)
                """, ("$b", a.BankCode), ("$n", a.Number), ("$h", a.Holder), ("$l", a.Label.Replace(DemoDataGenerator.LabelPrefix, "")),
                ("$p", (int)a.Purpose), ("$e", "seed-" + a.Key), ("$c", endUtc.ToString(DateFormat, CultureInfo.InvariantCulture)));
            accountIds.Add((int)(long)(await Scalar(conn, tx, "SELECT last_insert_rowid()"))!);
        }

        var tagIds = new List<long>();
        foreach (var (name, color, meaning) in DemoDataGenerator.Tags)
        {
            var norm = TagName.Normalize(name);
            var existing = await Scalar(conn, tx, "SELECT Id FROM Tags WHERE NormalizedName=$n", ("$n", norm));
            if (existing is long id) { tagIds.Add(id); continue; }
            await Scalar(conn, tx, "INSERT INTO Tags (Name, NormalizedName, Color, Meaning, IsArchived, CreatedAt) VALUES ($a,$n,$c,$m,0,$t)",
                ("$a", name), ("$n", norm), ("$c", color), ("$m", meaning), ("$t", endUtc.ToString(DateFormat, CultureInfo.InvariantCulture)));
            tagIds.Add((long)(await Scalar(conn, tx, "SELECT last_insert_rowid()"))!);
        }

        // Secondary indexes are rebuilt once at the end: one sort per index is far cheaper than a million
        // incremental B-tree updates. The unique (Source, SourceId) index stays, it is the idempotency guarantee.
        var indexes = new List<string>();
        await using (var list = conn.CreateCommand())
        {
            list.Transaction = tx;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name IN ('Mutations','MutationTags','MutationNotes') AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'";
            await using var r = await list.ExecuteReaderAsync();
            while (await r.ReadAsync()) indexes.Add(r.GetString(1));
        }
        foreach (var ddl in indexes)
            await Exec(conn, tx, "DROP INDEX " + ddl.Split(' ')[2]);

        // The same for the text search indexes: the notes' triggers would tokenize every note as it goes in; a rebuild
        // from the finished tables at the end does both indexes in one pass each.
        var searchTriggers = new List<(string Name, string Sql)>();
        await using (var list = conn.CreateCommand())
        {
            list.Transaction = tx;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name LIKE 'Mutation%SearchIndex\\_%' ESCAPE '\\'";
            await using var r = await list.ExecuteReaderAsync();
            while (await r.ReadAsync()) searchTriggers.Add((r.GetString(0), r.GetString(1)));
        }
        foreach (var (name, _) in searchTriggers)
            await Exec(conn, tx, $"DROP TRIGGER \"{name}\"");

        // Ids are assigned here (this is the only writer) so no round trip per row is needed to learn them.
        var nextId = (long)(await Scalar(conn, tx, "SELECT IFNULL(MAX(Id), 0) FROM Mutations"))! + 1;
        var runTag = endUtc.Ticks.ToString(CultureInfo.InvariantCulture);
        using var insert = conn.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO Mutations (Id, AccountId, Source, SourceId, TransactionTime, BankDate, HasTimeOfDay, ReadTime, ReadLatencySeconds, Description, Amount,
                Direction, BalanceAfter, Counterparty, OrderReference, Status, IsSandbox, HasNote)
            VALUES ($id, $a, 4, $s, $t, $bd, 1, $r, $l, $d, $m, $dir, $b, $c, $o, $st, 0, $hn);
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$a", "$s", "$t", "$bd", "$r", "$l", "$d", "$m", "$dir", "$b", "$c", "$o", "$st", "$hn" })
            p[name] = insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        insert.Prepare();

        using var tag = conn.CreateCommand();
        tag.Transaction = tx;
        tag.CommandText = "INSERT OR IGNORE INTO MutationTags (MutationId, TagId, TaggedBy, TaggedAt) VALUES ($m, $t, 'seed', $at)";
        var tm = tag.Parameters.Add(new SqliteParameter { ParameterName = "$m" });
        var tt = tag.Parameters.Add(new SqliteParameter { ParameterName = "$t" });
        var tat = tag.Parameters.Add(new SqliteParameter { ParameterName = "$at" });
        tag.Prepare();

        using var note = conn.CreateCommand();
        note.Transaction = tx;
        note.CommandText = "INSERT INTO MutationNotes (MutationId, Text, Author, CreatedAt, IsSuperseded) VALUES ($m, $x, 'seed', $at, 0)";
        var nm = note.Parameters.Add(new SqliteParameter { ParameterName = "$m" });
        var nx = note.Parameters.Add(new SqliteParameter { ParameterName = "$x" });
        var nat = note.Parameters.Add(new SqliteParameter { ParameterName = "$at" });
        note.Prepare();

        var i = 0;
        foreach (var row in Rows(count, endUtc, accountIds.Count, tagIds.Count, seed))
        {
            p["$a"].Value = accountIds[row.AccountIndex];
            p["$s"].Value = $"seed-{runTag}-{i}";
            p["$t"].Value = row.Time.ToString(DateFormat, CultureInfo.InvariantCulture);
            p["$bd"].Value = row.BankDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p["$r"].Value = row.Read.ToString(DateFormat, CultureInfo.InvariantCulture);
            p["$l"].Value = row.ReadLatencySeconds;
            p["$d"].Value = row.Description;
            p["$m"].Value = (long)(row.Amount * 100);
            p["$dir"].Value = row.Credit ? 0 : 1;
            p["$b"].Value = (long)(row.Balance * 100);
            p["$c"].Value = (object?)row.Counterparty ?? DBNull.Value;
            p["$o"].Value = (object?)row.OrderReference ?? DBNull.Value;
            p["$st"].Value = row.Status;
            p["$hn"].Value = row.NoteText is null ? 0 : 1;
            var id = nextId++;
            p["$id"].Value = id;
            await insert.ExecuteNonQueryAsync();

            if (row.TagIndex is int tagIndex)
            {
                tm.Value = id; tt.Value = tagIds[tagIndex]; tat.Value = p["$r"].Value;
                await tag.ExecuteNonQueryAsync();
            }
            if (row.NoteText is not null)
            {
                nm.Value = id; nx.Value = row.NoteText; nat.Value = p["$r"].Value;
                await note.ExecuteNonQueryAsync();
            }
            i++;
            if (progress is not null && i % 100_000 == 0)
                await progress.WriteLineAsync($"  {i:N0} mutations, {i / sw.Elapsed.TotalSeconds:N0}/s");
        }
        foreach (var ddl in indexes)
            await Exec(conn, tx, ddl);
        if (searchTriggers.Count > 0)
        {
            // Notes are rebuilt here (their index has no catch-up mark). The mutations' own text index is left to the
            // app: rows above MutationSearchIndexState's mark are found by LIKE until the app's catch-up indexes them in
            // the background (MutationTextSearch.CatchUpAsync, about 4–5 s a million), so seeding does not wait for it.
            await Exec(conn, tx, "INSERT INTO \"MutationNoteSearchIndex\" (\"MutationNoteSearchIndex\") VALUES ('rebuild')");
            foreach (var (_, ddl) in searchTriggers)
                await Exec(conn, tx, ddl);
        }
        await tx.CommitAsync();
        // Approximate statistics are enough for the planner and take a fraction of a full ANALYZE.
        await Exec(conn, "PRAGMA analysis_limit=2000; ANALYZE;");
        return new Result(count, sw.Elapsed);
    }

    /// <summary>
    /// One seeded mutation, as both stores' seeders write it (this class for SQLite, the PostgreSQL benchmark's COPY):
    /// amounts in rupiah, times UTC, <see cref="BankDate"/> the WIB day, <see cref="AccountIndex"/>/<see cref="TagIndex"/>
    /// positions in <see cref="DemoDataGenerator.Accounts"/>/<see cref="DemoDataGenerator.Tags"/>; a note when
    /// <see cref="NoteText"/> is not null.
    /// </summary>
    public sealed record SeedRow(int AccountIndex, DateTime Time, DateOnly BankDate, DateTime Read, int ReadLatencySeconds, string Description,
        string? Counterparty, decimal Amount, bool Credit, decimal Balance, string? OrderReference, int Status, int? TagIndex, string? NoteText);

    /// <summary>
    /// The seeded year: <paramref name="count"/> rows ending at <paramref name="endUtc"/>, in ascending time, 72 % credits
    /// (transfers, BI-FAST, QRIS from a dozen first and ten last names), half the credits with an order reference, 5 % of
    /// the rest needing attention, 30 % tagged once, 20 % with a note, running balances per account. The same
    /// <paramref name="seed"/> gives the same rows in any store.
    /// </summary>
    public static IEnumerable<SeedRow> Rows(int count, DateTime endUtc, int accounts, int tags, int seed = DemoDataGenerator.DefaultSeed)
    {
        var rng = new Random(seed);
        var span = TimeSpan.FromDays(365).Ticks;
        var startTicks = endUtc.Ticks - span;
        var balances = new decimal[accounts];
        for (var i = 0; i < count; i++)
        {
            // Times ascend with i so balances are plausible; jitter keeps them from being evenly spaced.
            var t = new DateTime(startTicks + (long)((double)i / count * span) + rng.Next(0, 600) * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            var acc = rng.Next(accounts);
            var credit = rng.Next(100) < 72;
            var name = Name(rng);
            string desc;
            decimal amount;
            if (credit)
            {
                amount = rng.Next(3, 400) * 5_000m + rng.Next(1, 999);
                desc = rng.Next(3) switch
                {
                    0 => $"TRSF E-BANKING CR {t:ddMM}/FTSCY/WS{rng.Next(10000, 99999)} {amount:0.00} {name}",
                    1 => $"BI-FAST CR BIF TRANSFER DR 014 {name}",
                    _ => $"QRIS CR {rng.Next(100000, 999999)} NMID ID1023123456789 {name}",
                };
            }
            else
            {
                amount = rng.Next(100) < 8 ? rng.Next(50, 300) * 100_000m : rng.Next(1, 200) * 10_000m;
                desc = rng.Next(4) switch
                {
                    0 => $"BI-FAST DB BIF TRANSFER KE 008 {name}",
                    1 => "BIAYA ADM",
                    _ => $"TRSF E-BANKING DB {t:ddMM}/FTFVA/WS{rng.Next(10000, 99999)} PT SUMBER {name.Split(' ')[1]}",
                };
            }
            balances[acc] += credit ? amount : -amount;
            var read = t.AddSeconds(rng.Next(20, 900));
            var hasOrder = credit && rng.Next(100) < 50;
            var hasNote = rng.Next(100) < 20;
            var status = hasOrder ? 1 : rng.Next(100) < 5 ? 2 : 0;
            int? tag = rng.Next(100) < 30 ? rng.Next(tags) : null;
            yield return new SeedRow(acc, t,
                // The bank's day in WIB, as the app derives it for rows entered by hand in a WIB business.
                DateOnly.FromDateTime(t.AddHours(7)), read, (int)(read - t).TotalSeconds, desc, CounterpartyParser.Parse(desc), amount, credit,
                balances[acc], hasOrder ? $"INV-{i:D7}" : null, status, tag, hasNote ? (hasOrder ? $"Order INV-{i:D7}" : "Dicek Finance") : null);
        }
    }

    private static readonly string[] First = ["BUDI", "SITI", "ANDI", "DEWI", "RIZKY", "PUTRI", "AGUS", "RINA", "HENDRA", "FITRI", "YOGA", "NUR"];
    private static readonly string[] Last = ["SANTOSO", "AMINAH", "PRATAMA", "LESTARI", "HIDAYAT", "WIJAYA", "SAPUTRA", "RAHAYU", "KUSUMA", "NUGROHO"];
    private static string Name(Random rng) => First[rng.Next(First.Length)] + " " + Last[rng.Next(Last.Length)];

    private static Task Exec(SqliteConnection conn, string sql) => Exec(conn, null, sql);

    private static async Task Exec(SqliteConnection conn, SqliteTransaction? tx, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(SqliteConnection conn, SqliteTransaction? tx, string sql, params (string Name, object Value)[] args)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return await cmd.ExecuteScalarAsync();
    }

    private static Task<object?> Scalar(SqliteConnection conn, string sql) => Scalar(conn, null, sql);
}
