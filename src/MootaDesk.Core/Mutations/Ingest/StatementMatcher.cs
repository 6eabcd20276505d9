using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Mutations.Ingest;

/// <summary>One statement row as the matcher needs it; <see cref="ImportKey"/> is the row's import id (StatementRow.SourceId).</summary>
public readonly record struct StatementKeyRow(DateOnly BankDate, decimal Amount, Direction Direction, decimal? Balance, string ImportKey);

/// <summary>A stored mutation a statement row was found to be.</summary>
public readonly record struct StoredMatch(long MutationId, MutationSource Source);

/// <summary>
/// Finds which statement rows are transactions MootaDesk already stores, from any channel: same account, same bank
/// date, amount and direction, and the same balance after where both sides know it. Identical transfers are told apart
/// by count: each stored row stands for one file row at most, so two equal transfers on one day in the file and one
/// stored make one "already there" and one new. Set-based: one indexed range read per account, then memory.
/// </summary>
public static class StatementMatcher
{
    private readonly record struct Key(DateOnly Day, long Sen, Direction Direction);

    private sealed record Stored(long Id, decimal? Balance, MutationSource Source, string? ImportKey)
    {
        public bool Claimed { get; set; }
    }

    /// <summary>
    /// One entry per row, in order: the stored mutation the row is, or null when it is new. Runs inside the caller's
    /// transaction when there is one (the import's commit), so what it decides is what gets written.
    /// </summary>
    public static async Task<StoredMatch?[]> MatchAsync(MootaDeskDbContext db, int accountId, IReadOnlyList<StatementKeyRow> rows, CancellationToken ct = default)
    {
        var result = new StoredMatch?[rows.Count];
        if (rows.Count == 0) return result;
        var from = rows.Min(r => r.BankDate);
        var to = rows.Max(r => r.BankDate);
        var stored = await ReadRangeAsync(db, accountId, from, to, ct);
        var claimed = new HashSet<long>();

        var byKey = new Dictionary<Key, List<int>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var key = new Key(rows[i].BankDate, Sen(rows[i].Amount), rows[i].Direction);
            if (!stored.ContainsKey(key)) continue;
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(i);
        }

        foreach (var (key, indexes) in byKey)
        {
            var candidates = stored[key];
            // Most constrained first: the same import line, then an equal balance, then rows where one side has no
            // balance (rows with balances that differ are never the same transaction).
            Pair(indexes, candidates, result, rows, (r, c) => c.ImportKey is not null && c.ImportKey == r.ImportKey);
            Pair(indexes, candidates, result, rows, (r, c) => r.Balance is decimal a && c.Balance is decimal b && a == b);
            Pair(indexes, candidates, result, rows, (r, c) => r.Balance is not null && c.Balance is null);
            Pair(indexes, candidates, result, rows, (r, c) => r.Balance is null);
            claimed.UnionWith(candidates.Where(c => c.Claimed).Select(c => c.Id));
        }
        await MatchImportedLinesAsync(db, accountId, rows, result, claimed, ct);
        return result;
    }

    /// <summary>
    /// A line imported before under a bank date computed differently (rows stored before bank dates existed) is still
    /// known by its import id; the unique (source, source id) index must never be what refuses a whole file.
    /// </summary>
    private static async Task MatchImportedLinesAsync(MootaDeskDbContext db, int accountId, IReadOnlyList<StatementKeyRow> rows, StoredMatch?[] result,
        HashSet<long> claimed, CancellationToken ct)
    {
        var open = Enumerable.Range(0, rows.Count).Where(i => result[i] is null).ToList();
        foreach (var chunk in open.Chunk(500))
        {
            var keys = chunk.Select(i => rows[i].ImportKey).ToList();
            var found = await db.Mutations.AsNoTracking().Where(m => m.Source == MutationSource.Import && keys.Contains(m.SourceId) && m.AccountId == accountId)
                .Select(m => new { m.Id, m.SourceId }).ToListAsync(ct);
            var byKey = found.ToDictionary(f => f.SourceId, f => f.Id, StringComparer.Ordinal);
            foreach (var i in chunk)
                if (byKey.TryGetValue(rows[i].ImportKey, out var id) && claimed.Add(id))
                    result[i] = new StoredMatch(id, MutationSource.Import);
        }
    }

    private static void Pair(List<int> indexes, List<Stored> candidates, StoredMatch?[] result, IReadOnlyList<StatementKeyRow> rows, Func<StatementKeyRow, Stored, bool> fits)
    {
        foreach (var i in indexes)
        {
            if (result[i] is not null) continue;
            foreach (var c in candidates)
            {
                if (c.Claimed || !fits(rows[i], c)) continue;
                c.Claimed = true;
                result[i] = new StoredMatch(c.Id, c.Source);
                break;
            }
        }
    }

    private static long Sen(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Every stored mutation of the account between two bank dates, read raw: EF materialisation through value converters
    /// costs more than the read itself at a hundred thousand rows. Columns are stored as EF stores them (sen, enum ints,
    /// dates as yyyy-MM-dd).
    /// </summary>
    private static Task<Dictionary<Key, List<Stored>>> ReadRangeAsync(MootaDeskDbContext db, int accountId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        const string sql = """
            SELECT "Id", "BankDate", "Amount", "Direction", "BalanceAfter", "Source", CASE WHEN "Source" = 2 THEN "SourceId" END
            FROM "Mutations" WHERE "AccountId" = @a AND "BankDate" >= @from AND "BankDate" <= @to
            ORDER BY "Id"
            """;
        return RawCommands.RunAsync(db, sql, async cmd =>
        {
            // SQLite keeps dates as yyyy-MM-dd text and money as sen; PostgreSQL as date and numeric(18,2).
            var postgres = db.IsPostgreSql();
            cmd.Param("@a", accountId);
            cmd.Param("@from", postgres ? from : from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Param("@to", postgres ? to : to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var byKey = new Dictionary<Key, List<Stored>>();
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var bankDate = postgres ? r.GetFieldValue<DateOnly>(1) : DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var amountSen = postgres ? Sen(r.GetDecimal(2)) : r.GetInt64(2);
                decimal? balance = r.IsDBNull(4) ? null : postgres ? r.GetDecimal(4) : r.GetInt64(4) / 100m;
                var key = new Key(bankDate, amountSen, (Direction)r.GetInt32(3));
                if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
                list.Add(new Stored(r.GetInt64(0), balance, (MutationSource)r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6)));
            }
            return byKey;
        }, ct);
    }
}
