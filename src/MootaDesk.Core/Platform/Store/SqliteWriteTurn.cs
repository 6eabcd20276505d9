using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace MootaDesk.Core.Platform.Store;

/// <summary>
/// The write turn of one SQLite file inside this process: a first-come, first-served gate that write transactions
/// (<see cref="StoreWrites.BeginWriteAsync"/>) pass before <c>BEGIN IMMEDIATE</c>. SQLite itself admits one writer at a time;
/// without the gate the others sleep in its busy handler and retry, and under a steady stream of short writes those sleeps,
/// not the writes, set the latency. Other processes on the same file still meet SQLite's own lock as before.
/// </summary>
public static class SqliteWriteTurn
{
    /// <summary>
    /// How long a writer waits for its turn before going on without it (then SQLite's own lock decides, as before the gate).
    /// A gate can therefore never hang a writer, even if some code nested two write transactions.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the turn of the file named by <paramref name="connectionString"/>; disposing the result gives it back.</summary>
    public static async Task<IDisposable> TakeAsync(string connectionString, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(MaxWait, ct) ? new Turn(gate) : new Turn(null);
    }

    private sealed class Turn(SemaphoreSlim? gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}

/// <summary>A transaction that gives the <see cref="SqliteWriteTurn"/> back as soon as it commits, rolls back or is disposed.</summary>
internal sealed class TurnHeldTransaction(IDbContextTransaction inner, IDisposable turn) : IDbContextTransaction, IInfrastructure<DbTransaction>
{
    public Guid TransactionId => inner.TransactionId;

    public bool SupportsSavepoints => inner.SupportsSavepoints;

    DbTransaction IInfrastructure<DbTransaction>.Instance => inner.GetDbTransaction();

    public void Commit()
    {
        try { inner.Commit(); } finally { turn.Dispose(); }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try { await inner.CommitAsync(cancellationToken); } finally { turn.Dispose(); }
    }

    public void Rollback()
    {
        try { inner.Rollback(); } finally { turn.Dispose(); }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        try { await inner.RollbackAsync(cancellationToken); } finally { turn.Dispose(); }
    }

    public void CreateSavepoint(string name) => inner.CreateSavepoint(name);

    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);

    public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);

    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);

    public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);

    public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

    public void Dispose()
    {
        try { inner.Dispose(); } finally { turn.Dispose(); }
    }

    public async ValueTask DisposeAsync()
    {
        try { await inner.DisposeAsync(); } finally { turn.Dispose(); }
    }
}
