using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

/// <summary>A merge's or a "not a duplicate" decision's result: a refusal key (Merge.Refused.*) with a value for its message, or the record's id.</summary>
public sealed record MergeOutcome(string? RefusalKey = null, string? Detail = null, long? MergeId = null)
{
    public bool Succeeded => RefusalKey is null;
}

/// <summary>A line of the review's history: what was merged or set apart, by whom, and whether it was undone.</summary>
public sealed record MergeHistoryRow(long Id, MergeKind Kind, long KeptMutationId, long OtherMutationId, decimal Amount, DateTime At, string By,
    DateTime? UndoneAt, string? UndoneBy);

/// <summary>Everything about the folded row, and every link a merge moved, so the merge can be undone exactly. Stored as JSON on the merge.</summary>
public sealed record MergeSnapshot
{
    public required MutationValues Other { get; init; }
    public IReadOnlyList<TagValues> OtherTags { get; init; } = [];
    public IReadOnlyList<int> TagsAddedToKept { get; init; } = [];
    public IReadOnlyList<long> Notes { get; init; } = [];
    public IReadOnlyList<int> Orders { get; init; } = [];
    public IReadOnlyList<long> Proofs { get; init; } = [];
    public IReadOnlyList<long> CsTasks { get; init; } = [];
    public IReadOnlyList<long> SweepItems { get; init; } = [];
    public IReadOnlyList<long> Conflicts { get; init; } = [];
    public IReadOnlyList<long> SightingsMoved { get; init; } = [];
    public IReadOnlyList<SightingValues> SightingsDropped { get; init; } = [];
    public long? SightingAdded { get; init; }
    public required KeptValues KeptBefore { get; init; }
}

public sealed record MutationValues(
    long Id, int AccountId, MutationSource Source, string SourceId, string? MootaMutationId, DateTime TransactionTime, DateOnly BankDate, bool HasTimeOfDay,
    DateTime ReadTime, int? ReadLatencySeconds, string Description, decimal Amount, Direction Direction, decimal? BalanceAfter, string? Counterparty,
    string? OrderReference, ReconciliationStatus Status, bool IsSandbox, bool HasNote, string? RawSource, long? WebhookDeliveryId);

public sealed record TagValues(int TagId, string TaggedBy, DateTime TaggedAt);

public sealed record SightingValues(MutationSource Channel, string? ExternalRef, DateTime SeenAt, long? WebhookDeliveryId);

public sealed record KeptValues(ReconciliationStatus Status, string? OrderReference, string? MootaMutationId, bool HasNote);

/// <summary>
/// Folds a duplicate row into the row that is kept: its order match, proofs, CS tasks, sweep lines, conflicts, notes,
/// tags and channels move to the kept row, its Moota id too when the kept row had none; then the duplicate row is
/// deleted, so totals count the money once. Audited on both rows, and undoable from the review's history.
/// </summary>
public sealed class MutationMerger(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    private static readonly JsonSerializerOptions Json = new();

    public async Task<MergeOutcome> MergeAsync(long keptId, long otherId, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        if (!CrossSourceDuplicates.CanReview(viewer)) return new MergeOutcome("NotAllowed");
        if (keptId == otherId) return new MergeOutcome("SameRow");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var kept = await db.Mutations.FirstOrDefaultAsync(m => m.Id == keptId, ct);
        var other = await db.Mutations.AsNoTracking().FirstOrDefaultAsync(m => m.Id == otherId, ct);
        if (kept is null || other is null) return new MergeOutcome("NotFound");
        if (!SameTransaction(kept, other)) return new MergeOutcome("NotSameTransaction");
        if (kept.MootaMutationId is not null && other.MootaMutationId is not null && kept.MootaMutationId != other.MootaMutationId)
            return new MergeOutcome("TwoMootaIds");
        var keptOrders = await db.Orders.AsNoTracking().Where(o => o.MatchedMutationId == keptId).Select(o => o.Reference).ToListAsync(ct);
        var otherOrders = await db.Orders.AsNoTracking().Where(o => o.MatchedMutationId == otherId).Select(o => new { o.Id, o.Reference }).ToListAsync(ct);
        if (keptOrders.Count > 0 && otherOrders.Count > 0)
            return new MergeOutcome("BothPayOrders", $"{keptOrders[0]}, {otherOrders[0].Reference}");

        var now = clock.UtcNow;
        var keptBefore = new KeptValues(kept.Status, kept.OrderReference, kept.MootaMutationId, kept.HasNote);
        var otherTags = await db.MutationTags.AsNoTracking().Where(t => t.MutationId == otherId).Select(t => new TagValues(t.TagId, t.TaggedBy, t.TaggedAt)).ToListAsync(ct);
        var keptTags = await db.MutationTags.AsNoTracking().Where(t => t.MutationId == keptId).Select(t => t.TagId).ToListAsync(ct);
        var tagsAdded = otherTags.Select(t => t.TagId).Except(keptTags).ToList();
        foreach (var tagId in tagsAdded)
            db.MutationTags.Add(new MutationTag { MutationId = keptId, TagId = tagId, TaggedBy = actor.Name, TaggedAt = now });

        var notes = await db.MutationNotes.Where(n => n.MutationId == otherId).Select(n => n.Id).ToListAsync(ct);
        var proofs = await db.Proofs.Where(p => p.MutationId == otherId).Select(p => p.Id).ToListAsync(ct);
        var tasks = await db.CsTasks.Where(t => t.MutationId == otherId).Select(t => t.Id).ToListAsync(ct);
        var sweepItems = await db.SweepItems.Where(i => i.MutationId == otherId).Select(i => i.Id).ToListAsync(ct);
        var conflicts = await db.MutationConflicts.Where(c => c.MutationId == otherId).Select(c => c.Id).ToListAsync(ct);
        await db.MutationNotes.Where(n => n.MutationId == otherId).ExecuteUpdateAsync(u => u.SetProperty(n => n.MutationId, keptId), ct);
        await db.Orders.Where(o => o.MatchedMutationId == otherId).ExecuteUpdateAsync(u => u.SetProperty(o => o.MatchedMutationId, keptId), ct);
        await db.Proofs.Where(p => p.MutationId == otherId).ExecuteUpdateAsync(u => u.SetProperty(p => p.MutationId, keptId), ct);
        await db.CsTasks.Where(t => t.MutationId == otherId).ExecuteUpdateAsync(u => u.SetProperty(t => t.MutationId, keptId), ct);
        await db.SweepItems.Where(i => i.MutationId == otherId).ExecuteUpdateAsync(u => u.SetProperty(i => i.MutationId, (long?)keptId), ct);
        await db.MutationConflicts.Where(c => c.MutationId == otherId).ExecuteUpdateAsync(u => u.SetProperty(c => c.MutationId, keptId), ct);

        // Channels: the duplicate's own first channel and its later ones become the kept row's, one per channel.
        var keptChannels = (await db.MutationSightings.AsNoTracking().Where(s => s.MutationId == keptId).Select(s => s.Channel).ToListAsync(ct)).ToHashSet();
        keptChannels.Add(kept.Source);
        var otherSightings = await db.MutationSightings.Where(s => s.MutationId == otherId).ToListAsync(ct);
        var moved = new List<long>();
        var dropped = new List<SightingValues>();
        foreach (var s in otherSightings)
        {
            if (keptChannels.Add(s.Channel)) { s.MutationId = keptId; moved.Add(s.Id); }
            else { dropped.Add(new SightingValues(s.Channel, s.ExternalRef, s.SeenAt, s.WebhookDeliveryId)); db.MutationSightings.Remove(s); }
        }
        MutationSighting? added = null;
        if (keptChannels.Add(other.Source))
            db.MutationSightings.Add(added = new MutationSighting
            {
                MutationId = keptId, Channel = other.Source, ExternalRef = other.SourceId, SeenAt = other.ReadTime, WebhookDeliveryId = other.WebhookDeliveryId,
            });

        if (otherOrders.Count > 0 || (other.Status == ReconciliationStatus.Matched && kept.Status != ReconciliationStatus.Matched))
        {
            kept.Status = other.Status == ReconciliationStatus.Matched || otherOrders.Count > 0 ? ReconciliationStatus.Matched : kept.Status;
            kept.OrderReference = other.OrderReference ?? otherOrders.FirstOrDefault()?.Reference ?? kept.OrderReference;
        }
        else if (kept.OrderReference is null && other.OrderReference is not null) kept.OrderReference = other.OrderReference;
        if (notes.Count > 0) kept.HasNote = true;

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        // The duplicate goes before its Moota id moves: the id is unique.
        await db.Mutations.Where(m => m.Id == otherId).ExecuteDeleteAsync(ct);
        var transferId = kept.MootaMutationId is null ? other.MootaMutationId : null;
        if (transferId is not null) kept.MootaMutationId = transferId;

        var snapshot = new MergeSnapshot
        {
            Other = ValuesOf(other), OtherTags = otherTags, TagsAddedToKept = tagsAdded, Notes = notes, Orders = otherOrders.Select(o => o.Id).ToList(),
            Proofs = proofs, CsTasks = tasks, SweepItems = sweepItems, Conflicts = conflicts, SightingsMoved = moved, SightingsDropped = dropped,
            SightingAdded = null, KeptBefore = keptBefore,
        };
        var merge = new MutationMerge
        {
            Kind = MergeKind.Merged, KeptMutationId = keptId, OtherMutationId = otherId, AccountId = kept.AccountId, Amount = kept.Amount, At = now,
            By = actor.Name, ById = actor.UserId,
        };
        db.MutationMerges.Add(merge);
        await db.SaveChangesAsync(ct);
        merge.Snapshot = JsonSerializer.Serialize(snapshot with { SightingAdded = added?.Id }, Json);
        var summary = new
        {
            mergeId = merge.Id, keptId, mergedId = otherId, mergedSource = other.Source.ToString(), other.SourceId, other.Amount,
            orders = otherOrders.Select(o => o.Reference).ToArray(), tags = tagsAdded.Count, notes = notes.Count,
        };
        db.Record(actor, "mutation.merge", "Mutation", keptId, new { keptBefore.Status, keptBefore.OrderReference, keptBefore.MootaMutationId }, summary, now);
        db.Record(actor, "mutation.merged-away", "Mutation", otherId, ValuesOf(other), summary, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new MergeOutcome(MergeId: merge.Id);
    }

    /// <summary>Puts the folded row back exactly as it was, with its links, and takes back what the merge gave the kept row.</summary>
    public async Task<MergeOutcome> UndoAsync(long mergeId, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        if (!CrossSourceDuplicates.CanReview(viewer)) return new MergeOutcome("NotAllowed");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var merge = await db.MutationMerges.FirstOrDefaultAsync(m => m.Id == mergeId, ct);
        if (merge is null) return new MergeOutcome("NotFound");
        if (merge.UndoneAt is not null) return new MergeOutcome("AlreadyUndone", merge.UndoneBy);
        var now = clock.UtcNow;
        if (merge.Kind == MergeKind.NotDuplicate)
        {
            Finish(db, merge, actor, now, "mutation.not-duplicate.undo");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new MergeOutcome(MergeId: merge.Id);
        }
        var kept = await db.Mutations.FirstOrDefaultAsync(m => m.Id == merge.KeptMutationId, ct);
        if (kept is null) return new MergeOutcome("KeptGone", merge.KeptMutationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var s = JsonSerializer.Deserialize<MergeSnapshot>(merge.Snapshot!, Json)!;
        var o = s.Other;
        if (await db.Mutations.AnyAsync(m => m.Id == o.Id, ct)) return new MergeOutcome("NotFound");

        // The kept row gives back the Moota id first: it is unique, and the restored row carries it again.
        if (o.MootaMutationId is not null && kept.MootaMutationId == o.MootaMutationId && s.KeptBefore.MootaMutationId != o.MootaMutationId)
        {
            kept.MootaMutationId = s.KeptBefore.MootaMutationId;
            await db.SaveChangesAsync(ct);
        }
        db.Mutations.Add(new Mutation
        {
            Id = o.Id, AccountId = o.AccountId, Source = o.Source, SourceId = o.SourceId, MootaMutationId = o.MootaMutationId, TransactionTime = o.TransactionTime,
            BankDate = o.BankDate, HasTimeOfDay = o.HasTimeOfDay, ReadTime = o.ReadTime, ReadLatencySeconds = o.ReadLatencySeconds, Description = o.Description,
            Amount = o.Amount, Direction = o.Direction, BalanceAfter = o.BalanceAfter, Counterparty = o.Counterparty, OrderReference = o.OrderReference,
            Status = o.Status, IsSandbox = o.IsSandbox, HasNote = o.HasNote, RawSource = o.RawSource, WebhookDeliveryId = o.WebhookDeliveryId,
        });
        await db.SaveChangesAsync(ct);
        foreach (var t in s.OtherTags)
            db.MutationTags.Add(new MutationTag { MutationId = o.Id, TagId = t.TagId, TaggedBy = t.TaggedBy, TaggedAt = t.TaggedAt });
        var keptId = kept.Id;
        var tagIds = s.TagsAddedToKept.ToList();
        await db.MutationTags.Where(t => t.MutationId == keptId && tagIds.Contains(t.TagId)).ExecuteDeleteAsync(ct);
        // Links go back only where they still sit on the kept row: whatever a person moved since stays where they put it.
        var notes = s.Notes.ToList();
        var orders = s.Orders.ToList();
        var proofs = s.Proofs.ToList();
        var tasks = s.CsTasks.ToList();
        var items = s.SweepItems.ToList();
        var conflicts = s.Conflicts.ToList();
        var sightings = s.SightingsMoved.ToList();
        await db.MutationNotes.Where(x => notes.Contains(x.Id) && x.MutationId == keptId).ExecuteUpdateAsync(u => u.SetProperty(x => x.MutationId, o.Id), ct);
        await db.Orders.Where(x => orders.Contains(x.Id) && x.MatchedMutationId == keptId).ExecuteUpdateAsync(u => u.SetProperty(x => x.MatchedMutationId, (long?)o.Id), ct);
        await db.Proofs.Where(x => proofs.Contains(x.Id) && x.MutationId == keptId).ExecuteUpdateAsync(u => u.SetProperty(x => x.MutationId, o.Id), ct);
        await db.CsTasks.Where(x => tasks.Contains(x.Id) && x.MutationId == keptId).ExecuteUpdateAsync(u => u.SetProperty(x => x.MutationId, o.Id), ct);
        await db.SweepItems.Where(x => items.Contains(x.Id) && x.MutationId == keptId).ExecuteUpdateAsync(u => u.SetProperty(x => x.MutationId, (long?)o.Id), ct);
        await db.MutationConflicts.Where(x => conflicts.Contains(x.Id) && x.MutationId == keptId).ExecuteUpdateAsync(u => u.SetProperty(x => x.MutationId, o.Id), ct);
        await db.MutationSightings.Where(x => sightings.Contains(x.Id) && x.MutationId == keptId).ExecuteUpdateAsync(u => u.SetProperty(x => x.MutationId, o.Id), ct);
        if (s.SightingAdded is long addedId) await db.MutationSightings.Where(x => x.Id == addedId).ExecuteDeleteAsync(ct);
        foreach (var d in s.SightingsDropped)
            db.MutationSightings.Add(new MutationSighting { MutationId = o.Id, Channel = d.Channel, ExternalRef = d.ExternalRef, SeenAt = d.SeenAt, WebhookDeliveryId = d.WebhookDeliveryId });

        kept.Status = s.KeptBefore.Status;
        kept.OrderReference = s.KeptBefore.OrderReference;
        kept.HasNote = await db.MutationNotes.AnyAsync(n => n.MutationId == keptId, ct);
        Finish(db, merge, actor, now, "mutation.merge.undo");
        db.Record(actor, "mutation.merge.undo", "Mutation", o.Id, null, new { mergeId, restoredId = o.Id, keptId }, now);
        await db.SaveChangesAsync(ct);
        // The restored id is below the text index's mark, so the index never picks it up by itself (no insert trigger).
        // The index tables are the text search's own (no EF entity); the mutation's names come from the model. PostgreSQL
        // searches with trigram indexes on the table itself, so there is nothing to restore there.
        var sql = $$"""
            INSERT INTO "MutationSearchIndex" (rowid, "Description", "Counterparty")
            SELECT {{db.Column<Mutation>(nameof(Mutation.Id))}}, {{db.Column<Mutation>(nameof(Mutation.Description))}}, {{db.Column<Mutation>(nameof(Mutation.Counterparty))}}
            FROM {{db.Table<Mutation>()}}
            WHERE {{db.Column<Mutation>(nameof(Mutation.Id))}} = {0} AND {{db.Column<Mutation>(nameof(Mutation.Id))}} <= (SELECT "IndexedThroughId" FROM "MutationSearchIndexState")
            """;
        if (!db.IsPostgreSql()) await db.Database.ExecuteSqlRawAsync(sql, [o.Id], ct);
        await tx.CommitAsync(ct);
        return new MergeOutcome(MergeId: merge.Id);
    }

    /// <summary>"These are two transactions": the pair leaves the review; audited on both rows, undoable.</summary>
    public async Task<MergeOutcome> MarkNotDuplicateAsync(long keptId, long otherId, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        if (!CrossSourceDuplicates.CanReview(viewer)) return new MergeOutcome("NotAllowed");
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Mutations.AsNoTracking().Where(m => m.Id == keptId || m.Id == otherId).Select(m => new { m.Id, m.AccountId, m.Amount }).ToListAsync(ct);
        if (rows.Count != 2) return new MergeOutcome("NotFound");
        var now = clock.UtcNow;
        var merge = new MutationMerge
        {
            Kind = MergeKind.NotDuplicate, KeptMutationId = keptId, OtherMutationId = otherId, AccountId = rows[0].AccountId, Amount = rows[0].Amount, At = now,
            By = actor.Name, ById = actor.UserId,
        };
        db.MutationMerges.Add(merge);
        foreach (var (id, other) in new[] { (keptId, otherId), (otherId, keptId) })
            db.Record(actor, "mutation.not-duplicate", "Mutation", id, null, new { other }, now);
        await db.SaveChangesAsync(ct);
        return new MergeOutcome(MergeId: merge.Id);
    }

    public async Task<IReadOnlyList<MergeHistoryRow>> HistoryAsync(int take = 50, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.MutationMerges.AsNoTracking().OrderByDescending(m => m.Id).Take(take)
            .Select(m => new MergeHistoryRow(m.Id, m.Kind, m.KeptMutationId, m.OtherMutationId, m.Amount, m.At, m.By, m.UndoneAt, m.UndoneBy)).ToListAsync(ct);
    }

    /// <summary>One Moota id, or one account, day, amount and direction: anything else is two transactions, never merged.</summary>
    private static bool SameTransaction(Mutation a, Mutation b) =>
        a.IsSandbox == b.IsSandbox
        && (MootaIdOf(a) is { } id && id == MootaIdOf(b)
            || (a.AccountId == b.AccountId && a.BankDate == b.BankDate && a.Amount == b.Amount && a.Direction == b.Direction));

    private static string? MootaIdOf(Mutation m) => m.MootaMutationId ?? (MutationChannels.IsMoota(m.Source) ? m.SourceId : null);

    private static void Finish(MootaDeskDbContext db, MutationMerge merge, Actor actor, DateTime now, string action)
    {
        merge.UndoneAt = now;
        merge.UndoneBy = actor.Name;
        db.Record(actor, action, "Mutation", merge.KeptMutationId, null, new { mergeId = merge.Id, other = merge.OtherMutationId }, now);
    }

    private static MutationValues ValuesOf(Mutation m) => new(m.Id, m.AccountId, m.Source, m.SourceId, m.MootaMutationId, m.TransactionTime, m.BankDate,
        m.HasTimeOfDay, m.ReadTime, m.ReadLatencySeconds, m.Description, m.Amount, m.Direction, m.BalanceAfter, m.Counterparty, m.OrderReference, m.Status,
        m.IsSandbox, m.HasNote, m.RawSource, m.WebhookDeliveryId);
}
