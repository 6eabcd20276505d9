using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Mutations;

/// <summary>One stored row of a duplicate group, with what hangs on it (order, tags, notes) so the person sees what a merge moves.</summary>
public sealed record DuplicateRow(
    long Id, MutationSource Source, string SourceId, string? MootaMutationId, int AccountId, string AccountLabel, DateTime TransactionTime,
    bool HasTimeOfDay, DateOnly BankDate, decimal Amount, Direction Direction, decimal? BalanceAfter, string Description, string? OrderReference,
    string? PaidOrder, ReconciliationStatus Status, int Tags, int Notes, DateTime ReadTime, bool IsSandbox, string Link);

/// <summary>Why the rows are thought to be one transaction.</summary>
public enum DuplicateReason
{
    /// <summary>The same Moota mutation_id stored by two Moota channels (webhook and pull) before one identity existed.</summary>
    SameMootaId,

    /// <summary>A statement (or hand-entered) row and a Moota row of the same account, bank date, amount, direction and balance.</summary>
    SameTransaction,
}

/// <summary>
/// Rows that are one bank transaction; <see cref="SuggestedKeptId"/> is the row to keep (the one an order is paid with,
/// else the Moota row, else the oldest). <see cref="ValuesDiffer"/> warns when the rows disagree on money or date.
/// </summary>
public sealed record DuplicateGroup(string Key, DuplicateReason Reason, IReadOnlyList<DuplicateRow> Rows, long SuggestedKeptId, bool ValuesDiffer);

public sealed record DuplicateReview(IReadOnlyList<DuplicateGroup> Groups, int TotalGroups, int ExtraRows, decimal ExtraCredits, decimal ExtraDebits);

/// <summary>
/// The "Duplikat lintas sumber" review: finds transactions stored more than once across channels in a database that
/// predates one identity per transaction (webhook and pull of the same mutation_id; a statement row next to the Moota row
/// of the same transfer). Pairs are counted like the statement matcher counts: each Moota row stands for one statement
/// row at most, so two genuinely equal transfers are never offered as one. Pairs a person marked "not a duplicate" stay out.
/// </summary>
public sealed class CrossSourceDuplicates(IDbContextFactory<MootaDeskDbContext> factory)
{
    public static bool CanReview(Viewer viewer) => viewer.Can(Actions.ReviewDuplicates);

    /// <summary>The balances only say whether each row has one (1) or not (null): equal balances are already a join condition.</summary>
    private sealed record Candidate(long Other, long Moota, long? OtherBalance, long? MootaBalance);

    public async Task<DuplicateReview> FindAsync(int take = 100, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var dismissed = (await db.MutationMerges.AsNoTracking().Where(x => x.Kind == MergeKind.NotDuplicate && x.UndoneAt == null)
            .Select(x => new { x.KeptMutationId, x.OtherMutationId }).ToListAsync(ct))
            .SelectMany(x => new[] { (x.KeptMutationId, x.OtherMutationId), (x.OtherMutationId, x.KeptMutationId) }).ToHashSet();

        // Later copies of a Moota id: the migration gave the id to the oldest row only (partial index IX_Mutations_MootaCopies).
        string M(string property) => db.Column<Mutation>(property);
        var mutations = db.Table<Mutation>();
        var (id, mootaId, sourceId, sandbox, source) = (M(nameof(Mutation.Id)), M(nameof(Mutation.MootaMutationId)), M(nameof(Mutation.SourceId)),
            M(nameof(Mutation.IsSandbox)), M(nameof(Mutation.Source)));
        var sql = $"""
            SELECT c.{id} AS "A", k.{id} AS "B"
            FROM {mutations} AS c JOIN {mutations} AS k ON k.{mootaId} = c.{sourceId} AND k.{sandbox} = c.{sandbox}
            WHERE c.{mootaId} IS NULL AND c.{source} IN ({(int)MutationSource.Webhook}, {(int)MutationSource.Api})
            """;
        var copies = await db.Database.SqlQueryRaw<PairRow>(sql).ToListAsync(ct);
        var pairs = copies.Where(p => !dismissed.Contains((p.A, p.B))).Select(p => (p.A, p.B, DuplicateReason.SameMootaId)).ToList();

        // Statement, notification or hand-entered rows next to a Moota row of the same transaction.
        if (await db.Mutations.AsNoTracking().AnyAsync(m => m.MootaMutationId != null, ct))
        {
            var (account, day, amount, balance, direction) = (M(nameof(Mutation.AccountId)), M(nameof(Mutation.BankDate)), M(nameof(Mutation.Amount)),
                M(nameof(Mutation.BalanceAfter)), M(nameof(Mutation.Direction)));
            // Only whether each side has a balance is read back: money is whole sen on SQLite and numeric on PostgreSQL.
            var pairSql = $"""
                SELECT s.{id} AS "Other", m.{id} AS "Moota",
                       CASE WHEN s.{balance} IS NULL THEN NULL ELSE CAST(1 AS BIGINT) END AS "OtherBalance",
                       CASE WHEN m.{balance} IS NULL THEN NULL ELSE CAST(1 AS BIGINT) END AS "MootaBalance"
                FROM {mutations} AS s JOIN {mutations} AS m
                  ON m.{account} = s.{account} AND m.{day} = s.{day} AND m.{amount} = s.{amount}
                WHERE s.{source} IN ({(int)MutationSource.Import}, {(int)MutationSource.Notification}, {(int)MutationSource.Manual}) AND s.{mootaId} IS NULL AND m.{mootaId} IS NOT NULL
                  AND m.{direction} = s.{direction} AND m.{sandbox} = s.{sandbox}
                  AND (s.{balance} IS NULL OR m.{balance} IS NULL OR s.{balance} = m.{balance})
                ORDER BY s.{id}, m.{id}
                """;
            var candidates = await db.Database.SqlQueryRaw<Candidate>(pairSql).ToListAsync(ct);
            pairs.AddRange(PairByCount(candidates.Where(c => !dismissed.Contains((c.Other, c.Moota))).ToList())
                .Select(p => (p.Other, p.Moota, DuplicateReason.SameTransaction)));
        }
        if (pairs.Count == 0) return new DuplicateReview([], 0, 0, 0, 0);

        var groups = Group(pairs);
        var shown = groups.OrderByDescending(g => g.Ids.Max()).Take(take).ToList();
        var ids = shown.SelectMany(g => g.Ids).ToList();
        var rows = new Dictionary<long, DuplicateRow>();
        foreach (var chunk in ids.Chunk(500))
        {
            var list = chunk.ToList();
            var paid = await db.Orders.AsNoTracking().Where(o => o.MatchedMutationId != null && list.Contains(o.MatchedMutationId.Value))
                .Select(o => new { Id = o.MatchedMutationId!.Value, o.Reference }).ToListAsync(ct);
            var paidBy = paid.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Reference);
            var found = await db.Mutations.AsNoTracking().Where(m => list.Contains(m.Id)).Select(m => new
            {
                m.Id, m.Source, m.SourceId, m.MootaMutationId, m.AccountId, AccountLabel = m.Account!.Label, m.TransactionTime, m.HasTimeOfDay, m.BankDate,
                m.Amount, m.Direction, m.BalanceAfter, m.Description, m.OrderReference, m.Status, Tags = m.Tags.Count, Notes = m.Notes.Count(n => !n.IsSuperseded),
                m.ReadTime, m.IsSandbox,
            }).ToListAsync(ct);
            foreach (var m in found)
                rows[m.Id] = new DuplicateRow(m.Id, m.Source, m.SourceId, m.MootaMutationId, m.AccountId, m.AccountLabel, m.TransactionTime, m.HasTimeOfDay, m.BankDate,
                    m.Amount, m.Direction, m.BalanceAfter, m.Description, m.OrderReference, paidBy.GetValueOrDefault(m.Id), m.Status, m.Tags, m.Notes, m.ReadTime,
                    m.IsSandbox, MutationLink.To(m.Id, m.AccountId, m.BankDate, m.Amount, m.IsSandbox));
        }

        var result = new List<DuplicateGroup>();
        foreach (var g in shown)
        {
            var members = g.Ids.Where(rows.ContainsKey).Select(id => rows[id]).OrderBy(r => r.Id).ToList();
            if (members.Count < 2) continue;
            var first = members[0];
            var differ = members.Any(r => r.Amount != first.Amount || r.Direction != first.Direction || r.AccountId != first.AccountId || r.BankDate != first.BankDate);
            result.Add(new DuplicateGroup(string.Join('-', members.Select(r => r.Id)), g.Reason, members, SuggestKept(members), differ));
        }
        var extra = groups.Sum(g => g.Ids.Count - 1);
        var extraCredits = result.Where(g => !g.ValuesDiffer).Sum(g => g.Rows.Where(r => r.Direction == Direction.Credit).Skip(1).Sum(r => r.Amount));
        var extraDebits = result.Where(g => !g.ValuesDiffer).Sum(g => g.Rows.Where(r => r.Direction == Direction.Debit).Skip(1).Sum(r => r.Amount));
        return new DuplicateReview(result, groups.Count, extra, extraCredits, extraDebits);
    }

    /// <summary>The row to keep: the one an order is paid with, else the Moota row (webhook first), else the oldest.</summary>
    public static long SuggestKept(IReadOnlyList<DuplicateRow> rows)
    {
        var paying = rows.Where(r => r.PaidOrder is not null || r.Status == ReconciliationStatus.Matched).ToList();
        if (paying.Count == 1) return paying[0].Id;
        return rows.OrderBy(r => r.MootaMutationId is null ? 1 : 0).ThenBy(r => r.Source == MutationSource.Webhook ? 0 : 1).ThenBy(r => r.Id).First().Id;
    }

    /// <summary>
    /// Each statement row to one Moota row and each Moota row to one statement row: equal balances first, then rows where
    /// one side has none. Input is ordered by statement row, then Moota row.
    /// </summary>
    private static IEnumerable<(long Other, long Moota)> PairByCount(IReadOnlyList<Candidate> candidates)
    {
        var usedOther = new HashSet<long>();
        var usedMoota = new HashSet<long>();
        foreach (var exact in new[] { true, false })
            foreach (var c in candidates)
            {
                if ((c.OtherBalance is not null && c.MootaBalance is not null) != exact) continue;
                if (usedOther.Contains(c.Other) || usedMoota.Contains(c.Moota)) continue;
                usedOther.Add(c.Other);
                usedMoota.Add(c.Moota);
                yield return (c.Other, c.Moota);
            }
    }

    private sealed record PendingGroup(HashSet<long> Ids, DuplicateReason Reason);

    /// <summary>Pairs that share a row are one transaction seen three times (webhook, pull and statement): one group.</summary>
    private static List<PendingGroup> Group(List<(long A, long B, DuplicateReason Reason)> pairs)
    {
        var parent = new Dictionary<long, long>();
        long Find(long x)
        {
            if (!parent.TryGetValue(x, out var p)) { parent[x] = x; return x; }
            return p == x ? x : parent[x] = Find(p);
        }
        foreach (var (a, b, _) in pairs) parent[Find(a)] = Find(b);
        return pairs.GroupBy(p => Find(p.A))
            .Select(g => new PendingGroup(g.SelectMany(p => new[] { p.A, p.B }).ToHashSet(),
                g.Any(p => p.Reason == DuplicateReason.SameMootaId) ? DuplicateReason.SameMootaId : DuplicateReason.SameTransaction))
            .ToList();
    }
}

/// <summary>Two mutation ids from a raw pair query.</summary>
public sealed record PairRow(long A, long B);
