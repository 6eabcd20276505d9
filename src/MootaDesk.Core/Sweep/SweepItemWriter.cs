using Microsoft.EntityFrameworkCore.Storage;
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
        var conn = db.Database.GetDbConnection();
        System.Data.Common.DbCommand? full = null;
        try
        {
            foreach (var chunk in findings.Chunk(RowsPerStatement))
            {
                System.Data.Common.DbCommand cmd;
                if (chunk.Length == RowsPerStatement)
                {
                    // Full chunks reuse one prepared statement; only the last, shorter chunk gets its own.
                    full ??= await CreateAsync(db, conn, RowsPerStatement, ct);
                    cmd = full;
                }
                else cmd = await CreateAsync(db, conn, chunk.Length, ct);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var f = chunk[i];
                    var o = i * 8;
                    cmd.Parameters[o].Value = sweepId;
                    cmd.Parameters[o + 1].Value = (int)f.Kind;
                    cmd.Parameters[o + 2].Value = (object?)f.MutationId ?? DBNull.Value;
                    cmd.Parameters[o + 3].Value = (object?)f.AccountId ?? DBNull.Value;
                    cmd.Parameters[o + 4].Value = (object?)f.WebhookDeliveryId ?? DBNull.Value;
                    cmd.Parameters[o + 5].Value = (object?)f.OrderId ?? DBNull.Value;
                    // Money is stored as whole sen, exactly as the EF converter writes it.
                    cmd.Parameters[o + 6].Value = f.Amount is decimal a ? (long)decimal.Round(a * 100m, 0, MidpointRounding.AwayFromZero) : DBNull.Value;
                    cmd.Parameters[o + 7].Value = f.Detail.Length > 500 ? f.Detail[..500] : f.Detail;
                }
                await cmd.ExecuteNonQueryAsync(ct);
                if (cmd != full) await cmd.DisposeAsync();
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    private static async Task<System.Data.Common.DbCommand> CreateAsync(MootaDeskDbContext db, System.Data.Common.DbConnection conn, int rows, CancellationToken ct)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var values = new System.Text.StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            if (i > 0) values.Append(',');
            values.Append($"($p{i}_0,$p{i}_1,$p{i}_2,$p{i}_3,$p{i}_4,$p{i}_5,$p{i}_6,$p{i}_7)");
            for (var c = 0; c < 8; c++) Param(cmd, $"$p{i}_{c}");
        }
        cmd.CommandText = "INSERT INTO SweepItems (SweepId, Kind, MutationId, AccountId, WebhookDeliveryId, OrderId, Amount, Detail) VALUES " + values;
        await cmd.PrepareAsync(ct);
        return cmd;
    }

    private static System.Data.Common.DbParameter Param(System.Data.Common.DbCommand cmd, string name)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        cmd.Parameters.Add(p);
        return p;
    }
}
