using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Platform;

namespace MootaDesk.Web.Orders;

public partial class NewOrderPage
{
    [Inject] public required CreateOrdersCommand Command { get; init; }
    [Inject] public required OrderListQuery Query { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required OrderOptions Options { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required IStringLocalizer<OrdersText> T { get; init; }

    private sealed record AccountChoice(int Id, string Text);

    private IReadOnlyList<AccountChoice>? Accounts { get; set; }
    private string? Reference { get; set; }
    private string? CustomerName { get; set; }
    private string? WhatsApp { get; set; }
    private string? AmountText { get; set; }
    private int? AccountId { get; set; }
    private DateTime? ExpiresDate { get; set; }
    private TimeSpan? ExpiresTime { get; set; }
    private string? FormError { get; set; }
    private Dictionary<string, List<string>> Errors { get; } = new();
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        var accounts = await Query.AccountsAsync();
        Accounts = accounts.Select(a => new AccountChoice(a.Id,
            $"{a.Label} · {BankNames.Display(a.BankCode)} {a.AccountNumber}{(a.IsSandbox ? " (" + T["Sandbox"] + ")" : "")}")).ToList();
        if (accounts.Count(a => !a.IsSandbox) == 1) AccountId = accounts.First(a => !a.IsSandbox).Id;
        var local = Clock.LocalNow.AddHours(Options.DefaultExpiryHours);
        ExpiresDate = local.Date;
        ExpiresTime = new TimeSpan(local.Hour, local.Minute, 0);
    }

    private bool HasError(string field) => Errors.ContainsKey(field);

    private string? ErrorText(string field) => Errors.TryGetValue(field, out var list) ? string.Join(" ", list) : null;

    private string AccountText(int? id) => Accounts?.FirstOrDefault(a => a.Id == id)?.Text ?? "";

    /// <summary>The expiry the clerk picked, in the business zone; the time defaults to midnight when only a day is picked.</summary>
    internal static DateTime? ExpiryLocal(DateTime? date, TimeSpan? time) => date is DateTime d ? d.Date + (time ?? TimeSpan.Zero) : null;

    private async Task CreateAsync()
    {
        if (busy) return;
        busy = true;
        Errors.Clear();
        FormError = null;
        try
        {
            decimal? amount = null;
            if (!string.IsNullOrWhiteSpace(AmountText))
            {
                if (Money.TryParse(AmountText, out var a)) amount = a;
                else Errors[OrderFields.Amount] = [OrderErrorText.Describe(T, new OrderFieldError(OrderFields.Amount, "AmountUnreadable", AmountText))];
            }
            if (Errors.Count > 0) { FormError = T["Form.Failed"]; return; }

            var request = new OrderRequest
            {
                Reference = Reference,
                CustomerName = CustomerName,
                WhatsApp = WhatsApp,
                Amount = amount,
                AccountId = AccountId,
                AccountNumber = AccountId is null ? "" : null,
                ExpiresAtUtc = ExpiryLocal(ExpiresDate, ExpiresTime) is DateTime local ? Clock.ToUtc(local) : null,
            };
            var result = await Command.CreateAsync([request], await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
            if (result.Succeeded)
            {
                Nav.NavigateTo(AppUrls.Order(result.Created[0].Id));
                return;
            }
            foreach (var e in result.Errors.SelectMany(x => x.Errors))
            {
                if (!Errors.TryGetValue(e.Field, out var list)) Errors[e.Field] = list = [];
                list.Add(OrderErrorText.Describe(T, e));
            }
            FormError = T["Form.Failed"];
        }
        catch (OrdersWriteDeniedException)
        {
            FormError = T["Denied"];
        }
        finally
        {
            busy = false;
        }
    }
}
