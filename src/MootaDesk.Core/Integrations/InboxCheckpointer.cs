using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Integrations;

/// <summary>
/// What one <c>PRAGMA wal_checkpoint(PASSIVE)</c> answered: <paramref name="Log"/> frames in the write-ahead log and
/// <paramref name="Copied"/> of them copied into the database file (both -1 when the file is not in WAL mode). When all are
/// copied, the next writer starts the log again from its beginning instead of appending to it.
/// </summary>
public readonly record struct WalCheckpoint(int Log, int Copied)
{
    public bool Complete => Log <= 0 || Copied == Log;
}

/// <summary>
/// Keeps the webhook inbox's write-ahead log short, away from the answers' path. Left alone, SQLite copies the log into the
/// file when a commit finds it past <see cref="DatabaseSetup.InboxAutoCheckpointPages"/>: that commit is a delivery's, in
/// its write turn, and copying 40 MB held every waiting answer 45–60 ms, every ~1,300 deliveries at 300 a second (measured
/// 30 Nov; it was most of the webhook's p99 with the processor paused, and the spikes of its p99 while working). Here,
/// once a second: the log is copied beside the writers (a passive checkpoint blocks nobody), and only when deliveries
/// arrived meanwhile are the few new frames copied again inside a write turn, so that the copy completes and the next
/// writer restarts the log. The turn is the processor's kind (<see cref="InboxWriteGate.EnterForProcessingAsync"/>): a
/// waiting delivery goes first.
/// </summary>
public sealed class InboxCheckpointer(IDbContextFactory<InboxDbContext> inboxFactory, InboxWriteGate gate)
{
    /// <summary>Between two checkpoints: at 300 deliveries a second the log then holds about 2,000 frames.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Copies the inbox's log into its file; returns the last checkpoint's answer, complete unless a reader still reads
    /// older frames. Nothing to do on PostgreSQL (<c>null</c>). Store errors propagate to the caller.
    /// </summary>
    public async Task<WalCheckpoint?> CheckpointAsync(CancellationToken ct)
    {
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        if (inbox.IsPostgreSql()) return null;
        await inbox.Database.OpenConnectionAsync(ct);
        try
        {
            var beside = await PassiveAsync(inbox, ct);
            if (beside.Complete) return beside;
            using (await gate.EnterForProcessingAsync(ct))
                return await PassiveAsync(inbox, ct);
        }
        finally
        {
            await inbox.Database.CloseConnectionAsync();
        }
    }

    private static async Task<WalCheckpoint> PassiveAsync(InboxDbContext inbox, CancellationToken ct)
    {
        await using var cmd = inbox.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        // One row: busy (0 for a passive checkpoint), frames in the log, frames copied (sqlite.org/pragma.html#pragma_wal_checkpoint).
        return await reader.ReadAsync(ct) ? new WalCheckpoint(reader.GetInt32(1), reader.GetInt32(2)) : new WalCheckpoint(-1, -1);
    }
}

/// <summary>Runs <see cref="InboxCheckpointer"/> every <see cref="InboxCheckpointer.Interval"/>, whether the inbox processor runs or not.</summary>
public sealed class InboxCheckpointService(InboxCheckpointer checkpointer, TimeProvider time, ILogger<InboxCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(InboxCheckpointer.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await checkpointer.CheckpointAsync(stoppingToken) is null) return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A commit's own checkpoint (DatabaseSetup.InboxAutoCheckpointPages) still bounds the log meanwhile.
                    logger.LogWarning(ex, "Webhook inbox checkpoint failed; trying again in a second");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
