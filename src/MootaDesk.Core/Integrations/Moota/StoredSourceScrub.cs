using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Integrations.Moota;

/// <summary>
/// Data migration step (issue 10, "no secrets at rest"): rewrites what earlier versions stored as a Moota mutation's source
/// (<see cref="Mutation.RawSource"/> of webhook, API and sandbox rows) through <see cref="MootaSecrets.MutationRawSource(string?)"/>,
/// so the bank login and <c>meta</c> tokens they kept are gone. C# rather than SQL, because the rule (an allow-list, names
/// like "*token*" at any depth, broken text) is the same code that guards new rows, which SQLite's json functions cannot
/// express without a second copy of the rule.
/// It runs in the background after start-up, in small batches with a cursor kept in <see cref="AppSetting"/> (key
/// <see cref="CursorKey"/>: the last id done, then "done"), so a million rows never hold up the first page or the inbox,
/// a restart resumes where it stopped, and a finished scrub costs one read per start. Webhook deliveries are scrubbed by the
/// inbox processor (<c>WebhookDelivery.BodyRedacted</c>).
/// </summary>
public sealed class StoredSourceScrub(IDbContextFactory<MootaDeskDbContext> factory, TimeProvider time)
{
    public const string CursorKey = "scrub:mutation-raw-source:v1";
    public const string Finished = "done";

    public int BatchSize { get; init; } = 500;

    /// <summary>Scrubs the next batch; false once everything is done (and from then on, at once).</summary>
    public async Task<bool> ScrubNextAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var cursor = await db.Settings.FirstOrDefaultAsync(s => s.Key == CursorKey, ct);
        if (cursor?.Value == Finished) return false;
        var after = cursor is null ? 0 : long.Parse(cursor.Value, CultureInfo.InvariantCulture);

        var rows = await db.Mutations.AsNoTracking()
            .Where(m => m.Id > after && m.RawSource != null
                        && (m.Source == MutationSource.Webhook || m.Source == MutationSource.Api || m.Source == MutationSource.Sandbox))
            .OrderBy(m => m.Id).Take(BatchSize).Select(m => new { m.Id, m.RawSource }).ToListAsync(ct);

        await using var tx = await db.BeginWriteAsync(ct);
        foreach (var row in rows)
        {
            var clean = MootaSecrets.MutationRawSource(row.RawSource);
            if (clean == row.RawSource) continue;
            await db.Mutations.Where(m => m.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.RawSource, clean), ct);
        }
        if (cursor is null) db.Settings.Add(cursor = new AppSetting { Key = CursorKey, Value = "0" });
        cursor.Value = rows.Count < BatchSize ? Finished : rows[^1].Id.ToString(CultureInfo.InvariantCulture);
        cursor.UpdatedAt = time.GetUtcNow().UtcDateTime;
        cursor.UpdatedBy = "system:scrub";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return cursor.Value != Finished;
    }
}
