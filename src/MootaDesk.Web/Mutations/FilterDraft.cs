using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;

namespace MootaDesk.Web.Mutations;

/// <summary>
/// The filter panel's editable state: what the inputs hold (amounts as typed, dates as picked) and the
/// conversion to and from a <see cref="MutationFilter"/>. Kept out of the .razor file so its rules are testable.
/// </summary>
public sealed class FilterDraft
{
    public DatePreset Preset { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public IReadOnlyCollection<int> AccountIds { get; set; } = [];
    public Direction? Direction { get; set; }
    public string? AmountExact { get; set; }
    public string? AmountMin { get; set; }
    public string? AmountMax { get; set; }
    public string? Text { get; set; }
    public IReadOnlyCollection<int> TagsAny { get; set; } = [];
    public IReadOnlyCollection<int> TagsAll { get; set; } = [];
    public IReadOnlyCollection<int> TagsNone { get; set; } = [];
    public bool UntaggedOnly { get; set; }
    public bool WithoutNote { get; set; }
    public bool WithoutOrderReference { get; set; }
    public IReadOnlyCollection<ReconciliationStatus> Statuses { get; set; } = [];
    public IReadOnlyCollection<MutationSource> Sources { get; set; } = [];
    public SandboxFilter Sandbox { get; set; }
    public MutationSort Sort { get; set; }

    public static FilterDraft Of(MutationFilter f) => new()
    {
        Preset = f.Preset,
        From = f.From?.ToDateTime(TimeOnly.MinValue),
        To = f.To?.ToDateTime(TimeOnly.MinValue),
        AccountIds = f.AccountIds.ToList(),
        Direction = f.Direction,
        AmountExact = f.AmountExact is decimal e ? Money.Format(e) : null,
        AmountMin = f.AmountMin is decimal min ? Money.Format(min) : null,
        AmountMax = f.AmountMax is decimal max ? Money.Format(max) : null,
        Text = f.Text,
        TagsAny = f.TagsAny.ToList(),
        TagsAll = f.TagsAll.ToList(),
        TagsNone = f.TagsNone.ToList(),
        UntaggedOnly = f.UntaggedOnly,
        WithoutNote = f.WithoutNote,
        WithoutOrderReference = f.WithoutOrderReference,
        Statuses = f.Statuses.ToList(),
        Sources = f.Sources.ToList(),
        Sandbox = f.Sandbox,
        Sort = f.Sort,
    };

    /// <summary>The filter, or the text keys of the fields that could not be read (nothing is silently dropped).</summary>
    public (MutationFilter? Filter, IReadOnlyList<string> Errors) ToFilter()
    {
        var errors = new List<string>();
        decimal? Amount(string? text, string key)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (Money.TryParse(text, out var v) && v >= 0) return v;
            errors.Add(key);
            return null;
        }
        var exact = Amount(AmountExact, "Filter.Error.AmountExact");
        var min = Amount(AmountMin, "Filter.Error.AmountMin");
        var max = Amount(AmountMax, "Filter.Error.AmountMax");
        if (min is decimal a && max is decimal b && a > b) errors.Add("Filter.Error.AmountRange");
        DateOnly? from = Preset == DatePreset.None && From is DateTime f ? DateOnly.FromDateTime(f) : null;
        DateOnly? to = Preset == DatePreset.None && To is DateTime t ? DateOnly.FromDateTime(t) : null;
        if (from is DateOnly x && to is DateOnly y && x > y) errors.Add("Filter.Error.DateRange");
        if (errors.Count > 0) return (null, errors);
        return (new MutationFilter
        {
            Preset = Preset,
            From = from,
            To = to,
            AccountIds = AccountIds.ToList(),
            Direction = Direction,
            AmountExact = exact,
            AmountMin = min,
            AmountMax = max,
            Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            TagsAny = TagsAny.ToList(),
            TagsAll = TagsAll.ToList(),
            TagsNone = TagsNone.ToList(),
            UntaggedOnly = UntaggedOnly,
            WithoutNote = WithoutNote,
            WithoutOrderReference = WithoutOrderReference,
            Statuses = Statuses.ToList(),
            Sources = Sources.ToList(),
            Sandbox = Sandbox,
            Sort = Sort,
        }, errors);
    }
}
