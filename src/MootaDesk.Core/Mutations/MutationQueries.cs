using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Metrics;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;


public sealed record TagOption(int Id, string Name, string Color, string? Meaning, bool IsArchived);

public sealed record NoteView(long Id, string Text, string Author, DateTime CreatedAt, long? ReplacesNoteId, bool IsSuperseded);

public sealed record TimelineEntry(DateTime At, string Actor, string Action, string? Before, string? After);

/// <summary>One channel that reported a mutation, and when it first did; the first one is the channel that stored the row.</summary>
public sealed record ChannelView(MutationSource Channel, string? Ref, DateTime SeenAt, long? WebhookDeliveryId, bool IsFirst);

/// <param name="RawSourcePretty">The stored source, indented; null when there is none or the viewer may not see it (<see cref="Viewer.CanSeeRawSource"/>).</param>
/// <param name="ShowsRawSource">Whether the viewer may see the source panel at all.</param>
public sealed record MutationDetail(
    MutationRow Row, string SourceId, DateTime ReadTime, int? ReadLatencySeconds, string? RawSourcePretty, long? WebhookDeliveryId,
    string AccountHolder, IReadOnlyList<NoteView> Notes, IReadOnlyList<TimelineEntry> Timeline, bool ShowsRawSource = false)
{
    public string? MootaMutationId { get; init; }
    public IReadOnlyList<ChannelView> Channels { get; init; } = [];

    /// <summary>Moota conflicts on this row still waiting for Ops' decision.</summary>
    public int OpenConflicts { get; init; }
}

/// <summary>The Mutasi list as printed: the filter in words, the first rows of the filter and their totals.</summary>
/// <param name="FilterText">The filter in words (<see cref="MutationFilterSummary"/>), tags and accounts by name.</param>
/// <param name="Rows">At most <see cref="MutationQueries.PrintLimit"/> rows, in the filter's order.</param>
/// <param name="Count">How many rows the filter matches in all (capped like the page's count).</param>
/// <param name="Credit">Sum of the printed credits, rupiah.</param>
/// <param name="Debit">Sum of the printed debits, rupiah (0 for someone who sees credits only).</param>
public sealed record MutationPrintout(string FilterText, IReadOnlyList<MutationRow> Rows, CappedCount Count, decimal Credit, decimal Debit);

/// <summary>
/// Reads for the Mutasi page and its API: every read goes through <see cref="MutationSearch"/>, so the viewer's scope always
/// applies. The grid's page and count reads are timed into <see cref="MootaDeskMetrics"/> when it is given (the app's DI does).
/// </summary>
public sealed class MutationQueries(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock, MootaDeskMetrics? metrics = null)
{
    public async Task<IReadOnlyList<MutationRow>> PageAsync(MutationFilter filter, Viewer viewer, int skip, int take, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await MutationSearch.PageAsync(db, filter, viewer, clock, Math.Max(0, skip), Math.Clamp(take, 1, 500), ct);
        metrics?.MutationsSearched("page", Stopwatch.GetElapsedTime(started));
        return rows;
    }

    public async Task<CappedCount> CountAsync(MutationFilter filter, Viewer viewer, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        await using var db = await factory.CreateDbContextAsync(ct);
        var count = await MutationSearch.CountAsync(db, filter, viewer, clock, ct: ct);
        metrics?.MutationsSearched("count", Stopwatch.GetElapsedTime(started));
        return count;
    }

    public async Task<int> ExactCountAsync(MutationFilter filter, Viewer viewer, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await MutationSearch.ExactCountAsync(db, filter, viewer, clock, ct);
    }

    /// <summary>Rows one printout holds: a few pages of paper; the export is the way to all of them.</summary>
    public const int PrintLimit = 500;

    /// <summary>What the print view of Mutasi shows for <paramref name="filter"/>, within <paramref name="viewer"/>'s scope.</summary>
    public async Task<MutationPrintout> PrintoutAsync(MutationFilter filter, Viewer viewer, CancellationToken ct = default)
    {
        var rows = await PageAsync(filter, viewer, 0, PrintLimit, ct);
        var count = await CountAsync(filter, viewer, ct);
        var text = await MutationFilterSummary.DescribeAsync(factory, filter, clock.Today, ct);
        return new MutationPrintout(text, rows, count,
            rows.Where(r => r.Direction == Direction.Credit).Sum(r => r.Amount), rows.Where(r => r.Direction == Direction.Debit).Sum(r => r.Amount));
    }

    /// <summary>Ids of every row the filter matches (for "select all matching"), capped like the count.</summary>
    public async Task<IReadOnlyList<long>> IdsAsync(MutationFilter filter, Viewer viewer, int cap = CappedCount.Cap, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await MutationSearch.Sorted(await MutationSearch.ApplyAsync(db, filter, viewer, clock, ct), filter.Sort)
            .Select(m => m.Id).Take(cap).ToListAsync(ct);
    }

    /// <summary>Whether the store holds only the demo shop (<see cref="OnlyDemoData"/>): the page then shows sandbox money by default.</summary>
    public async Task<bool> IsDemoOnlyAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await OnlyDemoData.InAsync(db, ct);
    }

    public async Task<IReadOnlyList<AccountOption>> AccountsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking().OrderBy(a => a.Label)
            .Select(a => new AccountOption(a.Id, a.Label, a.BankCode, a.AccountNumber, a.HolderName, a.IsSandbox)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<TagOption>> TagsAsync(bool includeArchived = true, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Tags.AsNoTracking().Where(t => includeArchived || !t.IsArchived).OrderBy(t => t.Name)
            .Select(t => new TagOption(t.Id, t.Name, t.Color, t.Meaning, t.IsArchived)).ToListAsync(ct);
    }

    /// <summary>Everything about one mutation, or null when it does not exist or the viewer may not see it.</summary>
    public async Task<MutationDetail?> DetailAsync(long id, Viewer viewer, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var scoped = db.Mutations.AsNoTracking().VisibleTo(viewer).Where(m => m.Id == id);
        var row = await MutationSearch.Project(scoped, viewer).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        row = (await MutationSearch.WithTagsAsync(db, [row], ct))[0];
        // The source leaves the database only for those who may read it.
        var showsRaw = viewer.CanSeeRawSource;
        var extra = await scoped.Select(m => new { m.Source, m.SourceId, m.MootaMutationId, m.ReadTime, m.ReadLatencySeconds, RawSource = showsRaw ? m.RawSource : null, m.WebhookDeliveryId, m.Account!.HolderName })
            .FirstAsync(ct);
        var later = await db.MutationSightings.AsNoTracking().Where(s => s.MutationId == id).OrderBy(s => s.SeenAt).ThenBy(s => s.Id)
            .Select(s => new ChannelView(s.Channel, s.ExternalRef, s.SeenAt, s.WebhookDeliveryId, false)).ToListAsync(ct);
        List<ChannelView> channels = [new(extra.Source, extra.SourceId, extra.ReadTime, extra.WebhookDeliveryId, true), .. later];
        var openConflicts = await db.MutationConflicts.AsNoTracking().CountAsync(c => c.MutationId == id && c.Status == ConflictStatus.Open, ct);
        var notes = await db.MutationNotes.AsNoTracking().Where(n => n.MutationId == id).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NoteView(n.Id, n.Text, n.Author, n.CreatedAt, n.ReplacesNoteId, n.IsSuperseded)).ToListAsync(ct);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == "Mutation" && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(200)
            .Select(a => new { a.At, a.Actor, a.ActorId, a.Action, a.Before, a.After }).ToListAsync(ct);
        // People by the name they go by ("Sari Wulandari"), not their sign-in name; keys and the system keep theirs.
        var userIds = audit.Where(a => a.ActorId != null).Select(a => a.ActorId!).Distinct().ToList();
        var names = userIds.Count == 0 ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.DisplayName != "").ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var timeline = audit.Select(a => new TimelineEntry(a.At, a.ActorId is { } uid && names.TryGetValue(uid, out var n) ? n : a.Actor, a.Action, a.Before, a.After)).ToList();
        if (!viewer.CanSeeDebits) timeline = timeline.Select(CreditsOnly).ToList();
        return new MutationDetail(row, extra.SourceId, extra.ReadTime, extra.ReadLatencySeconds, Pretty(extra.RawSource), extra.WebhookDeliveryId,
            extra.HolderName, notes, timeline, showsRaw)
        {
            MootaMutationId = extra.MootaMutationId, Channels = channels, OpenConflicts = openConflicts,
        };
    }

    /// <summary>
    /// The ingest row of a batch is filed under its first mutation and lists every mutation of the batch (count, ids),
    /// debits included; for someone who sees credits only it says where the mutation came from and nothing about the rest.
    /// </summary>
    public static TimelineEntry CreditsOnly(TimelineEntry e)
    {
        if (e.Action != "mutation.ingest") return e;
        string? source = null;
        try
        {
            using var doc = JsonDocument.Parse(e.After ?? "{}");
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String)
                source = s.GetString();
        }
        catch (JsonException)
        {
        }
        return e with { Before = null, After = JsonSerializer.Serialize(new { source }) };
    }

    /// <summary>The stored source indented for reading; text that is not JSON (an import row) as it is.</summary>
    public static string? Pretty(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonText.Indent(System.Text.Encoding.UTF8.GetBytes(json)) ?? json;
}
