using MootaDesk.Core.BankAccounts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Direction = MootaDesk.Core.Mutations.Direction;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Mutations;

public partial class RulesPage
{
    [Inject] public required AutoTagRuleStore Store { get; init; }
    [Inject] public required MutationQueries Queries { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required IStringLocalizer<MutationsText> T { get; init; }
    [Inject] public required IStringLocalizer<SharedText> S { get; init; }

    private IReadOnlyList<AutoTagRule> rules = [];
    private IReadOnlyList<AccountOption> accounts = [];
    private IReadOnlyList<TagOption> tags = [];
    private RuleInput form = new();
    private string? amountMin, amountMax, error, patternError;
    private RulePreview? preview;
    // Refreshed from the store before every action: a demoted person's open tab acts with their current roles.
    private Viewer? viewer;
    private bool busy;

    // A list built once per load, so the multi-select's items stay the same objects between renders.
    private IReadOnlyList<TagOption> ActiveTags { get; set; } = [];

    // MudSelect shows a picked value through these, not through the item's text: names, never ids or enum names.
    private string DirectionName(Direction? d) => d is null ? "" : T[d == Direction.Credit ? "Direction.Credit" : "Direction.Debit"];
    private string StatusName(ReconciliationStatus? s) => s is null ? "" : T["Status." + s];
    private string AccountName(int? id) => accounts.FirstOrDefault(a => a.Id == id)?.Label ?? "";
    private string TagName(int id) => tags.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    /// <summary>The form being edited (for tests: what a save or a preview would send).</summary>
    internal RuleInput Form => form;

    protected override async Task OnInitializedAsync()
    {
        viewer = await CurrentUser.ViewerAsync();
        accounts = await Queries.AccountsAsync();
        tags = await Queries.TagsAsync();
        ActiveTags = tags.Where(t => !t.IsArchived).ToList();
        rules = await Store.ListAsync();
    }

    private string Describe(AutoTagRule r)
    {
        var parts = new List<string>();
        if (r.DescriptionContains is not null) parts.Add(T["Rules.D.Contains", r.DescriptionContains]);
        if (r.DescriptionPattern is not null) parts.Add(T["Rules.D.Pattern", r.DescriptionPattern]);
        if (r.CounterpartyContains is not null) parts.Add(T["Rules.D.Counterparty", r.CounterpartyContains]);
        if (r.AmountMin is decimal min) parts.Add("≥ " + Money.Format(min));
        if (r.AmountMax is decimal max) parts.Add("≤ " + Money.Format(max));
        if (r.Direction is Direction d) parts.Add(T[d == Direction.Credit ? "Direction.Credit" : "Direction.Debit"]);
        if (r.AccountId is int a) parts.Add(accounts.FirstOrDefault(x => x.Id == a)?.Label ?? "#" + a);
        return string.Join(" · ", parts);
    }

    private string DescribeActions(AutoTagRule r)
    {
        var names = r.TagIds.Select(id => tags.FirstOrDefault(t => t.Id == id)?.Name ?? "#" + id).ToList();
        var parts = new List<string>();
        if (names.Count > 0) parts.Add("+ " + string.Join(", ", names));
        if (r.SetStatus is ReconciliationStatus s) parts.Add("→ " + T["Status." + s]);
        return string.Join(" · ", parts);
    }

    private void New()
    {
        form = new RuleInput();
        amountMin = amountMax = error = patternError = null;
        preview = null;
    }

    private void Edit(AutoTagRule r)
    {
        form = RuleInput.From(r);
        amountMin = r.AmountMin is decimal min ? Money.Format(min) : null;
        amountMax = r.AmountMax is decimal max ? Money.Format(max) : null;
        error = patternError = null;
        preview = null;
    }

    /// <summary>Reads the typed amounts into the form; false (with a message) when one cannot be read.</summary>
    private bool ReadAmounts()
    {
        decimal? Read(string? text, out bool ok)
        {
            ok = true;
            if (string.IsNullOrWhiteSpace(text)) return null;
            ok = Money.TryParse(text, out var v) && v >= 0;
            return ok ? v : null;
        }
        form.AmountMin = Read(amountMin, out var okMin);
        form.AmountMax = Read(amountMax, out var okMax);
        if (okMin && okMax) return true;
        error = T[okMin ? "Filter.Error.AmountMax" : "Filter.Error.AmountMin"];
        return false;
    }

    /// <summary>
    /// Says a refusal; one about the pattern is said at the pattern field too ("pola tidak valid" with the parser's detail),
    /// so the person sees where to fix it and keeps everything typed.
    /// </summary>
    private void Refused(string key)
    {
        error = key == "Rule.Error.Pattern" && AutoTagRuleStore.Validate(form) is { Detail: string detail } ? T[key, detail] : T[key];
        patternError = key is "Rule.Error.Pattern" or "Rule.Error.PatternSlow" ? error : null;
    }

    private async Task PreviewAsync()
    {
        if (busy || viewer is null || !ReadAmounts()) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        error = patternError = null;
        try
        {
            preview = await Store.PreviewAsync(form, viewer);
        }
        catch (MutationChangeRefused ex) { Refused(ex.MessageKey); preview = null; }
        finally { busy = false; }
    }

    private async Task SaveAsync()
    {
        if (busy || viewer is null || !ReadAmounts()) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        error = patternError = null;
        try
        {
            await Store.SaveAsync(form, viewer, await CurrentUser.ActorAsync());
            Snackbar.Add(S["Common.Saved"], Severity.Success);
            rules = await Store.ListAsync();
            New();
        }
        catch (MutationChangeRefused ex) { Refused(ex.MessageKey); }
        finally { busy = false; }
    }

    private async Task DeleteAsync(AutoTagRule r)
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        if (await Dialogs.ShowMessageBoxAsync(S["Common.Delete"], T["Rules.DeleteConfirm", r.Name], yesText: S["Common.Delete"], cancelText: S["Common.Cancel"]) != true) return;
        busy = true;
        try
        {
            await Store.DeleteAsync(r.Id, viewer, await CurrentUser.ActorAsync());
            rules = await Store.ListAsync();
        }
        catch (MutationChangeRefused ex) { Snackbar.Add(T[ex.MessageKey], Severity.Warning); }
        finally { busy = false; }
    }

    private async Task MoveAsync(int id, int delta)
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        try
        {
            await Store.MoveAsync(id, delta, viewer, await CurrentUser.ActorAsync());
            rules = await Store.ListAsync();
        }
        finally { busy = false; }
    }

    private async Task ApplyExistingAsync()
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        if (await Dialogs.ShowMessageBoxAsync(T["Rules.ApplyExisting"], T["Rules.ApplyConfirm", AutoTagRuleStore.PreviewDays], yesText: T["Rules.ApplyExisting"],
                cancelText: S["Common.Cancel"]) != true) return;
        busy = true;
        try
        {
            var n = await Store.ApplyToExistingAsync(AutoTagRuleStore.PreviewDays, viewer, await CurrentUser.ActorAsync());
            Snackbar.Add(T["Rules.Applied", MutationsPage.Number(n)], Severity.Success);
        }
        catch (MutationChangeRefused ex) { Snackbar.Add(T[ex.MessageKey], Severity.Warning); }
        finally { busy = false; }
    }
}
