using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Sweep;

/// <summary>
/// Writes a sweep's checklist with one prepared INSERT inside the caller's transaction. A busy day lists tens
/// of thousands of lines, and EF's change tracker (navigation fix-up per row) turns that into half a minute.
/// </summary>
internal static class SweepItemWriter
{
    private const int RowsPerStatement = 100;

    public static async Task InsertAsync(MootaDeskDbContext db, int sweepId, IEnumerable<SweepFinding> findings, CancellationToken ct)
    {
        // Columns and conversions (the amount in sen, the kind as a number) come from the EF model.
        // A new line is unchecked: who checked it and when stay NULL rather than being bound 36,000 times (a busy day).
        var insert = ModelInsert.For<SweepItem>(db, leftOut: [nameof(SweepItem.CheckedAt), nameof(SweepItem.CheckedBy), nameof(SweepItem.CheckNote)]);
        System.Data.Common.DbCommand? full = null;
        try
        {
            foreach (var chunk in findings.Chunk(RowsPerStatement))
            {
                System.Data.Common.DbCommand cmd;
                if (chunk.Length == RowsPerStatement)
                {
                    // Full chunks reuse one prepared statement; only the last, shorter chunk gets its own.
                    if (full is null)
                    {
                        full = insert.CreateCommand(db, RowsPerStatement);
                        full.PrepareOnSqlite();
                    }
                    cmd = full;
                }
                else cmd = insert.CreateCommand(db, chunk.Length);
                for (var i = 0; i < chunk.Length; i++)
                    insert.Bind(cmd, i, ItemOf(sweepId, chunk[i]));
                await cmd.ExecuteNonQueryAsync(ct);
                if (cmd != full) await cmd.DisposeAsync();
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    private static SweepItem ItemOf(int sweepId, SweepFinding f) => new()
    {
        SweepId = sweepId,
        Kind = f.Kind,
        MutationId = f.MutationId,
        AccountId = f.AccountId,
        WebhookDeliveryId = f.WebhookDeliveryId,
        OrderId = f.OrderId,
        Amount = f.Amount,
        Detail = f.Detail.Length > 500 ? f.Detail[..500] : f.Detail,
    };
}
