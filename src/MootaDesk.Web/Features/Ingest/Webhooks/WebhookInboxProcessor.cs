using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Auditing;
using MootaDesk.Core.Data;
using MootaDesk.Core.Data.Inbox;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Formatting;
using MootaDesk.Core.Ingest;
using MootaDesk.Core.Ingest.Moota;

namespace MootaDesk.Web.Features.Ingest.Webhooks;

/// <summary>
/// Turns pending deliveries into mutations, oldest first. Several deliveries share one ingest transaction
/// when many are waiting (that is what keeps up with bursts); if that shared attempt fails, each delivery is
/// tried on its own so one bad delivery never holds up the others. Rows are only ever updated, never deleted.
/// The deliveries live in the inbox file and the mutations in the main store, so ingesting never blocks a webhook
/// answer; only the short status update of the inbox rows takes a turn at the inbox's write gate.
/// </summary>
public sealed class WebhookInboxProcessor(
    IDbContextFactory<MootaDeskDbContext> factory,
    IDbContextFactory<InboxDbContext> inboxFactory,
    MutationIngestor ingestor,
    InboxWriteGate gate,
    BusinessClock clock,
    ILogger<WebhookInboxProcessor> logger)
{
    public static readonly Actor Actor = new("webhook:moota");

    /// <summary>Waits before each retry; after the last one the delivery is marked failed with its error kept.</summary>
    public static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    public static int MaxAttempts => Backoff.Length + 1;

    /// <summary>Deliveries per shared ingest: large enough to keep up with bursts, small enough that each one's status soon shows in the log.</summary>
    public int BatchSize { get; init; } = 40;

    /// <summary>Processes everything that is due; returns how many deliveries it handled.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var handled = await ProcessBatchAsync(ct);
            if (handled == 0) return total;
            total += handled;
        }
    }

    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var deliveries = await inbox.WebhookDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
            .OrderBy(d => d.Id).Take(BatchSize).ToListAsync(ct);
        if (deliveries.Count == 0) return 0;

        var integrationIds = deliveries.Where(d => d.IntegrationId != null).Select(d => d.IntegrationId!.Value).Distinct().ToList();
        var sandboxIntegrations = integrationIds.Count == 0 ? [] : await SandboxIntegrationsAsync(integrationIds, ct);

        var parsed = new List<(WebhookDelivery Delivery, IReadOnlyList<IncomingMutation> Mutations)>();
        foreach (var d in deliveries)
        {
            try
            {
                var isSandbox = d.IntegrationId is int iid && sandboxIntegrations.Contains(iid);
                parsed.Add((d, MootaWebhookPayload.Parse(d.Body, clock.TimeZone, MutationSource.Webhook, d.Id, isSandbox)));
            }
            catch (MootaPayloadException ex)
            {
                // A payload that cannot be read will not read better later: failed at once, the reason kept for Ops.
                d.Attempts++;
                d.Status = DeliveryStatus.Failed;
                d.Error = ex.Message;
                d.ProcessedAt = now;
                d.NextAttemptAt = null;
                logger.LogWarning("Webhook delivery {DeliveryId} cannot be read: {Reason}", d.Id, ex.Message);
            }
        }

        if (parsed.Count > 0 && !await TryIngestAsync(parsed, ct) && parsed.Count > 1)
            foreach (var one in parsed) await TryIngestAsync([one], ct);
        // A crash before this save leaves the deliveries pending: processed again, their mutations are recognised by
        // (source, mutation_id) and counted from the rows that name the delivery, so nothing is stored twice.
        using (await gate.EnterForProcessingAsync(ct))
            await inbox.SaveChangesAsync(CancellationToken.None);
        return deliveries.Count;
    }

    private async Task<List<int>> SandboxIntegrationsAsync(List<int> integrationIds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Integrations.AsNoTracking().Where(i => integrationIds.Contains(i.Id) && i.IsSandbox).Select(i => i.Id).ToListAsync(ct);
    }

    private async Task<bool> TryIngestAsync(List<(WebhookDelivery Delivery, IReadOnlyList<IncomingMutation> Mutations)> group, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await ingestor.IngestAsync(group.SelectMany(g => g.Mutations).ToList(), Actor, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (group.Count > 1)
            {
                logger.LogWarning(ex, "Shared ingest of {Count} deliveries failed; trying them one by one", group.Count);
                return false;
            }
            ScheduleRetry(group[0].Delivery, ex);
            return false;
        }

        // New = rows that name this delivery (also right when a crash hit between ingest and this update); the rest were repeats.
        var ids = group.Select(g => g.Delivery.Id).ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = await db.Mutations.AsNoTracking().Where(m => m.WebhookDeliveryId != null && ids.Contains(m.WebhookDeliveryId.Value))
            .GroupBy(m => m.WebhookDeliveryId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var now = clock.UtcNow;
        var elapsed = watch.Elapsed.TotalMilliseconds;
        foreach (var (delivery, mutations) in group)
        {
            var fresh = counts.GetValueOrDefault(delivery.Id);
            delivery.Attempts++;
            delivery.Status = DeliveryStatus.Processed;
            delivery.NewCount = fresh;
            delivery.DuplicateCount = Math.Max(0, mutations.Count - fresh);
            delivery.ProcessedAt = now;
            delivery.ProcessingMs = elapsed;
            delivery.NextAttemptAt = null;
            delivery.Error = null;
        }
        return true;
    }

    private void ScheduleRetry(WebhookDelivery d, Exception ex)
    {
        d.Attempts++;
        d.Error = ex.GetBaseException().Message;
        if (d.Attempts >= MaxAttempts)
        {
            d.Status = DeliveryStatus.Failed;
            d.NextAttemptAt = null;
            d.ProcessedAt = clock.UtcNow;
            logger.LogError(ex, "Webhook delivery {DeliveryId} failed after {Attempts} attempts; kept as Failed for Ops", d.Id, d.Attempts);
        }
        else
        {
            d.NextAttemptAt = clock.UtcNow + Backoff[d.Attempts - 1];
            logger.LogWarning(ex, "Webhook delivery {DeliveryId} attempt {Attempt} failed; next try at {Next:o}", d.Id, d.Attempts, d.NextAttemptAt);
        }
    }

    /// <summary>"Process again" for a failed delivery: back to pending with a fresh set of attempts, audited.</summary>
    public async Task<bool> RequeueAsync(long deliveryId, Actor actor, CancellationToken ct = default)
    {
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var d = await inbox.WebhookDeliveries.AsNoTracking().Where(x => x.Id == deliveryId)
            .Select(x => new { x.Status, x.Attempts, x.Error }).FirstOrDefaultAsync(ct);
        if (d is null || d.Status != DeliveryStatus.Failed) return false;

        // The audit row is written first: a requeue that left no trace would be worse than one that did not happen. It is
        // written outside the inbox's write turn, so a busy main store never holds up a webhook answer.
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.Record(actor, "webhook.reprocess", nameof(WebhookDelivery), deliveryId,
                new { status = d.Status.ToString(), d.Attempts, d.Error }, new { status = nameof(DeliveryStatus.Pending) }, clock.UtcNow);
            await db.SaveChangesAsync(ct);
        }
        using var turn = await gate.EnterForProcessingAsync(ct);
        var changed = await inbox.WebhookDeliveries.Where(x => x.Id == deliveryId && x.Status == DeliveryStatus.Failed)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, DeliveryStatus.Pending).SetProperty(x => x.Attempts, 0)
                .SetProperty(x => x.NextAttemptAt, (DateTime?)null), ct);
        return changed > 0;
    }
}

/// <summary>Runs the processor: drains what is due, then sleeps until a new delivery wakes it or the poll interval passes.</summary>
public sealed class WebhookInboxService(WebhookInboxProcessor processor, WebhookInboxSignal signal, ILogger<WebhookInboxService> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After a wake-up, deliveries arriving in this window join the same pass. Under a steady stream that turns many
    /// one-delivery transactions into a few larger ones, leaving more CPU for answering Moota; a person never notices
    /// a mutation appearing 20 ms later.
    /// </summary>
    public static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (migrations ran before; this keeps start-up quick).
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await processor.ProcessDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; the next poll tries again and nothing pending is lost.
                logger.LogError(ex, "Webhook inbox pass failed; retrying at the next poll");
            }
            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
                await Task.Delay(GatherWindow, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
