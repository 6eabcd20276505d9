using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Mutations;
using Direction = MootaDesk.Core.Mutations.Direction;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

/// <summary>
/// Integrasi → Sandbox: practice accounts, a simulated transfer sent as a signed webhook through the real path, and a simulated
/// phone notification. Each result links to exactly the row it became in Mutasi (sandbox rows shown) and to its delivery in the
/// webhook log, so Ops finds the transfer just simulated.
/// </summary>
public partial class SandboxPage : IDisposable
{
    [Inject] public required SandboxCommands Commands { get; init; }
    [Inject] public required NotificationSandbox NotificationSandbox { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    private sealed class SimulationInput
    {
        public int? AccountId { get; set; }
        public string Amount { get; set; } = "";
        public string Sender { get; set; } = "";
        public string Description { get; set; } = "";
        public Direction Direction { get; set; } = Direction.Credit;
    }

    private IReadOnlyList<SandboxAccountRow> Accounts { get; set; } = [];
    private SimulationInput Input { get; } = new();
    private SimulationResult? Last { get; set; }
    private (DeliveryStatus Status, int New, int Duplicates, string? Error)? Outcome { get; set; }

    /// <summary>The row the last simulated webhook became (new, or the provisional row it confirmed); null until processed.</summary>
    private SimulatedMutation? Landed { get; set; }
    private SimulatedMutation? NotificationLanded { get; set; }

    private string? OutcomeText => Outcome is not { } o ? null
        : o.Status == DeliveryStatus.Processed ? T["Sandbox.Outcome.Processed", o.New.ToString("N0"), o.Duplicates.ToString("N0")].Value
        : T["Sandbox.Outcome.Other", T["Status." + o.Status], o.Error ?? ""].Value;
    private int? NotificationAccountId { get; set; }
    private string NotificationAmount { get; set; } = "";
    private string? NotificationResult { get; set; }
    private SandboxAccountKind NewKind { get; set; }
    private string NewLabel { get; set; } = "";
    private bool busy;
    private readonly CancellationTokenSource closing = new();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Accounts = await Commands.ListAccountsAsync();
        Input.AccountId ??= Accounts.FirstOrDefault()?.Id;
        NotificationAccountId ??= Accounts.FirstOrDefault()?.Id;
    }

    private string AccountName(int? id) => Accounts.FirstOrDefault(a => a.Id == id)?.Display ?? "";
    private string KindName(SandboxAccountKind k) => T[k == SandboxAccountKind.VirtualAccount ? "Sandbox.Kind.VA" : "Sandbox.Kind.Transfer"];

    /// <summary>Exactly that sandbox row in Mutasi: its account, bank day and amount, sandbox rows shown, its drawer open.</summary>
    internal static string MutationLinkOf(SimulatedMutation row) => AppUrls.Mutation(row.Id, row.AccountId, row.BankDate, row.Amount, sandbox: true);

    private async Task SimulateNotificationAsync()
    {
        if (busy) return;
        if (NotificationAccountId is not int accountId) { Snackbar.Add(T["Sandbox.Error.Account"], Severity.Warning); return; }
        if (!Money.TryParse(NotificationAmount, out var amount)) { Snackbar.Add(T["Sandbox.Error.Amount"], Severity.Warning); return; }
        busy = true;
        try
        {
            NotificationResult = null;
            NotificationLanded = null;
            var (receipt, error) = await NotificationSandbox.SimulateAsync(accountId, amount, await CurrentUser.ActorAsync());
            if (error is not null) { Snackbar.Add(T[error], Severity.Warning); return; }
            NotificationResult = T["Sandbox.Notification.Sent", receipt!.PostId, T["PostStatus." + receipt.Status]].Value;
            if (receipt.MutationId is long id) NotificationLanded = await Commands.FindSimulatedAsync(id);
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
            if (error is not null) { Snackbar.Add(T[error], Severity.Warning); return; }
            NewLabel = "";
            Input.AccountId = account!.Id;
            NotificationAccountId = account.Id;
            await LoadAsync();
            Snackbar.Add(T["Sandbox.AccountCreated", account.Label], Severity.Success);
        }
        finally { busy = false; }
    }

    private async Task SimulateAsync()
    {
        if (busy) return;
        if (Input.AccountId is not int accountId) { Snackbar.Add(T["Sandbox.Error.Account"], Severity.Warning); return; }
        if (!Money.TryParse(Input.Amount, out var amount) || amount <= 0) { Snackbar.Add(T["Sandbox.Error.Amount"], Severity.Warning); return; }
        busy = true;
        try
        {
            Outcome = null;
            Landed = null;
            Last = await Commands.SimulateAsync(accountId, new SimulatedTransfer(Input.Description, amount, Input.Direction, Input.Sender), await CurrentUser.ActorAsync());
            if (Last.ErrorKey is not null && Last.HttpStatus == 0) Snackbar.Add(T[Last.ErrorKey], Severity.Warning);
            if (Last.DeliveryId is long id && Last.Accepted)
            {
                Outcome = await Commands.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(3), closing.Token);
                if (Outcome is { Status: DeliveryStatus.Pending }) _ = FollowAsync(id, Last.MutationId);
                else Landed = await Commands.FindSimulatedAsync(Last.MutationId);
            }
            await LoadAsync();
        }
        finally { busy = false; }
    }

    /// <summary>
    /// A busy inbox can take longer than the button should stay disabled: keep following the delivery and show its verdict
    /// and the row's link when they come, instead of leaving "Menunggu" on screen for good.
    /// </summary>
    private async Task FollowAsync(long deliveryId, string mootaId)
    {
        try
        {
            var outcome = await Commands.WaitForOutcomeAsync(deliveryId, TimeSpan.FromMinutes(2), closing.Token);
            var landed = await Commands.FindSimulatedAsync(mootaId, closing.Token);
            if (Last?.DeliveryId != deliveryId) return;
            await InvokeAsync(() => { Outcome = outcome; Landed = landed; StateHasChanged(); });
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
