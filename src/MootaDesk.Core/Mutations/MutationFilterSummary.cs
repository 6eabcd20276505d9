using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

/// <summary>
/// A filter in words for what leaves the screen (the export's "Ringkasan" sheet, the printed Mutasi list): tags and
/// accounts by their names, days as dates, amounts in rupiah, never the ids or keys of the link. Indonesian, like the
/// export's headers: a file or a printout is read by the team and the accountant, not in one person's UI language.
/// </summary>
public static class MutationFilterSummary
{
    /// <summary>
    /// "Periode: Hari ini (30 Nov 2026) · Arah: Kredit · Tag (salah satu): DP, COD · Teks: “VA PAYMENT”", or "semua mutasi".
    /// An id with no name (a tag deleted since) is shown as "#id" rather than dropped.
    /// </summary>
    /// <param name="tagNames">Tag id → name.</param>
    /// <param name="accountNames">Account id → label.</param>
    /// <param name="today">The business day, to say which dates a preset stands for.</param>
    public static string Describe(MutationFilter filter, IReadOnlyDictionary<int, string> tagNames, IReadOnlyDictionary<int, string> accountNames, DateOnly today)
    {
        var id = CultureInfo.GetCultureInfo("id-ID");
        var parts = new List<string>();
        string Names(IEnumerable<int> ids, IReadOnlyDictionary<int, string> names) =>
            string.Join(", ", ids.Select(i => names.TryGetValue(i, out var n) ? n : "#" + i.ToString(CultureInfo.InvariantCulture)));
        string Day(DateOnly d) => BusinessClock.FormatDay(d, id);

        var (from, to) = filter.LocalDays(today);
        var period = filter.Preset switch
        {
            DatePreset.Today => "Hari ini",
            DatePreset.Yesterday => "Kemarin",
            DatePreset.Last7Days => "7 hari terakhir",
            DatePreset.ThisMonth => "Bulan ini",
            DatePreset.PayrollPeriod => "Periode gajian",
            _ => null,
        };
        var range = (from, to) switch
        {
            (DateOnly f, DateOnly t) when f == t => Day(f),
            (DateOnly f, DateOnly t) => $"{Day(f)} – {Day(t)}",
            (DateOnly f, null) => "sejak " + Day(f),
            (null, DateOnly t) => "sampai " + Day(t),
            _ => null,
        };
        if (period is not null) parts.Add($"Periode: {period} ({range})");
        else if (range is not null) parts.Add("Periode: " + range);
        if (filter.AccountIds.Count > 0) parts.Add("Rekening: " + Names(filter.AccountIds, accountNames));
        if (filter.Direction is Direction d) parts.Add("Arah: " + (d == Direction.Credit ? "Kredit" : "Debit"));
        if (filter.AmountExact is decimal e) parts.Add("Jumlah: " + Money.Format(e));
        if (filter.AmountMin is decimal min) parts.Add("Minimal: " + Money.Format(min));
        if (filter.AmountMax is decimal max) parts.Add("Maksimal: " + Money.Format(max));
        if (!string.IsNullOrWhiteSpace(filter.Text)) parts.Add($"Teks: “{filter.Text.Trim()}”");
        if (filter.TagsAny.Count > 0) parts.Add("Tag (salah satu): " + Names(filter.TagsAny, tagNames));
        if (filter.TagsAll.Count > 0) parts.Add("Tag (semua): " + Names(filter.TagsAll, tagNames));
        if (filter.TagsNone.Count > 0) parts.Add("Tanpa tag: " + Names(filter.TagsNone, tagNames));
        if (filter.UntaggedOnly) parts.Add("Belum bertag");
        if (filter.WithoutNote) parts.Add("Tanpa catatan");
        if (filter.WithoutOrderReference) parts.Add("Tanpa nomor pesanan");
        if (filter.Statuses.Count > 0) parts.Add("Status: " + string.Join(", ", filter.Statuses.Select(MutationExport.StatusText)));
        if (filter.Sources.Count > 0) parts.Add("Sumber: " + string.Join(", ", filter.Sources.Select(SourceText)));
        if (filter.Sandbox == SandboxFilter.Include) parts.Add("Termasuk data demo");
        if (filter.Sandbox == SandboxFilter.Only) parts.Add("Hanya data demo");
        return parts.Count == 0 ? "semua mutasi" : string.Join(" · ", parts);
    }

    /// <summary><see cref="Describe(MutationFilter, IReadOnlyDictionary{int, string}, IReadOnlyDictionary{int, string}, DateOnly)"/> with the names read from the store.</summary>
    public static async Task<string> DescribeAsync(IDbContextFactory<MootaDeskDbContext> factory, MutationFilter filter, DateOnly today, CancellationToken ct = default)
    {
        var tagIds = filter.TagsAny.Concat(filter.TagsAll).Concat(filter.TagsNone).Distinct().ToList();
        var accountIds = filter.AccountIds.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var tags = tagIds.Count == 0 ? new Dictionary<int, string>()
            : await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var accounts = accountIds.Count == 0 ? new Dictionary<int, string>()
            : await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Label, ct);
        return Describe(filter, tags, accounts, today);
    }

    /// <summary>The channel a mutation came by, in words.</summary>
    public static string SourceText(MutationSource s) => s switch
    {
        MutationSource.Webhook => "Webhook",
        MutationSource.Api => "API Moota",
        MutationSource.Import => "Impor mutasi",
        MutationSource.Notification => "Notifikasi HP",
        MutationSource.Manual => "Manual",
        MutationSource.Sandbox => "Demo",
        _ => s.ToString(),
    };
}
