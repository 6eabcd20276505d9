using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

public sealed record TagSummary(int Id, string Name, string Color, string? Meaning, bool IsArchived, int Uses);

/// <summary>
/// Outcome of a create or rename: refused with a message key, or waiting for "yes, I mean it" because of near duplicates
/// (<see cref="NearDuplicates"/>: names of tags whose name is close) or repeated meanings (<see cref="SameMeaning"/>: names of
/// tags whose glossary meaning says the same thing, <see cref="TagName.MeaningRepeats"/>).
/// </summary>
public sealed record TagNameCheck(string? ErrorKey, IReadOnlyList<string> NearDuplicates)
{
    public IReadOnlyList<string> SameMeaning { get; init; } = [];

    public bool IsRefused => ErrorKey is not null;

    /// <summary>A warning the person has to confirm before the tag is saved (never a refusal).</summary>
    public bool NeedsConfirmation => !IsRefused && (NearDuplicates.Count > 0 || SameMeaning.Count > 0);
}

/// <summary>
/// The tag list: create, rename, recolour, explain, merge, archive. Names are guarded: one equal to another
/// ignoring case, spaces and punctuation is refused; a near duplicate needs confirmation.
/// </summary>
public sealed partial class TagCatalog(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public static bool CanManage(Viewer viewer) => viewer.Can(Actions.ManageTags);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();

    /// <summary>Every tag with how often it is used among the mutations <paramref name="viewer"/> may see (CS: credits only).</summary>
    public async Task<IReadOnlyList<TagSummary>> ListAsync(Viewer viewer, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = db.Mutations.AsNoTracking().VisibleTo(viewer).Select(m => m.Id);
        var uses = await db.MutationTags.AsNoTracking().Where(t => visible.Contains(t.MutationId))
            .GroupBy(t => t.TagId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var tags = await db.Tags.AsNoTracking().OrderBy(t => t.IsArchived).ThenBy(t => t.Name).ToListAsync(ct);
        return tags.Select(t => new TagSummary(t.Id, t.Name, t.Color, t.Meaning, t.IsArchived, uses.GetValueOrDefault(t.Id))).ToList();
    }

    /// <summary>
    /// Checks a tag's name (refused when empty, too long or equal to another's once folded; warned when close to another's)
    /// and its meaning (warned when it repeats another tag's meaning).
    /// </summary>
    public async Task<TagNameCheck> CheckNameAsync(string name, int? exceptId = null, CancellationToken ct = default, string? meaning = null)
    {
        var clean = TagName.Clean(name ?? "");
        var normalized = TagName.Normalize(clean);
        if (normalized.Length == 0) return new("Tag.Error.Empty", []);
        if (clean.Length > 60) return new("Tag.Error.TooLong", []);
        await using var db = await factory.CreateDbContextAsync(ct);
        var others = await db.Tags.AsNoTracking().Where(t => exceptId == null || t.Id != exceptId).Select(t => new { t.Name, t.NormalizedName, t.Meaning }).ToListAsync(ct);
        if (others.Any(o => o.NormalizedName == normalized)) return new("Tag.Error.Duplicate", others.Where(o => o.NormalizedName == normalized).Select(o => o.Name).ToList());
        return new(null, others.Where(o => TagName.IsNearDuplicate(o.Name, clean)).Select(o => o.Name).ToList())
        {
            SameMeaning = others.Where(o => TagName.MeaningRepeats(o.Meaning, meaning)).Select(o => o.Name).ToList(),
        };
    }

    public async Task<(TagNameCheck Check, int? Id)> CreateAsync(string name, string? color, string? meaning, bool confirmNearDuplicate, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanManage(viewer);
        var check = await CheckNameAsync(name, null, ct, meaning);
        if (check.IsRefused || (check.NeedsConfirmation && !confirmNearDuplicate)) return (check, null);
        var clean = TagName.Clean(name);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var tag = new Tag { Name = clean, NormalizedName = TagName.Normalize(clean), Color = ValidColor(color), Meaning = CleanMeaning(meaning), CreatedAt = now };
        db.Tags.Add(tag);
        await db.SaveChangesAsync(ct);
        db.Record(actor, "tag.create", "Tag", tag.Id, null, new { tag.Name, tag.Color, tag.Meaning }, now);
        await db.SaveChangesAsync(ct);
        return (check, tag.Id);
    }

    public async Task<TagNameCheck> UpdateAsync(int id, string name, string? color, string? meaning, bool confirmNearDuplicate, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanManage(viewer);
        var check = await CheckNameAsync(name, id, ct, meaning);
        if (check.IsRefused || (check.NeedsConfirmation && !confirmNearDuplicate)) return check;
        await using var db = await factory.CreateDbContextAsync(ct);
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new MutationChangeRefused("Error.NotFound");
        var before = new { tag.Name, tag.Color, tag.Meaning };
        var clean = TagName.Clean(name);
        tag.Name = clean;
        tag.NormalizedName = TagName.Normalize(clean);
        tag.Color = ValidColor(color);
        tag.Meaning = CleanMeaning(meaning);
        var after = new { tag.Name, tag.Color, tag.Meaning };
        if (before.Equals(after)) return check;
        db.Record(actor, before.Name != clean ? "tag.rename" : "tag.update", "Tag", id, before, after, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return check;
    }

    public async Task SetArchivedAsync(int id, bool archived, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanManage(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new MutationChangeRefused("Error.NotFound");
        if (tag.IsArchived == archived) return;
        tag.IsArchived = archived;
        db.Record(actor, archived ? "tag.archive" : "tag.unarchive", "Tag", id, null, new { tag.Name }, clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Moves every use of <paramref name="sourceId"/> to <paramref name="targetId"/> (skipping mutations that
    /// already carry the target), repoints rules, and removes the source tag. One transaction, one audit row.
    /// </summary>
    public async Task<int> MergeAsync(int sourceId, int targetId, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanManage(viewer);
        if (sourceId == targetId) throw new MutationChangeRefused("Tag.Error.MergeSame");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var source = await db.Tags.FirstOrDefaultAsync(t => t.Id == sourceId, ct) ?? throw new MutationChangeRefused("Error.NotFound");
        var target = await db.Tags.FirstOrDefaultAsync(t => t.Id == targetId, ct) ?? throw new MutationChangeRefused("Error.NotFound");
        // Names from the model; the ids are parameters ({0}, {1}). ON CONFLICT DO NOTHING reads the same on SQLite and PostgreSQL.
        string Links() => db.Table<MutationTag>();
        string Col(string property) => db.Column<MutationTag>(property);
        var sql = $$"""
            INSERT INTO {{Links()}} ({{Col(nameof(MutationTag.MutationId))}}, {{Col(nameof(MutationTag.TagId))}}, {{Col(nameof(MutationTag.TaggedBy))}}, {{Col(nameof(MutationTag.TaggedAt))}})
            SELECT {{Col(nameof(MutationTag.MutationId))}}, {0}, {{Col(nameof(MutationTag.TaggedBy))}}, {{Col(nameof(MutationTag.TaggedAt))}} FROM {{Links()}} WHERE {{Col(nameof(MutationTag.TagId))}} = {1}
            ON CONFLICT DO NOTHING
            """;
        var moved = await db.Database.ExecuteSqlRawAsync(sql, [targetId, sourceId], ct);
        await db.MutationTags.Where(mt => mt.TagId == sourceId).ExecuteDeleteAsync(ct);
        foreach (var rule in await db.AutoTagRules.ToListAsync(ct))
        {
            var ids = rule.TagIds;
            if (!ids.Contains(sourceId)) continue;
            rule.AddTagIds = string.Join(',', ids.Select(i => i == sourceId ? targetId : i).Distinct());
        }
        if (string.IsNullOrWhiteSpace(target.Meaning) && !string.IsNullOrWhiteSpace(source.Meaning)) target.Meaning = source.Meaning;
        db.Tags.Remove(source);
        db.Record(actor, "tag.merge", "Tag", targetId, new { source = source.Name, sourceId }, new { target = target.Name, moved }, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return moved;
    }

    private static void EnsureCanManage(Viewer viewer)
    {
        if (!CanManage(viewer)) throw new MutationChangeRefused("Error.NotAllowed");
    }

    private static string ValidColor(string? color) => color is not null && HexColor().IsMatch(color) ? color.ToLowerInvariant() : "#64748b";

    private static string? CleanMeaning(string? meaning)
    {
        var m = meaning?.Trim();
        return string.IsNullOrEmpty(m) ? null : m.Length > 300 ? m[..300] : m;
    }
}
