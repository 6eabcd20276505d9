using System.Diagnostics;

namespace MootaDesk.Core.Integrations;

/// <summary>
/// Lets the webhook receiver and the inbox processor take turns writing to the inbox file. SQLite allows one
/// writer per file; when two collide, the loser sleeps in SQLite's busy handler (1, 2, 5, 10… ms steps), which made
/// answers slow under load. Queuing here wakes the next writer the moment the previous one commits, and a waiting
/// delivery goes before the processor's status update: Moota is waiting for that answer, the log can wait a moment.
/// Ingesting mutations happens in the main file and never takes this turn.
/// </summary>
public sealed class InboxWriteGate
{
    /// <summary>How long the processor defers to arriving deliveries before it takes its turn anyway, so it never starves.</summary>
    public static readonly TimeSpan MaxProcessorDeferral = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _deliveriesWaiting;

    public async Task<IDisposable> EnterForDeliveryAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref _deliveriesWaiting);
        try
        {
            await _gate.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _deliveriesWaiting);
        }
        return new Releaser(_gate);
    }

    public async Task<IDisposable> EnterForProcessingAsync(CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            await _gate.WaitAsync(ct);
            if (Volatile.Read(ref _deliveriesWaiting) == 0 || Stopwatch.GetElapsedTime(started) > MaxProcessorDeferral)
                return new Releaser(_gate);
            _gate.Release();
            await Task.Delay(1, ct);
        }
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
