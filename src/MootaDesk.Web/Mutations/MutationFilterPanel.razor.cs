using MootaDesk.Core.BankAccounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Mutations;

namespace MootaDesk.Web.Mutations;

public sealed record Choice<T>(T Value, string Text);

public partial class MutationFilterPanel
{
    [Inject] public required IStringLocalizer<MutationsText> T { get; init; }

    [Parameter] public MutationFilter Filter { get; set; } = MutationFilter.Empty;
    [Parameter] public IReadOnlyList<AccountOption> Accounts { get; set; } = [];
    [Parameter] public IReadOnlyList<TagOption> Tags { get; set; } = [];
    [Parameter] public EventCallback<MutationFilter> OnApply { get; set; }

    private FilterDraft Draft { get; set; } = new();
    private MutationFilter? shown;
    private IReadOnlyList<string> errors = [];
    private bool expanded;

    private IReadOnlyList<Choice<DatePreset>> Presets => [
        new(DatePreset.None, T["Preset.None"]), new(DatePreset.Today, T["Preset.Today"]), new(DatePreset.Yesterday, T["Preset.Yesterday"]),
        new(DatePreset.Last7Days, T["Preset.Last7Days"]), new(DatePreset.ThisMonth, T["Preset.ThisMonth"]), new(DatePreset.PayrollPeriod, T["Preset.Payroll"])];

    private IReadOnlyList<Choice<Direction?>> Directions => [new(Direction.Credit, T["Direction.Credit"]), new(Direction.Debit, T["Direction.Debit"])];

    private IReadOnlyList<Choice<MutationSort>> Sorts => [
        new(MutationSort.TimeDesc, T["Sort.TimeDesc"]), new(MutationSort.TimeAsc, T["Sort.TimeAsc"]),
        new(MutationSort.AmountDesc, T["Sort.AmountDesc"]), new(MutationSort.AmountAsc, T["Sort.AmountAsc"])];

    private IReadOnlyList<Choice<ReconciliationStatus>> StatusOptions => Enum.GetValues<ReconciliationStatus>().Select(s => new Choice<ReconciliationStatus>(s, T["Status." + s])).ToList();

    private IReadOnlyList<Choice<MutationSource>> SourceOptions => Enum.GetValues<MutationSource>().Select(s => new Choice<MutationSource>(s, T["Source." + s])).ToList();

    private IReadOnlyList<Choice<SandboxFilter>> SandboxOptions => [
        new(SandboxFilter.Exclude, T["Sandbox.Exclude"]), new(SandboxFilter.Include, T["Sandbox.Include"]), new(SandboxFilter.Only, T["Sandbox.Only"])];

    // MudSelect shows a picked value through these, not through the item's text: names, never ids or enum names.
    private string PresetName(DatePreset p) => Presets.FirstOrDefault(x => x.Value == p)?.Text ?? "";
    private string DirectionName(Direction? d) => d is null ? "" : T[d == Direction.Credit ? "Direction.Credit" : "Direction.Debit"];
    private string SortName(MutationSort s) => T["Sort." + s];
    private string StatusName(ReconciliationStatus s) => T["Status." + s];
    private string SourceName(MutationSource s) => T["Source." + s];
    private string SandboxName(SandboxFilter s) => T["Sandbox." + s];
    private string AccountName(int id) => Accounts.FirstOrDefault(a => a.Id == id)?.Label ?? "";
    private string TagName(int id) => Tags.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    protected override void OnParametersSet()
    {
        // Only a new filter from outside (URL, saved view, back button) resets what the person is typing.
        if (shown is not null && shown.Equals(Filter)) return;
        shown = Filter;
        Draft = FilterDraft.Of(Filter);
        errors = [];
        expanded = expanded || HasAdvanced(Filter);
    }

    private static bool HasAdvanced(MutationFilter f) =>
        f.AccountIds.Count > 0 || f.AmountExact is not null || f.AmountMin is not null || f.AmountMax is not null || f.TagsAny.Count > 0
        || f.TagsAll.Count > 0 || f.TagsNone.Count > 0 || f.UntaggedOnly || f.WithoutNote || f.WithoutOrderReference || f.Statuses.Count > 0
        || f.Sources.Count > 0 || f.Sandbox == SandboxFilter.Only;

    private async Task ApplyAsync()
    {
        var (filter, problems) = Draft.ToFilter();
        errors = problems;
        if (filter is null) return;
        shown = filter;
        await OnApply.InvokeAsync(filter);
    }

    private async Task ResetAsync()
    {
        Draft = new FilterDraft();
        errors = [];
        shown = MutationFilter.Empty;
        await OnApply.InvokeAsync(MutationFilter.Empty);
    }

    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await ApplyAsync();
    }
}
