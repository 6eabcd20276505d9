using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

/// <summary>
/// The inbox's state as <c>/health</c> reports it: whether a delivery can be written now, how many wait and for how long,
/// and how many failed (or were only partly stored) in the last hour. Degraded when the oldest waiting delivery is older
/// than <c>MootaDesk:Moota:Inbox:AlertAfterMinutes</c> or the inbox cannot be written.
/// </summary>
public sealed record InboxHealth(
    [property: JsonPropertyName("writable")] bool Writable,
    [property: JsonPropertyName("pending")] int Pending,
    [property: JsonPropertyName("oldestPendingId")] long? OldestPendingId,
    [property: JsonPropertyName("oldestPendingAgeSeconds")] double? OldestPendingAgeSeconds,
    [property: JsonPropertyName("failuresLastHour")] int FailuresLastHour,
    [property: JsonPropertyName("alertAfterMinutes")] int AlertAfterMinutes,
    [property: JsonPropertyName("problem")] string? Problem)
{
    [JsonPropertyName("lagging")]
    public bool Lagging => OldestPendingAgeSeconds > AlertAfterMinutes * 60;

    [JsonIgnore]
    public bool Degraded => Lagging || !Writable;
}

/// <summary>
/// Watches the webhook inbox for what a person must hear about: deliveries left waiting (a notice in the Ops bell, once per
/// episode) and an inbox that cannot be written or lags (<c>/health</c> degraded). Runs beside the processor, not inside it,
/// so a processor that is stuck still gets reported.
/// </summary>
public sealed class InboxMonitor(
    IDbContextFactory<InboxDbContext> inboxFactory,
    IDbContextFactory<MootaDeskDbContext> factory,
    InboxWriteGate gate,
    IOptionsMonitor<MootaDeskOptions> options,
    BusinessClock clock,
    ILogger<InboxMonitor> logger)
{
    /// <summary>Where the lag notice points: the log filtered to waiting deliveries. Also how an unread lag notice is recognised.</summary>
    public const string LagLink = NotificationLinks.WaitingDeliveries;

    /// <summary>How long the write probe waits for another process's write lock before calling the inbox not writable.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private int AlertAfterMinutes => Math.Max(1, options.CurrentValue.Moota.Inbox.AlertAfterMinutes);

    /// <summary>The inbox's state now, with a real write probe (a write transaction that changes nothing and is rolled back).</summary>
    public async Task<InboxHealth> CheckAsync(CancellationToken ct = default)
    {
        var (writable, problem) = await ProbeWriteAsync(ct);
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var pending = inbox.WebhookDeliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.Pending);
        var count = await pending.CountAsync(ct);
        var oldest = await pending.OrderBy(d => d.Id).Select(d => new { d.Id, d.ReceivedAt }).FirstOrDefaultAsync(ct);
        var hourAgo = now.AddHours(-1);
        var failures = await inbox.WebhookDeliveries.AsNoTracking()
            .CountAsync(d => (d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Partial) && d.ProcessedAt >= hourAgo, ct);
        return new InboxHealth(writable, count, oldest?.Id, oldest is null ? null : Math.Max(0, (now - oldest.ReceivedAt).TotalSeconds),
            failures, AlertAfterMinutes, problem);
    }

    /// <summary>
    /// When the oldest waiting delivery is older than the alert time, one notice to Ops, unless an earlier one is still unread
    /// (so a long lag is one notice, not one per pass). Returns true when a notice was written.
    /// </summary>
    public async Task<bool> AlertIfLaggingAsync(CancellationToken ct = default)
    {
        var limit = clock.UtcNow.AddMinutes(-AlertAfterMinutes);
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var oldest = await inbox.WebhookDeliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.Pending).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.ReceivedAt }).FirstOrDefaultAsync(ct);
        if (oldest is null || oldest.ReceivedAt > limit) return false;

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Notifications.AnyAsync(n => n.Role == Roles.Ops && n.Link == LagLink && n.ReadAt == null, ct)) return false;
        var waiting = await inbox.WebhookDeliveries.CountAsync(d => d.Status == DeliveryStatus.Pending, ct);
        db.Notifications.Add(new Notification
        {
            Role = Roles.Ops,
            Text = $"{waiting} kiriman webhook menunggu diproses lebih dari {AlertAfterMinutes} menit (tertua #{oldest.Id}, diterima " +
                   $"{clock.FormatDateTime(oldest.ReceivedAt, CultureInfo.GetCultureInfo("id-ID"))}). Mutasinya belum masuk; periksa log webhook.",
            Link = LagLink,
            CreatedAt = clock.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Webhook inbox lags: {Waiting} deliveries pending, oldest #{Id} received {Received:o}; Ops notified", waiting, oldest.Id, oldest.ReceivedAt);
        return true;
    }

    /// <summary>
    /// Takes the inbox's write lock and rewrites its header value <c>user_version</c> unchanged, then rolls back: a read-only
    /// file, a lock held by another process, a missing folder or a broken file all fail here, and nothing is ever written.
    /// </summary>
    private async Task<(bool Writable, string? Problem)> ProbeWriteAsync(CancellationToken ct)
    {
        try
        {
            await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
            if (inbox.IsPostgreSql()) return await ProbePostgreSqlAsync(inbox, ct);
            using var turn = await gate.EnterForProcessingAsync(ct);
            await inbox.Database.OpenConnectionAsync(ct);
            try
            {
                var connection = (SqliteConnection)inbox.Database.GetDbConnection();
                await Exec(connection, $"PRAGMA busy_timeout = {(int)ProbeTimeout.TotalMilliseconds};", ct);
                await using var version = connection.CreateCommand();
                version.CommandText = "PRAGMA user_version;";
                var current = Convert.ToInt64(await version.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                await Exec(connection, "BEGIN IMMEDIATE;", ct);
                try
                {
                    await Exec(connection, $"PRAGMA user_version = {current};", ct);
                }
                finally
                {
                    await Exec(connection, "ROLLBACK;", CancellationToken.None);
                }
            }
            finally
            {
                // Back to the usual wait (DatabaseSetup's pragmas) before the pooled connection serves anyone else.
                await Exec((SqliteConnection)inbox.Database.GetDbConnection(), "PRAGMA busy_timeout = 10000;", CancellationToken.None);
                await inbox.Database.CloseConnectionAsync();
            }
            return (true, null);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "The webhook inbox cannot be written");
            return (false, ex.GetBaseException().Message);
        }
    }

    /// <summary>
    /// PostgreSQL: a transaction that asks for a transaction id (refused on a read-only server or standby) and rolls back,
    /// so nothing is written.
    /// </summary>
    private static async Task<(bool Writable, string? Problem)> ProbePostgreSqlAsync(InboxDbContext inbox, CancellationToken ct)
    {
        await using var tx = await inbox.Database.BeginTransactionAsync(ct);
        await inbox.Database.ExecuteSqlRawAsync("SELECT txid_current()", ct);
        await tx.RollbackAsync(ct);
        return (true, null);
    }

    private static async Task Exec(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
