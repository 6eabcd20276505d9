using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

public partial class SandboxPage : IDisposable
{
    [Inject] public required SandboxCommands Commands { get; init; }
    [Inject] public required NotificationSandbox NotificationSandbox { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required NotificationService Notify { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    private sealed record Option<TValue>(TValue Value, string Text);

    private sealed class SimulationInput
    {
        public int? AccountId { get; set; }
        public string Amount { get; set; } = "";
        public string Sender { get; set; } = "";
        public string Description { get; set; } = "";
        public Direction Direction { get; set; } = Direction.Credit;
    }

    private IReadOnlyList<SandboxAccountRow> Accounts { get; set; } = [];
    private IReadOnlyList<Option<Direction>> Directions { get; set; } = [];
    private IReadOnlyList<Option<SandboxAccountKind>> Kinds { get; set; } = [];
    private SimulationInput Input { get; } = new();
    private SimulationResult? Last { get; set; }
    private (DeliveryStatus Status, int New, int Duplicates, string? Error)? Outcome { get; set; }

    private string? OutcomeText => Outcome is not { } o ? null
        : o.Status == DeliveryStatus.Processed ? T["Sandbox.Outcome.Processed", o.New, o.Duplicates].Value
        : T["Sandbox.Outcome.Other", T["Status." + o.Status], o.Error ?? ""].Value;
    private int? NotificationAccountId { get; set; }
    private string NotificationAmount { get; set; } = "";
    private string? NotificationResult { get; set; }
    private SandboxAccountKind NewKind { get; set; }
    private string NewLabel { get; set; } = "";
    private bool busy;
    private readonly CancellationTokenSource closing = new();

    protected override async Task OnInitializedAsync()
    {
        Directions = [new(Direction.Credit, T["Sandbox.Credit"]), new(Direction.Debit, T["Sandbox.Debit"])];
        Kinds = [new(SandboxAccountKind.BankTransfer, T["Sandbox.Kind.Transfer"]), new(SandboxAccountKind.VirtualAccount, T["Sandbox.Kind.VA"])];
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Accounts = await Commands.ListAccountsAsync();
        Input.AccountId ??= Accounts.FirstOrDefault()?.Id;
        NotificationAccountId ??= Accounts.FirstOrDefault()?.Id;
    }

    private async Task SimulateNotificationAsync()
    {
        if (busy) return;
        if (NotificationAccountId is not int accountId) { Notify.Notify(NotificationSeverity.Warning, T["Sandbox.Error.Account"]); return; }
        if (!Money.TryParse(NotificationAmount, out var amount)) { Notify.Notify(NotificationSeverity.Warning, T["Sandbox.Error.Amount"]); return; }
        busy = true;
        try
        {
            var (receipt, error) = await NotificationSandbox.SimulateAsync(accountId, amount, await CurrentUser.ActorAsync());
            if (error is not null) { Notify.Notify(NotificationSeverity.Warning, T[error]); return; }
            NotificationResult = T["Sandbox.Notification.Sent", receipt!.PostId, T["PostStatus." + receipt.Status]].Value;
            await LoadAsync();
        }
        finally { busy = false; }
    }

    private async Task CreateAccountAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            var (account, error) = await Commands.CreateAccountAsync(NewKind, NewLabel, await CurrentUser.ActorAsync());
            if (error is not null) { Notify.Notify(NotificationSeverity.Warning, T[error]); return; }
            NewLabel = "";
            Input.AccountId = account!.Id;
            await LoadAsync();
            Notify.Notify(NotificationSeverity.Success, T["Sandbox.AccountCreated", account.Label]);
        }
        finally { busy = false; }
    }

    private async Task SimulateAsync()
    {
        if (busy) return;
        if (Input.AccountId is not int accountId) { Notify.Notify(NotificationSeverity.Warning, T["Sandbox.Error.Account"]); return; }
        if (!Money.TryParse(Input.Amount, out var amount) || amount <= 0) { Notify.Notify(NotificationSeverity.Warning, T["Sandbox.Error.Amount"]); return; }
        busy = true;
        try
        {
            Outcome = null;
            Last = await Commands.SimulateAsync(accountId, new SimulatedTransfer(Input.Description, amount, Input.Direction, Input.Sender), await CurrentUser.ActorAsync());
            if (Last.ErrorKey is not null && Last.HttpStatus == 0) Notify.Notify(NotificationSeverity.Warning, T[Last.ErrorKey]);
            if (Last.DeliveryId is long id && Last.Accepted)
            {
                Outcome = await Commands.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(3), closing.Token);
                // A busy inbox can take longer than the button should stay disabled: keep following the delivery and
                // show its verdict when it comes, instead of leaving "Menunggu" on screen for good.
                if (Outcome is { Status: DeliveryStatus.Pending }) _ = FollowAsync(id);
            }
            await LoadAsync();
        }
        finally { busy = false; }
    }

    private async Task FollowAsync(long deliveryId)
    {
        try
        {
            var outcome = await Commands.WaitForOutcomeAsync(deliveryId, TimeSpan.FromMinutes(2), closing.Token);
            if (Last?.DeliveryId != deliveryId) return;
            await InvokeAsync(() => { Outcome = outcome; StateHasChanged(); });
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
