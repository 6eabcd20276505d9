namespace MootaDesk.Web.Features.Ingest.Webhooks;

/// <summary>
/// Lets the webhook receiver and the inbox processor take turns writing. SQLite allows one writer; when two
/// collide, the loser sleeps in SQLite's busy handler (1, 2, 5, 10… ms steps), which is what made answers slow
/// under load. Queuing here instead wakes the next writer the moment the previous one commits.
/// </summary>
public sealed class InboxWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        return new Releaser(_gate);
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
