using MootaDesk.Core.BankAccounts;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;
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
    [Inject] public required NotificationService Notify { get; init; }
    [Inject] public required DialogService Dialogs { get; init; }
    [Inject] public required IStringLocalizer<MutationsText> T { get; init; }
    [Inject] public required IStringLocalizer<SharedText> S { get; init; }

    private IReadOnlyList<AutoTagRule> rules = [];
    private IReadOnlyList<AccountOption> accounts = [];
    private IReadOnlyList<TagOption> tags = [];
    private RuleInput form = new();
    private string? amountMin, amountMax, error;
    private RulePreview? preview;
    // Refreshed from the store before every action: a demoted person's open tab acts with their current roles.
    private Viewer? viewer;
    private bool busy;

    // A list built once per load: a fresh enumerable on every render made the multi-select rebuild its items and
    // drop the tick (no tag could be picked for a rule).
    private IReadOnlyList<TagOption> ActiveTags { get; set; } = [];
    private IReadOnlyList<Choice<Direction?>> Directions => [new(Direction.Credit, T["Direction.Credit"]), new(Direction.Debit, T["Direction.Debit"])];
    private IReadOnlyList<Choice<ReconciliationStatus?>> StatusOptions =>
        Enum.GetValues<ReconciliationStatus>().Select(s => new Choice<ReconciliationStatus?>(s, T["Status." + s])).ToList();

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
        amountMin = amountMax = error = null;
        preview = null;
    }

    private void Edit(AutoTagRule r)
    {
        form = RuleInput.From(r);
        amountMin = r.AmountMin is decimal min ? Money.Format(min) : null;
        amountMax = r.AmountMax is decimal max ? Money.Format(max) : null;
        error = null;
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

    private string Message(string key) =>
        key == "Rule.Error.Pattern" && AutoTagRuleStore.Validate(form) is { Detail: string detail } ? T[key, detail] : T[key];

    private async Task PreviewAsync()
    {
        if (busy || viewer is null || !ReadAmounts()) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        error = null;
        try
        {
            preview = await Store.PreviewAsync(form, viewer);
        }
        catch (MutationChangeRefused ex) { error = Message(ex.MessageKey); preview = null; }
        finally { busy = false; }
    }

    private async Task SaveAsync()
    {
        if (busy || viewer is null || !ReadAmounts()) return;
        viewer = await CurrentUser.ViewerAsync();
        busy = true;
        error = null;
        try
        {
            await Store.SaveAsync(form, viewer, await CurrentUser.ActorAsync());
            Notify.Notify(NotificationSeverity.Success, S["Common.Saved"]);
            rules = await Store.ListAsync();
            New();
        }
        catch (MutationChangeRefused ex) { error = Message(ex.MessageKey); }
        finally { busy = false; }
    }

    private async Task DeleteAsync(AutoTagRule r)
    {
        if (busy || viewer is null) return;
        viewer = await CurrentUser.ViewerAsync();
        if (await Dialogs.Confirm(T["Rules.DeleteConfirm", r.Name], S["Common.Delete"], new ConfirmOptions { OkButtonText = S["Common.Delete"], CancelButtonText = S["Common.Cancel"] }) != true) return;
        busy = true;
        try
        {
            await Store.DeleteAsync(r.Id, viewer, await CurrentUser.ActorAsync());
            rules = await Store.ListAsync();
        }
        catch (MutationChangeRefused ex) { Notify.Notify(NotificationSeverity.Warning, T[ex.MessageKey]); }
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
        if (await Dialogs.Confirm(T["Rules.ApplyConfirm", AutoTagRuleStore.PreviewDays], T["Rules.ApplyExisting"],
                new ConfirmOptions { OkButtonText = T["Rules.ApplyExisting"], CancelButtonText = S["Common.Cancel"] }) != true) return;
        busy = true;
        try
        {
            var n = await Store.ApplyToExistingAsync(AutoTagRuleStore.PreviewDays, viewer, await CurrentUser.ActorAsync());
            Notify.Notify(NotificationSeverity.Success, T["Rules.Applied", n.ToString("N0", CultureInfo.CurrentUICulture)]);
        }
        catch (MutationChangeRefused ex) { Notify.Notify(NotificationSeverity.Warning, T[ex.MessageKey]); }
        finally { busy = false; }
    }
}
