using System.Globalization;
using System.Text;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

/// <summary>Named date ranges of the Mutasi page, all in business time.</summary>
public enum DatePreset { None = 0, Today, Yesterday, Last7Days, ThisMonth, PayrollPeriod }

public enum SandboxFilter { Exclude = 0, Include = 1, Only = 2 }

public enum MutationSort { TimeDesc = 0, TimeAsc, AmountDesc, AmountAsc }

/// <summary>
/// Everything the Mutasi page can filter on. It round-trips through the URL query string
/// (<see cref="ToQueryString"/>/<see cref="Parse"/>), so a filter is a link that can be shared and the
/// back button restores it. Keys are short Indonesian words, readable in a shared link.
/// Unknown keys and malformed values are ignored rather than failing: a hand-edited link still opens.
/// </summary>
public sealed record MutationFilter
{
    public DatePreset Preset { get; init; }

    /// <summary>Local business days, inclusive; used when <see cref="Preset"/> is None.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    public IReadOnlyList<int> AccountIds { get; init; } = [];
    public Direction? Direction { get; init; }
    public decimal? AmountExact { get; init; }
    public decimal? AmountMin { get; init; }
    public decimal? AmountMax { get; init; }

    /// <summary>Case-insensitive text in the description, the counterparty or a current note.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<int> TagsAny { get; init; } = [];
    public IReadOnlyList<int> TagsAll { get; init; } = [];
    public IReadOnlyList<int> TagsNone { get; init; } = [];
    public bool UntaggedOnly { get; init; }
    public bool WithoutNote { get; init; }
    public bool WithoutOrderReference { get; init; }
    public IReadOnlyList<ReconciliationStatus> Statuses { get; init; } = [];
    public IReadOnlyList<MutationSource> Sources { get; init; } = [];
    public SandboxFilter Sandbox { get; init; }
    public MutationSort Sort { get; init; }

    public static readonly MutationFilter Empty = new();

    public bool IsEmpty => this == Empty || ToQueryString().Length == 0;

    // Records compare lists by reference; the URL form is the canonical value.
    public bool Equals(MutationFilter? other) => other is not null && ToQueryString() == other.ToQueryString();
    public override int GetHashCode() => ToQueryString().GetHashCode(StringComparison.Ordinal);

    private static readonly (DatePreset Preset, string Key)[] PresetKeys =
    [
        (DatePreset.Today, "hari-ini"), (DatePreset.Yesterday, "kemarin"), (DatePreset.Last7Days, "7-hari"),
        (DatePreset.ThisMonth, "bulan-ini"), (DatePreset.PayrollPeriod, "gajian"),
    ];

    private static readonly (MutationSort Sort, string Key)[] SortKeys =
    [
        (MutationSort.TimeAsc, "waktu-naik"), (MutationSort.AmountDesc, "jumlah-turun"), (MutationSort.AmountAsc, "jumlah-naik"),
    ];

    private static readonly (ReconciliationStatus Status, string Key)[] StatusKeys =
    [
        (ReconciliationStatus.New, "baru"), (ReconciliationStatus.Matched, "cocok"),
        (ReconciliationStatus.NeedsAttention, "perlu-cek"), (ReconciliationStatus.Resolved, "selesai"),
    ];

    private static readonly (MutationSource Source, string Key)[] SourceKeys =
    [
        (MutationSource.Webhook, "webhook"), (MutationSource.Api, "api"), (MutationSource.Import, "impor"),
        (MutationSource.Notification, "notifikasi"), (MutationSource.Manual, "manual"), (MutationSource.Sandbox, "sandbox"),
    ];

    public static string PresetKey(DatePreset p) => PresetKeys.FirstOrDefault(x => x.Preset == p).Key ?? "";

    /// <summary>The filter as a query string without '?', keys in a fixed order; empty for the empty filter.</summary>
    public string ToQueryString()
    {
        var parts = new List<(string, string)>();
        if (Preset != DatePreset.None) parts.Add(("tgl", PresetKey(Preset)));
        else
        {
            if (From is DateOnly f) parts.Add(("dari", f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            if (To is DateOnly t) parts.Add(("sampai", t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (AccountIds.Count > 0) parts.Add(("rek", Ids(AccountIds)));
        if (Direction is Mutations.Direction d) parts.Add(("arah", d == Mutations.Direction.Credit ? "kredit" : "debit"));
        if (AmountExact is decimal e) parts.Add(("jumlah", Num(e)));
        if (AmountMin is decimal min) parts.Add(("min", Num(min)));
        if (AmountMax is decimal max) parts.Add(("maks", Num(max)));
        if (!string.IsNullOrWhiteSpace(Text)) parts.Add(("q", Text.Trim()));
        if (TagsAny.Count > 0) parts.Add(("tag", Ids(TagsAny)));
        if (TagsAll.Count > 0) parts.Add(("tag-semua", Ids(TagsAll)));
        if (TagsNone.Count > 0) parts.Add(("tag-tanpa", Ids(TagsNone)));
        if (UntaggedOnly) parts.Add(("belum-bertag", "1"));
        if (WithoutNote) parts.Add(("tanpa-catatan", "1"));
        if (WithoutOrderReference) parts.Add(("tanpa-order", "1"));
        if (Statuses.Count > 0) parts.Add(("status", string.Join(',', Statuses.Distinct().Order().Select(s => StatusKeys.First(k => k.Status == s).Key))));
        if (Sources.Count > 0) parts.Add(("sumber", string.Join(',', Sources.Distinct().Order().Select(s => SourceKeys.First(k => k.Source == s).Key))));
        if (Sandbox != SandboxFilter.Exclude) parts.Add(("sandbox", Sandbox == SandboxFilter.Include ? "ya" : "saja"));
        if (Sort != MutationSort.TimeDesc) parts.Add(("urut", SortKeys.First(k => k.Sort == Sort).Key));

        var sb = new StringBuilder();
        foreach (var (k, v) in parts)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(k).Append('=').Append(Uri.EscapeDataString(v));
        }
        return sb.ToString();
    }

    /// <summary>Reads a query string (with or without '?', or a full URL).</summary>
    public static MutationFilter Parse(string? queryOrUrl)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(queryOrUrl))
        {
            var q = queryOrUrl;
            var mark = q.IndexOf('?');
            if (mark >= 0) q = q[(mark + 1)..];
            var hash = q.IndexOf('#');
            if (hash >= 0) q = q[..hash];
            foreach (var pair in q.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                var key = Unescape(eq < 0 ? pair : pair[..eq]);
                var value = eq < 0 ? "" : Unescape(pair[(eq + 1)..]);
                values[key] = value;
            }
        }
        return Parse(values);
    }

    public static MutationFilter Parse(IReadOnlyDictionary<string, string> v)
    {
        string? Get(string k) => v.TryGetValue(k, out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
        bool Flag(string k) => Get(k) is "1" or "ya" or "true";

        var preset = Get("tgl") is string p ? PresetKeys.FirstOrDefault(x => x.Key == p).Preset : DatePreset.None;
        return new MutationFilter
        {
            Preset = preset,
            From = preset == DatePreset.None ? Day(Get("dari")) : null,
            To = preset == DatePreset.None ? Day(Get("sampai")) : null,
            AccountIds = ParseIds(Get("rek")),
            Direction = Get("arah") switch { "kredit" => Mutations.Direction.Credit, "debit" => Mutations.Direction.Debit, _ => null },
            AmountExact = Amount(Get("jumlah")),
            AmountMin = Amount(Get("min")),
            AmountMax = Amount(Get("maks")),
            Text = Get("q") is string text ? text[..Math.Min(text.Length, 200)] : null,
            TagsAny = ParseIds(Get("tag")),
            TagsAll = ParseIds(Get("tag-semua")),
            TagsNone = ParseIds(Get("tag-tanpa")),
            UntaggedOnly = Flag("belum-bertag"),
            WithoutNote = Flag("tanpa-catatan"),
            WithoutOrderReference = Flag("tanpa-order"),
            Statuses = Keys(Get("status"), StatusKeys),
            Sources = Keys(Get("sumber"), SourceKeys),
            Sandbox = Get("sandbox") switch { "ya" => SandboxFilter.Include, "saja" => SandboxFilter.Only, _ => SandboxFilter.Exclude },
            Sort = Get("urut") is string s ? SortKeys.FirstOrDefault(x => x.Key == s).Sort : MutationSort.TimeDesc,
        };
    }

    /// <summary>The half-open UTC range this filter covers, or nulls for "any time".</summary>
    public (DateTime? StartUtc, DateTime? EndUtc) TimeRangeUtc(BusinessClock clock)
    {
        var (from, to) = LocalDays(clock.Today);
        DateTime? start = from is DateOnly f ? clock.DayRangeUtc(f).StartUtc : null;
        DateTime? end = to is DateOnly t ? clock.DayRangeUtc(t).EndUtc : null;
        return (start, end);
    }

    /// <summary>The local days (inclusive) the preset or explicit range stands for, given today.</summary>
    public (DateOnly? From, DateOnly? To) LocalDays(DateOnly today) => Preset switch
    {
        DatePreset.Today => (today, today),
        DatePreset.Yesterday => (today.AddDays(-1), today.AddDays(-1)),
        DatePreset.Last7Days => (today.AddDays(-6), today),
        DatePreset.ThisMonth => (new DateOnly(today.Year, today.Month, 1), today),
        DatePreset.PayrollPeriod => PayrollPeriod(today),
        _ => (From, To),
    };

    /// <summary>
    /// The pay period runs from the 25th to the 5th of the next month. On those days it is the running
    /// period; between the 6th and the 24th it is the period that just ended, which is what Finance checks.
    /// </summary>
    public static (DateOnly From, DateOnly To) PayrollPeriod(DateOnly today)
    {
        var thisMonth25 = new DateOnly(today.Year, today.Month, 25);
        if (today.Day >= 25) return (thisMonth25, thisMonth25.AddMonths(1).AddDays(-20));
        var start = thisMonth25.AddMonths(-1);
        return (start, new DateOnly(today.Year, today.Month, 5));
    }

    private static string Ids(IEnumerable<int> ids) => string.Join(',', ids.Distinct().Order());
    private static string Num(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    private static DateOnly? Day(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static decimal? Amount(string? s) =>
        decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d >= 0 && d < 1_000_000_000_000m
            ? decimal.Round(d, 2) : null;

    private static IReadOnlyList<int> ParseIds(string? s) =>
        s is null ? [] : s.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().Order().Take(50).ToList();

    private static IReadOnlyList<T> Keys<T>(string? s, (T Value, string Key)[] table) =>
        s is null ? [] : s.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => table.FirstOrDefault(k => k.Key == x)).Where(k => k.Key is not null).Select(k => k.Value).Distinct().ToList();
}
