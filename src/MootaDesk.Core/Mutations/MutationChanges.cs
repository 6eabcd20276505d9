using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

public enum ChangeKind { TagsAdded, TagsRemoved, StatusSet, NotesAdded }

/// <summary>
/// What a change did, precisely enough to undo it: the (mutation, tag) pairs actually added or removed,
/// each mutation's previous status, the note rows created. Undo replays the inverse as a new audited change.
/// </summary>
public sealed record MutationChange(ChangeKind Kind, int Count)
{
    public IReadOnlyList<(long MutationId, int TagId)> TagPairs { get; init; } = [];
    public IReadOnlyDictionary<long, ReconciliationStatus> PreviousStatus { get; init; } = new Dictionary<long, ReconciliationStatus>();
    public IReadOnlyList<long> NoteIds { get; init; } = [];
}

/// <summary>A change the person asked for was refused (not allowed, not valid); the message is a text key.</summary>
public sealed class MutationChangeRefused(string messageKey) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
}

/// <summary>
/// Every write on mutations from the Mutasi page: tags, status, notes, order reference, and the undo of each.
/// One audit row per mutation touched (EntityType "Mutation"), so each mutation's timeline tells its own story.
/// Only ids the viewer can see are touched; CS reads but does not change mutations.
/// </summary>
public sealed class TagMutationsCommand(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public static bool CanEdit(Viewer viewer) => viewer.Can(Actions.AnnotateMutations);

    private static void EnsureCanEdit(Viewer viewer)
    {
        if (!CanEdit(viewer)) throw new MutationChangeRefused("Error.NotAllowed");
    }

    private static async Task<List<long>> VisibleIdsAsync(MootaDeskDbContext db, IReadOnlyCollection<long> ids, Viewer viewer, CancellationToken ct)
    {
        var result = new List<long>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(900))
        {
            var list = chunk.ToList();
            result.AddRange(await db.Mutations.AsNoTracking().VisibleTo(viewer).Where(m => list.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct));
        }
        return result;
    }

    public async Task<MutationChange> AddTagsAsync(IReadOnlyCollection<long> mutationIds, IReadOnlyCollection<int> tagIds, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanEdit(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var tags = await db.Tags.Where(t => tagIds.Contains(t.Id) && !t.IsArchived).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        if (tags.Count == 0) throw new MutationChangeRefused("Error.NoTag");
        var ids = await VisibleIdsAsync(db, mutationIds, viewer, ct);
        var tagIdList = tags.Select(t => t.Id).ToList();
        var existing = new HashSet<(long, int)>();
        foreach (var chunk in ids.Chunk(900))
        {
            var list = chunk.ToList();
            foreach (var p in await db.MutationTags.Where(mt => list.Contains(mt.MutationId) && tagIdList.Contains(mt.TagId))
                         .Select(mt => new { mt.MutationId, mt.TagId }).ToListAsync(ct))
                existing.Add((p.MutationId, p.TagId));
        }
        var now = clock.UtcNow;
        var added = new List<(long, int)>();
        foreach (var id in ids)
        {
            var names = new List<string>();
            foreach (var tag in tags)
            {
                if (existing.Contains((id, tag.Id))) continue;
                db.MutationTags.Add(new MutationTag { MutationId = id, TagId = tag.Id, TaggedBy = actor.Name, TaggedAt = now });
                added.Add((id, tag.Id));
                names.Add(tag.Name);
            }
            if (names.Count > 0) db.Record(actor, "tag.add", "Mutation", id, null, new { tags = names }, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new MutationChange(ChangeKind.TagsAdded, added.Select(a => a.Item1).Distinct().Count()) { TagPairs = added };
    }

    public async Task<MutationChange> RemoveTagsAsync(IReadOnlyCollection<long> mutationIds, IReadOnlyCollection<int> tagIds, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanEdit(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = await VisibleIdsAsync(db, mutationIds, viewer, ct);
        var pairs = new List<(long, int)>();
        foreach (var chunk in ids.Chunk(900))
        {
            var list = chunk.ToList();
            pairs.AddRange((await db.MutationTags.Where(mt => list.Contains(mt.MutationId) && tagIds.Contains(mt.TagId))
                .Select(mt => new { mt.MutationId, mt.TagId }).ToListAsync(ct)).Select(p => (p.MutationId, p.TagId)));
        }
        return await RemovePairsAsync(db, pairs, actor, "tag.remove", ct);
    }

    private async Task<MutationChange> RemovePairsAsync(MootaDeskDbContext db, IReadOnlyList<(long MutationId, int TagId)> pairs, Actor actor, string action, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var names = await db.Tags.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var now = clock.UtcNow;
        var removed = new List<(long, int)>();
        foreach (var group in pairs.GroupBy(p => p.MutationId))
        {
            var tagIds = group.Select(p => p.TagId).ToList();
            var n = await db.MutationTags.Where(mt => mt.MutationId == group.Key && tagIds.Contains(mt.TagId)).ExecuteDeleteAsync(ct);
            if (n == 0) continue;
            removed.AddRange(group.Select(p => (p.MutationId, p.TagId)));
            db.Record(actor, action, "Mutation", group.Key, new { tags = tagIds.Select(id => names.GetValueOrDefault(id, "#" + id)).ToArray() }, null, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new MutationChange(ChangeKind.TagsRemoved, removed.Select(r => r.Item1).Distinct().Count()) { TagPairs = removed };
    }

    public async Task<MutationChange> SetStatusAsync(IReadOnlyCollection<long> mutationIds, ReconciliationStatus status, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanEdit(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = await VisibleIdsAsync(db, mutationIds, viewer, ct);
        var targets = ids.ToDictionary(id => id, _ => status);
        return await ApplyStatusesAsync(db, targets, actor, "status.set", ct);
    }

    private async Task<MutationChange> ApplyStatusesAsync(MootaDeskDbContext db, IReadOnlyDictionary<long, ReconciliationStatus> targets, Actor actor, string action, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var previous = new Dictionary<long, ReconciliationStatus>();
        foreach (var chunk in targets.Keys.Chunk(900))
        {
            var list = chunk.ToList();
            var rows = await db.Mutations.Where(m => list.Contains(m.Id)).ToListAsync(ct);
            foreach (var m in rows)
            {
                var to = targets[m.Id];
                if (m.Status == to) continue;
                previous[m.Id] = m.Status;
                db.Record(actor, action, "Mutation", m.Id, new { status = m.Status.ToString() }, new { status = to.ToString() }, now);
                m.Status = to;
            }
        }
        await db.SaveChangesAsync(ct);
        return new MutationChange(ChangeKind.StatusSet, previous.Count) { PreviousStatus = previous };
    }

    public async Task<MutationChange> AddNoteAsync(IReadOnlyCollection<long> mutationIds, string text, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanEdit(viewer);
        var clean = CleanNote(text);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = await VisibleIdsAsync(db, mutationIds, viewer, ct);
        var now = clock.UtcNow;
        var notes = new List<MutationNote>();
        foreach (var chunk in ids.Chunk(900))
        {
            var list = chunk.ToList();
            await db.Mutations.Where(m => list.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.HasNote, true), ct);
        }
        foreach (var id in ids)
        {
            var note = new MutationNote { MutationId = id, Text = clean, Author = actor.Name, CreatedAt = now };
            db.MutationNotes.Add(note);
            notes.Add(note);
            db.Record(actor, "note.add", "Mutation", id, null, new { note = clean }, now);
        }
        await db.SaveChangesAsync(ct);
        return new MutationChange(ChangeKind.NotesAdded, ids.Count) { NoteIds = notes.Select(n => n.Id).ToList() };
    }

    /// <summary>Editing never overwrites: the new text is a new row pointing at the old one, which is kept and marked superseded.</summary>
    public async Task<long> EditNoteAsync(long noteId, string text, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanEdit(viewer);
        var clean = CleanNote(text);
        await using var db = await factory.CreateDbContextAsync(ct);
        var old = await db.MutationNotes.FirstOrDefaultAsync(n => n.Id == noteId, ct) ?? throw new MutationChangeRefused("Error.NotFound");
        if (!await db.Mutations.VisibleTo(viewer).AnyAsync(m => m.Id == old.MutationId, ct)) throw new MutationChangeRefused("Error.NotFound");
        if (old.IsSuperseded) throw new MutationChangeRefused("Error.NoteSuperseded");
        if (old.Text == clean) return old.Id;
        var now = clock.UtcNow;
        old.IsSuperseded = true;
        var note = new MutationNote { MutationId = old.MutationId, Text = clean, Author = actor.Name, CreatedAt = now, ReplacesNoteId = old.Id };
        db.MutationNotes.Add(note);
        db.Record(actor, "note.edit", "Mutation", old.MutationId, new { note = old.Text }, new { note = clean }, now);
        await db.SaveChangesAsync(ct);
        return note.Id;
    }

    public async Task SetOrderReferenceAsync(long mutationId, string? reference, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanEdit(viewer);
        if (!OrderReference.IsValid(reference)) throw new MutationChangeRefused("Error.OrderReference");
        var clean = OrderReference.Clean(reference);
        await using var db = await factory.CreateDbContextAsync(ct);
        var m = await db.Mutations.VisibleTo(viewer).FirstOrDefaultAsync(x => x.Id == mutationId, ct) ?? throw new MutationChangeRefused("Error.NotFound");
        if (m.OrderReference == clean) return;
        db.Record(actor, "order-reference.set", "Mutation", m.Id, new { orderReference = m.OrderReference }, new { orderReference = clean }, clock.UtcNow);
        m.OrderReference = clean;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The inverse of a change, recorded as its own audited change ("tag.add.undo", …).</summary>
    public async Task<int> UndoAsync(MutationChange change, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanEdit(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        switch (change.Kind)
        {
            case ChangeKind.TagsAdded:
                return (await RemovePairsAsync(db, change.TagPairs, actor, "tag.add.undo", ct)).Count;
            case ChangeKind.TagsRemoved:
            {
                var now = clock.UtcNow;
                var names = await db.Tags.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
                foreach (var group in change.TagPairs.GroupBy(p => p.MutationId))
                {
                    foreach (var p in group)
                        db.MutationTags.Add(new MutationTag { MutationId = p.MutationId, TagId = p.TagId, TaggedBy = actor.Name, TaggedAt = now });
                    db.Record(actor, "tag.remove.undo", "Mutation", group.Key, null, new { tags = group.Select(p => names.GetValueOrDefault(p.TagId, "#" + p.TagId)).ToArray() }, now);
                }
                await db.SaveChangesAsync(ct);
                return change.TagPairs.Select(p => p.MutationId).Distinct().Count();
            }
            case ChangeKind.StatusSet:
                return (await ApplyStatusesAsync(db, change.PreviousStatus, actor, "status.set.undo", ct)).Count;
            case ChangeKind.NotesAdded:
            {
                var now = clock.UtcNow;
                var ids = change.NoteIds.ToList();
                var notes = await db.MutationNotes.Where(n => ids.Contains(n.Id)).ToListAsync(ct);
                foreach (var n in notes)
                {
                    db.MutationNotes.Remove(n);
                    db.Record(actor, "note.add.undo", "Mutation", n.MutationId, new { note = n.Text }, null, now);
                }
                await db.SaveChangesAsync(ct);
                var touched = notes.Select(n => n.MutationId).Distinct().ToList();
                // HasNote follows the notes that remain.
                await db.Mutations.Where(m => touched.Contains(m.Id) && !db.MutationNotes.Any(n => n.MutationId == m.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.HasNote, false), ct);
                return touched.Count;
            }
            default:
                return 0;
        }
    }

    private static string CleanNote(string text)
    {
        var clean = (text ?? "").Trim();
        if (clean.Length == 0) throw new MutationChangeRefused("Error.NoteEmpty");
        if (clean.Length > 2000) throw new MutationChangeRefused("Error.NoteTooLong");
        return clean;
    }
}
