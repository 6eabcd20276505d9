using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

public sealed record TagChip(int Id, string Name, string Color);

/// <summary>One grid row. <see cref="BalanceAfter"/> is null for viewers who may not see balances.</summary>
public sealed record MutationRow(
    long Id, DateTime TransactionTime, bool HasTimeOfDay, int AccountId, string AccountLabel, string BankCode, string AccountNumber,
    string Description, string? Counterparty, decimal Amount, Direction Direction, decimal? BalanceAfter,
    ReconciliationStatus Status, MutationSource Source, bool IsSandbox, bool HasNote, string? OrderReference, bool IsProvisional = false)
{
    public IReadOnlyList<TagChip> Tags { get; init; } = [];

    /// <summary>The notes' texts, oldest first, joined with " | " (filled for exports only; null elsewhere).</summary>
    public string? NoteText { get; init; }

    /// <summary>"••••6789" (<see cref="AccountMask"/>): enough to tell accounts apart on screen without showing the number.</summary>
    public string MaskedNumber => AccountMask.MaskNumber(AccountNumber);
}

/// <summary>A count that stops at <see cref="Cap"/>: "10.000+" is as useful to a person as the exact number and far cheaper.</summary>
public sealed record CappedCount(int Value, bool IsCapped)
{
    public const int Cap = 10_000;
}

/// <summary>
/// Turns a <see cref="MutationFilter"/> into SQL. The CS rule (<see cref="ViewerQueryExtensions.VisibleTo"/>)
/// is applied first and inside every query built here, so no filter value can widen what a viewer sees.
/// </summary>
public static class MutationSearch
{
    /// <summary>
    /// Up to this many candidate rows, a text or tag filter drives the query from its own index (the trigram index, the
    /// tag links) and SQLite looks each candidate up, about 1.5–2.5 µs a row on the 2-core machine. With more candidates
    /// the filter matches often enough that walking the time index reaches the count's cap (or the 10,000 ids of "select
    /// all") sooner, as it always did. A filter that matches nothing is answered from its index in milliseconds instead
    /// of by reading the whole table (docs/performance.md, Mutasi).
    /// </summary>
    public const int CandidateLimit = 40_000;

    /// <summary>
    /// The same for a page: driven from the candidates, every one of them is read and sorted to find the first 50, while
    /// the time index finds 50 matches among a few thousand rows once a filter matches one row in a hundred.
    /// </summary>
    public const int PageCandidateLimit = 15_000;

    public static Task<IQueryable<Mutation>> ApplyAsync(MootaDeskDbContext db, MutationFilter f, Viewer viewer, BusinessClock clock,
        CancellationToken ct = default) => ApplyAsync(db, f, viewer, clock, CandidateLimit, ct);

    /// <summary>
    /// The filter as a query. Text and tag filters first count their candidates (capped at <paramref name="candidateLimit"/>)
    /// to choose how SQLite should read; the rows returned are the same either way.
    /// </summary>
    public static async Task<IQueryable<Mutation>> ApplyAsync(MootaDeskDbContext db, MutationFilter f, Viewer viewer, BusinessClock clock,
        int candidateLimit, CancellationToken ct = default)
    {
        // Under an amount sort the amount index has to lead: offered the (Direction, TransactionTime) index instead, SQLite
        // read and sorted every debit (280,000 rows, 120–330 ms) or, for CS, every credit, to show the 50 smallest.
        var byAmount = f.Sort is MutationSort.AmountDesc or MutationSort.AmountAsc;
        var q = db.Mutations.AsNoTracking().VisibleTo(viewer, offDirectionIndex: byAmount);

        var (start, end) = f.TimeRangeUtc(clock);
        if (start is DateTime s) q = q.Where(m => m.TransactionTime >= s);
        if (end is DateTime e) q = q.Where(m => m.TransactionTime < e);

        if (f.AccountIds.Count > 0)
        {
            // Small id/enum lists are inlined (IN (1,2)) rather than sent as a JSON parameter, so SQLite can use the
            // (column, TransactionTime) indexes; they are integers parsed by MutationFilter, never text.
            var ids = f.AccountIds.ToList();
            q = q.Where(m => EF.Constant(ids).Contains(m.AccountId));
        }
        if (f.Direction is Direction d)
        {
            // A CS link asking for debits finds nothing, answered without reading: "+ 0" (see above) hides the contradiction
            // from SQLite, which then walked the whole amount index, and PostgreSQL, which spots it, still started parallel
            // workers for a scan that never runs (100+ ms for nothing on a busy machine).
            if (!viewer.CanSeeDebits && d == Direction.Debit) return q.Where(m => false);
            q = byAmount ? q.Where(m => (int)m.Direction + 0 == (int)d) : q.Where(m => m.Direction == d);
        }
        if (f.AmountExact is decimal exact) q = q.Where(m => m.Amount == exact);
        // A range is checked row by row while the time index drives the page ("+ 0" keeps SQLite off the amount index,
        // which for a wide range meant sorting hundreds of thousands of rows: docs/performance.md).
        if (f.AmountMin is decimal min) q = f.Sort is MutationSort.TimeDesc or MutationSort.TimeAsc ? q.Where(m => m.Amount + 0m >= min) : q.Where(m => m.Amount >= min);
        if (f.AmountMax is decimal max) q = f.Sort is MutationSort.TimeDesc or MutationSort.TimeAsc ? q.Where(m => m.Amount + 0m <= max) : q.Where(m => m.Amount <= max);

        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            // Words in any order: "saputra hendra" finds what "hendra saputra" finds. Every word must be present
            // (description, counterparty or current note); the longest word drives the text index where the store has one.
            var words = f.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Where(w => MutationTextSearch.UsesCandidateIds(db, w)).OrderByDescending(w => w.Length).FirstOrDefault() is string indexed)
            {
                var candidates = MutationTextSearch.CandidateIds(db, indexed);
                // PostgreSQL: a common word ("budi" is in a fifth of a shop's mutations) is not probed at all. Its trigram bitmap
                // covers millions of rows before the probe's LIMIT applies (270-430 ms at ten million); the planner's estimate,
                // from pg_trgm's statistics, says so in a fraction of a millisecond, and the time walk then finds the page.
                if (!db.IsPostgreSql() || await EstimatedRowsAsync(db, candidates, ct) <= candidateLimit)
                    if (await WithinAsync(db, candidates, candidateLimit, ct) is { } within) q = q.Where(within);
            }
            foreach (var word in words) q = q.Where(MutationTextSearch.Matches(word));
        }

        if (f.TagsAny.Count > 0)
        {
            var any = f.TagsAny.ToList();
            var tagged = db.MutationTags.Where(t => EF.Constant(any).Contains(t.TagId)).Select(t => t.MutationId);
            q = await WithinAsync(db, tagged, candidateLimit, ct) is { } within
                ? q.Where(within)
                : q.Where(m => m.Tags.Any(t => EF.Constant(any).Contains(t.TagId)));
        }
        if (f.TagsAll.Count > 0) q = await WithAllTagsAsync(db, q, f.TagsAll, candidateLimit, ct);
        if (f.TagsNone.Count > 0)
        {
            var none = f.TagsNone.ToList();
            q = q.Where(m => !m.Tags.Any(t => EF.Constant(none).Contains(t.TagId)));
        }
        if (f.UntaggedOnly) q = q.Where(m => !m.Tags.Any());
        if (f.WithoutNote) q = q.Where(m => !m.HasNote);
        // COALESCE, not "IS NULL OR = ''": the latter sent SQLite to the OrderReference index and a sort of 600,000 rows.
        if (f.WithoutOrderReference) q = q.Where(m => (m.OrderReference ?? "") == "");
        if (f.Statuses.Count > 0)
        {
            var statuses = f.Statuses.ToList();
            q = q.Where(m => EF.Constant(statuses).Contains(m.Status));
        }
        if (f.Sources.Count > 0)
        {
            var sources = f.Sources.ToList();
            q = q.Where(m => EF.Constant(sources).Contains(m.Source));
        }
        // One rule with the home page, the sweep and the reports: a store holding only the demo shop shows the demo shop,
        // whatever the filter says about sandbox rows (a reset filter or a built-in view would otherwise show nothing).
        var sandbox = f.Sandbox == SandboxFilter.Exclude && await OnlyDemoData.InAsync(db, ct) ? SandboxFilter.Include : f.Sandbox;
        q = sandbox switch
        {
            SandboxFilter.Exclude => q.Where(m => !m.IsSandbox),
            SandboxFilter.Only => q.Where(m => m.IsSandbox),
            _ => q,
        };
        return q;
    }

    /// <summary>
    /// Mutations carrying every one of the tags. The intersection is read from the link table starting at the rarest tag,
    /// so two tags that never meet cost a walk over the smaller tag's links, not over the whole time index.
    /// </summary>
    private static async Task<IQueryable<Mutation>> WithAllTagsAsync(MootaDeskDbContext db, IQueryable<Mutation> q, IReadOnlyList<int> tags,
        int candidateLimit, CancellationToken ct)
    {
        var rarest = (Tag: 0, Links: int.MaxValue);
        foreach (var tagId in tags)
        {
            var count = await db.MutationTags.Where(t => t.TagId == tagId).Select(t => t.MutationId).Take(ProbeSize(candidateLimit)).CountAsync(ct);
            if (count < rarest.Links) rarest = (tagId, count);
        }
        var lead = rarest.Tag;
        var links = db.MutationTags.Where(t => t.TagId == lead);
        foreach (var other in tags.Where(t => t != lead))
            links = links.Where(t => db.MutationTags.Any(o => o.MutationId == t.MutationId && o.TagId == other));
        var all = links.Select(t => t.MutationId);

        if (rarest.Links <= candidateLimit && !db.IsPostgreSql()) return q.Where(m => all.Contains(m.Id));
        if (await WithinAsync(db, all, candidateLimit, ct) is { } within) return q.Where(within);
        foreach (var tagId in tags)
            q = q.Where(m => m.Tags.Any(t => t.TagId == tagId));
        return q;
    }

    /// <summary>
    /// The candidates as a filter when they number at most <paramref name="limit"/>, otherwise null. SQLite counts them (reading
    /// no more than one past the limit) and keeps them as a subquery, which it reads first. PostgreSQL gets the ids themselves,
    /// read here: it plans a subquery from an estimate, and for two tags that never meet it guessed thousands of rows and
    /// walked the whole time index to find none (2.3 s on a million rows); a list of ids tells it the exact number.
    /// </summary>
    private static async Task<Expression<Func<Mutation, bool>>?> WithinAsync(MootaDeskDbContext db, IQueryable<long> candidates, int limit, CancellationToken ct)
    {
        if (!db.IsPostgreSql()) return await FitsAsync(candidates, limit, ct) ? m => candidates.Contains(m.Id) : null;
        var ids = await candidates.Take(ProbeSize(limit)).ToListAsync(ct);
        if (ids.Count > limit) return null;
        var distinct = ids.Distinct().ToArray();
        return m => distinct.Contains(m.Id);
    }

    /// <summary>
    /// PostgreSQL's estimate of how many rows <paramref name="query"/> returns (the top plan node's "Plan Rows" of
    /// <c>EXPLAIN (FORMAT JSON)</c>): planned, never run.
    /// </summary>
    private static async Task<double> EstimatedRowsAsync(MootaDeskDbContext db, IQueryable<long> query, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = query.CreateDbCommand();
        cmd.CommandText = "EXPLAIN (FORMAT JSON) " + cmd.CommandText;
        var plan = Convert.ToString(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) ?? "[]";
        using var json = System.Text.Json.JsonDocument.Parse(plan);
        return json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }

    /// <summary>Whether the candidates number at most <paramref name="limit"/>; reads no more than one row past it.</summary>
    private static async Task<bool> FitsAsync(IQueryable<long> candidates, int limit, CancellationToken ct) =>
        await candidates.Take(ProbeSize(limit)).CountAsync(ct) <= limit;

    private static int ProbeSize(int limit) => limit == int.MaxValue ? limit : limit + 1;

    public static IQueryable<Mutation> Sorted(IQueryable<Mutation> q, MutationSort sort) => sort switch
    {
        MutationSort.TimeAsc => q.OrderBy(m => m.TransactionTime).ThenBy(m => m.Id),
        MutationSort.AmountDesc => q.OrderByDescending(m => m.Amount).ThenByDescending(m => m.TransactionTime).ThenByDescending(m => m.Id),
        MutationSort.AmountAsc => q.OrderBy(m => m.Amount).ThenBy(m => m.TransactionTime).ThenBy(m => m.Id),
        _ => q.OrderByDescending(m => m.TransactionTime).ThenByDescending(m => m.Id),
    };

    /// <summary>The projection every reader uses; the balance is dropped in SQL for viewers who may not see it.</summary>
    public static IQueryable<MutationRow> Project(IQueryable<Mutation> q, Viewer viewer)
    {
        var balances = viewer.CanSeeBalances;
        return q.Select(m => new MutationRow(m.Id, m.TransactionTime, m.HasTimeOfDay, m.AccountId, m.Account!.Label, m.Account.BankCode,
            m.Account.AccountNumber, m.Description, m.Counterparty, m.Amount, m.Direction, balances ? m.BalanceAfter : null,
            m.Status, m.Source, m.IsSandbox, m.HasNote, m.OrderReference, m.IsProvisional));
    }

    /// <summary>One page of rows with their tags (a second small query, so the page query stays a plain indexed scan).</summary>
    public static async Task<IReadOnlyList<MutationRow>> PageAsync(MootaDeskDbContext db, MutationFilter f, Viewer viewer, BusinessClock clock,
        int skip, int take, CancellationToken ct = default)
    {
        await OneConnectionAsync(db, ct);
        var q = Sorted(await ApplyAsync(db, f, viewer, clock, PageCandidateLimit, ct), f.Sort);
        var rows = await Project(q.Skip(skip).Take(take), viewer).ToListAsync(ct);
        return await WithTagsAsync(db, rows, ct);
    }

    public static async Task<IReadOnlyList<MutationRow>> WithTagsAsync(MootaDeskDbContext db, IReadOnlyList<MutationRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var ids = rows.Select(r => r.Id).ToList();
        var tags = await db.MutationTags.AsNoTracking().Where(t => ids.Contains(t.MutationId))
            .Select(t => new { t.MutationId, t.TagId, t.Tag!.Name, t.Tag.Color })
            .ToListAsync(ct);
        var byMutation = tags.GroupBy(t => t.MutationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TagChip>)g.OrderBy(t => t.Name).Select(t => new TagChip(t.TagId, t.Name, t.Color)).ToList());
        return rows.Select(r => byMutation.TryGetValue(r.Id, out var chips) ? r with { Tags = chips } : r).ToList();
    }

    public static async Task<CappedCount> CountAsync(MootaDeskDbContext db, MutationFilter f, Viewer viewer, BusinessClock clock,
        int cap = CappedCount.Cap, CancellationToken ct = default)
    {
        await OneConnectionAsync(db, ct);
        var q = await ApplyAsync(db, f, viewer, clock, ct);
        var n = await q.Select(m => m.Id).Take(cap + 1).CountAsync(ct);
        return new CappedCount(Math.Min(n, cap), n > cap);
    }

    /// <summary>
    /// Keeps the context's connection open for the rest of the read (the context's disposal closes it). A page is three to
    /// five queries (the demo-only rule, candidate probes, the page, its tags); opened and closed around each, every one paid
    /// for the connection's settings again (<c>SqlitePragmas</c>): 0.5–0.8 ms of a first page's 1.3–2.4 ms (30 Nov, 1,000,000).
    /// </summary>
    private static async Task OneConnectionAsync(MootaDeskDbContext db, CancellationToken ct) => await db.Database.OpenConnectionAsync(ct);

    public static async Task<int> ExactCountAsync(MootaDeskDbContext db, MutationFilter f, Viewer viewer, BusinessClock clock, CancellationToken ct = default) =>
        await (await ApplyAsync(db, f, viewer, clock, ct)).CountAsync(ct);
}
