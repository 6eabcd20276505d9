using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Orders;

/// <summary>
/// One order: its transfer instruction, state and the credits that may pay it. While the order is still open to payment the
/// page asks the store every few seconds whether it changed, because a CS agent keeps it open while the customer says
/// "sudah transfer" and the payment arrives by webhook or phone notification on the server, not through this page.
/// </summary>
public partial class OrderDetailPage : IDisposable
{
    /// <summary>How often an open order's page asks whether the order changed (one indexed read of its version).</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(5);

    [Parameter] public int Id { get; set; }

    [Inject] public required OrderDetailQuery Query { get; init; }
    [Inject] public required SettleOrderCommand Settle { get; init; }
    [Inject] public required SimulateTransferCommand Simulate { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IStringLocalizer<OrdersText> T { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required ILogger<OrderDetailPage> Log { get; init; }

    private OrderDetail? Detail { get; set; }
    private bool CanWrite { get; set; }
    private bool loaded;
    private bool busy;
    private string? Message { get; set; }
    private bool MessageIsError { get; set; }
    private readonly CancellationTokenSource _disposed = new();
    private Task? _watch;

    protected override async Task OnParametersSetAsync()
    {
        CanWrite = OrdersAccess.CanWrite(await CurrentUser.ViewerAsync());
        await LoadAsync();
    }

    // After render, never while prerendering; again after a render that shows another, still open order.
    protected override void OnAfterRender(bool firstRender)
    {
        if ((_watch is null || _watch.IsCompleted) && IsOpen(Detail) && !_disposed.IsCancellationRequested) _watch = WatchAsync(_disposed.Token);
    }

    private async Task LoadAsync()
    {
        Detail = await Query.LoadAsync(Id, await CurrentUser.ViewerAsync());
        loaded = true;
    }

    private static bool IsOpen(OrderDetail? detail) => detail?.Order.Status is OrderStatus.Pending or OrderStatus.Expired;

    // Runs for the life of the circuit's page; stops once the order is paid, cancelled or gone. A tick while a person's own
    // action runs is skipped: that action reloads the page itself.
    private async Task WatchAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(WatchInterval, Time);
        try
        {
            while (IsOpen(Detail) && await timer.WaitForNextTickAsync(ct))
            {
                if (busy || Detail is null) continue;
                var version = await Query.VersionAsync(Id, ct);
                if (version == Detail.Order.Version) continue;
                await InvokeAsync(async () =>
                {
                    var wasPaid = Detail?.Order.Status == OrderStatus.Paid;
                    await LoadAsync();
                    if (!wasPaid && Detail?.Order.Status == OrderStatus.Paid) Snackbar.Add(T["Detail.PaidNow"], Severity.Success);
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The page still works; it only stops refreshing itself, and a reload starts again.
            Log.LogWarning(e, "Order {OrderId} page stopped watching for changes", Id);
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    // wa.me opens the chat with the instruction already typed; CS only presses send.
    private async Task OpenWhatsAppAsync(string number, string text) =>
        await Js.InvokeVoidAsync("open", WhatsAppNumber.Link(number, text), "_blank", "noopener");

    private async Task CopyAsync()
    {
        if (Detail is null) return;
        var ok = await Js.InvokeAsync<bool>("mootadesk.copyText", Detail.Instruction);
        Snackbar.Add(ok ? T["Detail.Copied"] : T["Detail.CopyFailed"], ok ? Severity.Success : Severity.Warning);
    }

    private async Task SimulateAsync()
    {
        if (busy || Detail is null) return;
        busy = true;
        try
        {
            var id = await Simulate.SimulateAsync(Id, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
            MessageIsError = id is null;
            Message = id is null ? T["Detail.SimulateRefused"] : T["Detail.Simulated", Money.Format(Detail.Order.PayableAmount)];
            await LoadAsync();
        }
        catch (OrdersWriteDeniedException)
        {
            MessageIsError = true;
            Message = T["Denied"];
        }
        finally
        {
            busy = false;
        }
    }

    private Task MatchAsync(CreditCandidate c) =>
        ChangeAsync(string.Format(T["Detail.ConfirmMatch"], $"{Money.Format(c.Amount)} (#{c.MutationId})"), T["Detail.DoneMatch"],
            (viewer, actor, version) => Settle.MatchAsync(Id, c.MutationId, viewer, actor, version));

    private Task UnmatchAsync() =>
        ChangeAsync(T["Detail.ConfirmUnmatch"], T["Detail.DoneUnmatch"], (viewer, actor, version) => Settle.UnmatchAsync(Id, viewer, actor, version));

    private Task CancelAsync() =>
        ChangeAsync(T["Detail.ConfirmCancel"], T["Detail.DoneCancel"], (viewer, actor, version) => Settle.CancelAsync(Id, viewer, actor, version));

    private async Task ChangeAsync(string question, string done, Func<Viewer, Actor, int?, Task<OrderChangeResult>> change)
    {
        if (busy || Detail is null) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Detail.ConfirmTitle"], question, yesText: T["Detail.Yes"], cancelText: T["Detail.No"]);
        if (confirmed != true) return;
        busy = true;
        try
        {
            var result = await change(await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), Detail.Order.Version);
            MessageIsError = !result.Succeeded;
            Message = result.Succeeded ? done : OrderErrorText.Describe(T, result.ErrorCode!);
            await LoadAsync();
        }
        catch (OrdersWriteDeniedException)
        {
            MessageIsError = true;
            Message = T["Denied"];
        }
        finally
        {
            busy = false;
        }
    }
}
