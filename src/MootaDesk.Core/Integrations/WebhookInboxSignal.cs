using System.Threading.Channels;

namespace MootaDesk.Core.Integrations;

/// <summary>
/// Wakes the webhook inbox processor as soon as a delivery is committed, so a mutation is stored within milliseconds
/// instead of at the next poll.
/// </summary>
public sealed class WebhookInboxSignal : InboxSignal;

/// <summary>
/// Wakes an inbox's background processor as soon as something is committed to it. A single pending wake-up is enough:
/// the processor drains everything due. One subclass per inbox, so each is its own singleton.
/// </summary>
public abstract class InboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(poll);
        try
        {
            await _channel.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed: look anyway (work waiting for a retry time, or stored by another process).
        }
    }
}
