using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Access;
using MootaDesk.Core.Data;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Formatting;

namespace MootaDesk.Core.Mutations;

public sealed record TagChip(int Id, string Name, string Color);

/// <summary>One grid row. <see cref="BalanceAfter"/> is null for viewers who may not see balances.</summary>
public sealed record MutationRow(
    long Id, DateTime TransactionTime, bool HasTimeOfDay, int AccountId, string AccountLabel, string BankCode, string AccountNumber,
    string Description, string? Counterparty, decimal Amount, Direction Direction, decimal? BalanceAfter,
    ReconciliationStatus Status, MutationSource Source, bool IsSandbox, bool HasNote, string? OrderReference)
{
    public IReadOnlyList<TagChip> Tags { get; init; } = [];

    /// <summary>"•••• 6789": enough to tell accounts apart on screen without showing the number.</summary>
    public string MaskedNumber => MaskAccountNumber(AccountNumber);

    public static string MaskAccountNumber(string number) =>
        number.Length <= 4 ? number : "•••• " + number[^4..];
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
    public static IQueryable<Mutation> Apply(IQueryable<Mutation> source, MutationFilter f, Viewer viewer, BusinessClock clock)
    {
        var q = source.VisibleTo(viewer);

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
        if (f.Direction is Direction d) q = q.Where(m => m.Direction == d);
        if (f.AmountExact is decimal exact) q = q.Where(m => m.Amount == exact);
        // A range is checked row by row while the time index drives the page ("+ 0" keeps SQLite off the amount index,
        // which for a wide range meant sorting hundreds of thousands of rows: docs/performance.md).
        if (f.AmountMin is decimal min) q = f.Sort is MutationSort.TimeDesc or MutationSort.TimeAsc ? q.Where(m => m.Amount + 0m >= min) : q.Where(m => m.Amount >= min);
        if (f.AmountMax is decimal max) q = f.Sort is MutationSort.TimeDesc or MutationSort.TimeAsc ? q.Where(m => m.Amount + 0m <= max) : q.Where(m => m.Amount <= max);

        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            // SQLite's LIKE folds ASCII case, which is what bank descriptions are written in.
            var pattern = "%" + EscapeLike(f.Text.Trim()) + "%";
            q = q.Where(m => EF.Functions.Like(m.Description, pattern, "\\")
                             || (m.Counterparty != null && EF.Functions.Like(m.Counterparty, pattern, "\\"))
                             || (m.HasNote && m.Notes.Any(n => !n.IsSuperseded && EF.Functions.Like(n.Text, pattern, "\\"))));
        }

        if (f.TagsAny.Count > 0)
        {
            var any = f.TagsAny.ToList();
            q = q.Where(m => m.Tags.Any(t => EF.Constant(any).Contains(t.TagId)));
        }
        foreach (var tagId in f.TagsAll)
            q = q.Where(m => m.Tags.Any(t => t.TagId == tagId));
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
        q = f.Sandbox switch
        {
            SandboxFilter.Exclude => q.Where(m => !m.IsSandbox),
            SandboxFilter.Only => q.Where(m => m.IsSandbox),
            _ => q,
        };
        return q;
    }

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
            m.Status, m.Source, m.IsSandbox, m.HasNote, m.OrderReference));
    }

    /// <summary>One page of rows with their tags (a second small query, so the page query stays a plain indexed scan).</summary>
    public static async Task<IReadOnlyList<MutationRow>> PageAsync(MootaDeskDbContext db, MutationFilter f, Viewer viewer, BusinessClock clock,
        int skip, int take, CancellationToken ct = default)
    {
        var q = Sorted(Apply(db.Mutations.AsNoTracking(), f, viewer, clock), f.Sort);
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
        var q = Apply(db.Mutations.AsNoTracking(), f, viewer, clock);
        var n = await q.Select(m => m.Id).Take(cap + 1).CountAsync(ct);
        return new CappedCount(Math.Min(n, cap), n > cap);
    }

    public static Task<int> ExactCountAsync(MootaDeskDbContext db, MutationFilter f, Viewer viewer, BusinessClock clock, CancellationToken ct = default) =>
        Apply(db.Mutations.AsNoTracking(), f, viewer, clock).CountAsync(ct);

    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
