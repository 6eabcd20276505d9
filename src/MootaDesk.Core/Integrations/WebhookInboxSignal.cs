using System.Threading.Channels;

namespace MootaDesk.Core.Integrations;

/// <summary>
/// Wakes the inbox processor as soon as a delivery is committed, so a mutation is stored within milliseconds
/// instead of at the next poll. A single pending wake-up is enough: the processor drains everything due.
/// </summary>
public sealed class WebhookInboxSignal
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
            // The poll interval passed: look anyway (deliveries waiting for a retry time, or stored by another process).
        }
    }
}
