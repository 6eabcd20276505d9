using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Platform.Configuration;

/// <summary>
/// Settings the Owner changes at run time (business name, important-debit threshold). Configuration gives
/// the defaults; a saved value wins. Read often, written rarely, so values are cached until a save.
/// </summary>
public sealed class BusinessSettings(IDbContextFactory<MootaDeskDbContext> factory, IOptions<MootaDeskOptions> options, TimeProvider time)
{
    public const string BusinessNameKey = "business.name";
    public const string ImportantDebitThresholdKey = "debit.important-threshold";

    private volatile Dictionary<string, string>? _cache;

    public async Task<string> BusinessNameAsync(CancellationToken ct = default) =>
        (await GetAsync(BusinessNameKey, ct)) ?? options.Value.BusinessName;

    public async Task<decimal> ImportantDebitThresholdAsync(CancellationToken ct = default) =>
        decimal.TryParse(await GetAsync(ImportantDebitThresholdKey, ct), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
            ? v : options.Value.ImportantDebitThreshold;

    public async Task<string?> GetAsync(string key, CancellationToken ct = default)
    {
        var cache = _cache;
        if (cache is null)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            cache = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct);
            _cache = cache;
        }
        return cache.GetValueOrDefault(key);
    }

    public async Task SetAsync(string key, string value, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.Settings.FindAsync([key], ct);
        var before = row?.Value;
        if (row is null) db.Settings.Add(row = new AppSetting { Key = key, Value = value });
        row.Value = value;
        row.UpdatedAt = now;
        row.UpdatedBy = actor.Name;
        db.Record(actor, "setting.set", "Setting", key, before is null ? null : new { value = before }, new { value }, now);
        await db.SaveChangesAsync(ct);
        _cache = null;
    }
}
