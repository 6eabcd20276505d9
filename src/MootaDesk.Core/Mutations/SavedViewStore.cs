using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

public sealed record SavedViewItem(int Id, string Name, string Query, bool IsShared, bool IsBuiltIn, bool CanDelete);

/// <summary>Named filters: the person's own and the team's shared ones, with the playbook's defaults built in.</summary>
public sealed class SavedViewStore(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock, BusinessSettings settings)
{
    public const string ImportantDebitsKey = "important-debits";

    public async Task<IReadOnlyList<SavedViewItem>> ListAsync(Viewer viewer, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.SavedViews.AsNoTracking().Where(v => v.OwnerUserId == null || v.OwnerUserId == viewer.UserId)
            .OrderBy(v => v.OwnerUserId != null).ThenBy(v => v.Position).ThenBy(v => v.Name).ToListAsync(ct);
        var threshold = await settings.ImportantDebitThresholdAsync(ct);
        return rows.Select(v =>
        {
            var name = v.Name;
            var query = v.Query;
            if (v.SystemKey == ImportantDebitsKey)
            {
                // The threshold is a setting: the view follows it instead of freezing the value it was seeded with.
                name = $"Debit penting (≥ {Money.Format(threshold)})";
                query = new MutationFilter { Direction = Direction.Debit, AmountMin = threshold }.ToQueryString();
            }
            var canDelete = v.SystemKey is null && (v.OwnerUserId == viewer.UserId && viewer.UserId is not null || v.OwnerUserId is null && (viewer.IsOwner || v.CreatedBy == viewer.Name));
            return new SavedViewItem(v.Id, name, query, v.OwnerUserId is null, v.SystemKey is not null, canDelete);
        }).ToList();
    }

    /// <summary>
    /// Saves the filter under <paramref name="name"/> (trimmed, at most 80 characters), for the team when <paramref name="shared"/>,
    /// else for the viewer alone. Refused (<c>View.Error.Name</c>, <c>View.Error.Exists</c> with the existing name,
    /// <c>Error.NotAllowed</c>) rather than thrown: a name may appear once in the list the person picks from (the team's views and
    /// their own), compared ignoring case, spaces and punctuation, so two entries never read alike.
    /// </summary>
    /// <returns>The new view's id, or the refusal.</returns>
    public async Task<CommandResult<int>> SaveAsync(string name, MutationFilter filter, bool shared, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        var clean = TagName.Clean(name ?? "");
        if (TagName.Normalize(clean).Length == 0) return Refusal.Of("View.Error.Name").About("name");
        if (clean.Length > 80) clean = clean[..80];
        if (!shared && viewer.UserId is null) return Refusal.Of("Error.NotAllowed");
        var folded = TagName.Normalize(clean);
        if ((await ListAsync(viewer, ct)).FirstOrDefault(v => TagName.Normalize(v.Name) == folded) is { } same)
            return Refusal.Of("View.Error.Exists", same.Name).About("name");
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = shared ? null : viewer.UserId;
        // Stored names too (a built-in view is listed under a name that follows a setting).
        var stored = await db.SavedViews.AsNoTracking().Where(v => v.OwnerUserId == null || v.OwnerUserId == viewer.UserId).Select(v => v.Name).ToListAsync(ct);
        if (stored.FirstOrDefault(n => TagName.Normalize(n) == folded) is { } storedSame) return Refusal.Of("View.Error.Exists", storedSame).About("name");
        var now = clock.UtcNow;
        var view = new SavedView { Name = clean, Query = filter.ToQueryString(), OwnerUserId = owner, CreatedBy = actor.Name, CreatedAt = now, Position = 100 };
        db.SavedViews.Add(view);
        await db.SaveChangesAsync(ct);
        db.Record(actor, "view.create", "SavedView", view.Id, null, new { view.Name, view.Query, shared }, now);
        await db.SaveChangesAsync(ct);
        return view.Id;
    }

    public async Task DeleteAsync(int id, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        var item = (await ListAsync(viewer, ct)).FirstOrDefault(v => v.Id == id);
        if (item is null || !item.CanDelete) throw new MutationChangeRefused("Error.NotAllowed");
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.SavedViews.Where(v => v.Id == id).ExecuteDeleteAsync(ct);
        db.Record(actor, "view.delete", "SavedView", id, new { item.Name, item.Query }, null, clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Seeds the playbook's views once (by system key) and the tags they name; running it again changes nothing.</summary>
    public async Task EnsureDefaultsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        async Task<int> TagAsync(string name, string color, string meaning)
        {
            var norm = TagName.Normalize(name);
            var tag = await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == norm, ct);
            if (tag is null)
            {
                tag = new Tag { Name = name, NormalizedName = norm, Color = color, Meaning = meaning, CreatedAt = now };
                db.Tags.Add(tag);
                await db.SaveChangesAsync(ct);
                db.Record(Actor.System, "tag.create", "Tag", tag.Id, null, new { tag.Name }, now);
            }
            return tag.Id;
        }

        var existing = (await db.SavedViews.Where(v => v.SystemKey != null).Select(v => v.SystemKey!).ToListAsync(ct)).ToHashSet();
        var wanted = new List<(string Key, string Name, Func<Task<MutationFilter>> Filter)>
        {
            ("refund", "Refund", async () => new MutationFilter { TagsAny = [await TagAsync("Refund", "#dc2626", "Uang dikembalikan ke pelanggan")] }),
            ("supplier", "Supplier", async () => new MutationFilter { TagsAny = [await TagAsync("Supplier", "#7c3aed", "Pembayaran ke pemasok barang")] }),
            ("credit-no-order-today", "Kredit tanpa catatan order hari ini", () => Task.FromResult(new MutationFilter { Preset = DatePreset.Today, Direction = Direction.Credit, WithoutOrderReference = true })),
            ("untagged", "Belum bertag", () => Task.FromResult(new MutationFilter { UntaggedOnly = true })),
            (ImportantDebitsKey, "Debit penting", () => Task.FromResult(new MutationFilter { Direction = Direction.Debit })),
        };
        var position = 0;
        foreach (var (key, name, filter) in wanted)
        {
            position++;
            if (existing.Contains(key)) continue;
            var view = new SavedView { Name = name, Query = (await filter()).ToQueryString(), SystemKey = key, Position = position, CreatedBy = "system", CreatedAt = now };
            db.SavedViews.Add(view);
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Seeds the default views when the app starts (after migrations, which run before hosted services start serving).</summary>
public sealed class SavedViewDefaultsStartup(SavedViewStore store, ILogger<SavedViewDefaultsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.EnsureDefaultsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Default saved views could not be seeded; they will be tried again at the next start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
