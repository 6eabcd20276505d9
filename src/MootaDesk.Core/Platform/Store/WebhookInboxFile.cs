using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Platform.Store;

/// <summary>Where the inbox file lives, and the one-time move of deliveries stored before it had a file of its own.</summary>
public static class WebhookInboxFile
{
    /// <summary>The table the main-store migration MoveWebhookInboxToOwnFile leaves behind until its rows are copied.</summary>
    public const string LegacyTable = "WebhookDeliveriesMoved";

    private const string Columns = """
        "Id", "IntegrationId", "ReceivedAt", "SourceIp", "HeadersJson", "Body", "Signature", "Status", "Attempts",
        "NextAttemptAt", "Error", "NewCount", "DuplicateCount", "AnswerMs", "ProcessingMs", "ProcessedAt"
        """;

    /// <summary>
    /// The inbox file next to the main one: <c>data/mootadesk.db</c> → <c>data/mootadesk-inbox.db</c>, with the
    /// main connection's other settings. An explicit <c>ConnectionStrings:MootaDeskInbox</c> wins.
    /// </summary>
    public static string ConnectionStringFor(string mainConnectionString, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var csb = new SqliteConnectionStringBuilder(mainConnectionString);
        var source = csb.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || csb.Mode == SqliteOpenMode.Memory)
            throw new InvalidOperationException("An in-memory main database needs ConnectionStrings:MootaDeskInbox set explicitly.");
        var dir = Path.GetDirectoryName(source) ?? "";
        csb.DataSource = Path.Combine(dir, Path.GetFileNameWithoutExtension(source) + "-inbox" + Path.GetExtension(source));
        return csb.ToString();
    }

    /// <summary>
    /// Copies deliveries left in the main file by an earlier version into the inbox file, keeping their ids (mutations
    /// and sweep items refer to them), then drops the old table. Safe to repeat after a crash: rows already copied are
    /// skipped by id. Returns how many rows were copied.
    /// </summary>
    public static async Task<int> MoveLegacyDeliveriesAsync(MootaDeskDbContext main, string inboxPath, CancellationToken ct = default)
    {
        var exists = await main.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}", LegacyTable).SingleAsync(ct);
        if (exists == 0) return 0;

        await main.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = main.Database.GetDbConnection();
            await using (var attach = connection.CreateCommand())
            {
                attach.CommandText = "ATTACH DATABASE $path AS inbox;";
                attach.Parameters.Add(new SqliteParameter("$path", inboxPath));
                await attach.ExecuteNonQueryAsync(ct);
            }
            try
            {
                int copied;
                await using (var tx = await connection.BeginTransactionAsync(ct))
                {
                    await using var copy = connection.CreateCommand();
                    copy.Transaction = tx;
                    copy.CommandText = $"""INSERT OR IGNORE INTO inbox."WebhookDeliveries" ({Columns}) SELECT {Columns} FROM main."{LegacyTable}";""";
                    copied = await copy.ExecuteNonQueryAsync(ct);
                    await tx.CommitAsync(ct);
                }
                // Only after the copy committed: a crash before this line leaves the old table for the next start.
                await using (var drop = connection.CreateCommand())
                {
                    drop.CommandText = $"""DROP TABLE main."{LegacyTable}";""";
                    await drop.ExecuteNonQueryAsync(ct);
                }
                return copied;
            }
            finally
            {
                await using var detach = connection.CreateCommand();
                detach.CommandText = "DETACH DATABASE inbox;";
                await detach.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        finally
        {
            await main.Database.CloseConnectionAsync();
        }
    }
}
