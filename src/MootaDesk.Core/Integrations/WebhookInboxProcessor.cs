using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Platform.Metrics;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

/// <summary>
/// Turns pending deliveries into mutations, oldest first, each delivery on its own terms: nothing one delivery does
/// (a body that cannot be read, an element the store refuses, an exception nobody foresaw) keeps another from being
/// processed in the same pass. Several deliveries share one ingest transaction when many are waiting (that is what keeps
/// up with bursts); if that shared attempt fails, each is tried alone, and a delivery the store refuses for good is tried
/// element by element. Readable elements are stored, unreadable ones kept with their reasons (the delivery is then
/// "sebagian", <see cref="DeliveryStatus.Partial"/>). Temporary store errors (busy, locked, I/O) are retried with backoff;
/// permanent ones (parse, validation, overflow) fail at once. Once a delivery is done with, its kept body is redacted
/// (<see cref="MootaSecrets.RedactBody"/>). Rows are only ever updated, never deleted.
/// </summary>
public sealed class WebhookInboxProcessor(
    IDbContextFactory<MootaDeskDbContext> factory,
    IDbContextFactory<InboxDbContext> inboxFactory,
    MutationIngestor ingestor,
    InboxWriteGate gate,
    BusinessClock clock,
    ILogger<WebhookInboxProcessor> logger,
    MootaDeskMetrics? metrics = null)
{
    public static readonly Actor Actor = new("webhook:moota");

    /// <summary>Waits before each retry of a temporary error; after the last one the delivery is failed with its error kept.</summary>
    public static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    public static int MaxAttempts => Backoff.Length + 1;

    /// <summary>Deliveries per pass: large enough to keep up with bursts, small enough that each one's status soon shows in the log.</summary>
    public int BatchSize { get; init; } = 40;

    /// <summary>Bodies redacted per write turn when catching up with deliveries an older version left unredacted (or refused at the door).</summary>
    public int RedactBatchSize { get; init; } = 100;

    /// <summary>Processes everything that is due, then redacts a share of the backlog; returns how many deliveries it processed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var handled = await ProcessBatchAsync(ct);
            if (handled == 0) break;
            total += handled;
        }
        for (var i = 0; i < 20 && await RedactBacklogAsync(ct) == RedactBatchSize; i++) { }
        return total;
    }

    /// <summary>
    /// Redacts bodies of deliveries that are done with but still hold what was received: refused ones (the receiver stores them
    /// as they came, to answer fast) and, after an upgrade, everything an older version kept. Returns how many it looked at.
    /// </summary>
    public async Task<int> RedactBacklogAsync(CancellationToken ct)
    {
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var rows = await inbox.WebhookDeliveries.Where(d => !d.BodyRedacted && d.Status != DeliveryStatus.Pending)
            .OrderBy(d => d.Id).Take(RedactBatchSize).ToListAsync(ct);
        if (rows.Count == 0) return 0;
        foreach (var d in rows) Redact(d);
        await SaveInTurnAsync(inbox, ct);
        return rows.Count;
    }

    /// <summary>
    /// Saves the inbox's changes in the processor's write turn, on a pool thread: the processor's own thread runs below
    /// normal priority (<see cref="LowPriorityThread"/>), and a low-priority thread holding the turn would keep arriving
    /// deliveries waiting whenever the scheduler put it aside (measured: the gate wait was nearly all of the answer's p99).
    /// </summary>
    private Task SaveInTurnAsync(InboxDbContext inbox, CancellationToken ct) => Task.Run(async () =>
    {
        // One turn for the batch's outcomes (about a millisecond for 40). They were once saved four at a time because a batch's
        // save held the turn up to 17 ms; that was the log's copy landing in the save (InboxCheckpointer), not the save.
        // On PostgreSQL the save is inside the claim's transaction, and its writers do not queue behind one another anyway.
        using (await gate.EnterForProcessingAsync(ct))
            await inbox.SaveChangesAsync(CancellationToken.None);
    }, CancellationToken.None);

    /// <summary>One pass: up to <see cref="BatchSize"/> due deliveries, each ending processed, partial, failed or scheduled for a retry.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        // On PostgreSQL several instances share the inbox: the batch is claimed with row locks held until its outcome is
        // saved (ClaimAsync), so no delivery is processed by two instances at once. SQLite has one instance by design.
        await using var claim = inbox.IsPostgreSql() ? await inbox.Database.BeginTransactionAsync(ct) : null;
        var deliveries = claim is null
            ? await inbox.WebhookDeliveries
                .Where(d => d.Status == DeliveryStatus.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
                .OrderBy(d => d.Id).Take(BatchSize).ToListAsync(ct)
            : await ClaimAsync(inbox, now, ct);
        if (deliveries.Count == 0) return 0;

        var integrationIds = deliveries.Where(d => d.IntegrationId != null).Select(d => d.IntegrationId!.Value).Distinct().ToList();
        var sandboxIntegrations = integrationIds.Count == 0 ? [] : await SandboxIntegrationsAsync(integrationIds, ct);

        var work = new List<Work>();
        foreach (var d in deliveries)
        {
            var reading = Read(d, sandboxIntegrations, now);
            if (reading.Problem is { } problem) Fail(d, DeliveryProblems.ForReason(problem));
            else if (reading.Mutations.Count == 0) Finish(d, reading, [], fresh: 0, elapsedMs: 0);
            else work.Add(new Work(d, reading));
        }

        if (work.Count == 1) await IngestAloneAsync(work[0], ct);
        else if (work.Count > 1 && !await TryIngestAsync(work, ct))
            foreach (var one in work) await IngestAloneAsync(one, ct);

        foreach (var d in deliveries.Where(d => d.Status != DeliveryStatus.Pending)) Redact(d);
        // A crash before this save leaves the deliveries pending: processed again, their mutations are recognised by
        // (source, mutation_id) and counted from the rows that name the delivery, so nothing is stored twice.
        await SaveInTurnAsync(inbox, ct);
        if (claim is not null) await claim.CommitAsync(CancellationToken.None);
        await NotifyOpsAsync(deliveries.Where(d => d.Status is DeliveryStatus.Failed or DeliveryStatus.Partial).ToList());
        return deliveries.Count;
    }

    /// <summary>
    /// PostgreSQL: the due deliveries no other instance holds, locked FOR UPDATE SKIP LOCKED inside the caller's transaction.
    /// The lock is the claim's lease: it lasts until the outcome is committed, and an instance that dies (kill -9, a lost
    /// host) loses its connection and with it the lock, so the next pass of another instance takes the deliveries over
    /// (after TCP keepalive notices a vanished host; the connection string's Keepalive and the server's
    /// tcp_keepalives_* bound that). A delivery whose mutations were committed before the crash is recognised by
    /// (source, mutation id) when taken over, so nothing is stored twice.
    /// </summary>
    private async Task<List<WebhookDelivery>> ClaimAsync(InboxDbContext inbox, DateTime now, CancellationToken ct) =>
        await inbox.WebhookDeliveries.FromSqlInterpolated($"""
            SELECT * FROM "WebhookDeliveries"
            WHERE "Status" = {(int)DeliveryStatus.Pending} AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= {now})
            ORDER BY "Id" LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);

    private sealed record Work(WebhookDelivery Delivery, MootaBodyReading Reading)
    {
        public Stopwatch Watch { get; } = Stopwatch.StartNew();
    }

    private MootaBodyReading Read(WebhookDelivery d, List<int> sandboxIntegrations, DateTime now)
    {
        try
        {
            var isSandbox = d.IntegrationId is int iid && sandboxIntegrations.Contains(iid);
            return MootaWebhookPayload.Read(d.Body, new MootaReadContext(MutationSource.Webhook, now, d.Id, isSandbox));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reader is meant never to throw; if it does, the same bytes will throw again, so this is permanent.
            logger.LogError(ex, "Webhook delivery {DeliveryId} could not be read", d.Id);
            return MootaBodyReading.Refused(new MootaProblem(MootaProblems.Unreadable, MootaProblem.Quote(ex.GetBaseException().Message)));
        }
    }

    private async Task<List<int>> SandboxIntegrationsAsync(List<int> integrationIds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Integrations.AsNoTracking().Where(i => integrationIds.Contains(i.Id) && i.IsSandbox).Select(i => i.Id).ToListAsync(ct);
    }

    /// <summary>All deliveries of the pass in one transaction; false (nothing stored) when it fails, for any reason.</summary>
    private async Task<bool> TryIngestAsync(List<Work> group, CancellationToken ct)
    {
        try
        {
            await ingestor.IngestAsync(group.SelectMany(g => g.Reading.Mutations).ToList(), Actor, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Shared ingest of {Count} deliveries failed; trying them one by one", group.Count);
            return false;
        }
        await FinishAllAsync(group, ct);
        return true;
    }

    /// <summary>One delivery alone: stored; or, refused for good, element by element; or retried later on a temporary error.</summary>
    private async Task IngestAloneAsync(Work w, CancellationToken ct)
    {
        try
        {
            await ingestor.IngestAsync(w.Reading.Mutations, Actor, ct);
            await FinishAllAsync([w], ct);
            return;
        }
        catch (Exception ex) when (IsPermanent(ex))
        {
            logger.LogWarning(ex, "Webhook delivery {DeliveryId} refused by the store; storing its elements one by one", w.Delivery.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            ScheduleRetry(w.Delivery, ex);
            return;
        }

        var refused = new List<MootaRejectedElement>();
        var positions = PositionsOf(w.Reading);
        for (var i = 0; i < w.Reading.Mutations.Count; i++)
        {
            var m = w.Reading.Mutations[i];
            try
            {
                await ingestor.IngestAsync([m], Actor, ct);
            }
            catch (Exception ex) when (IsPermanent(ex))
            {
                refused.Add(new MootaRejectedElement(positions[i], m.SourceId, [new MootaProblem(MootaProblems.StoreRefused, MootaProblem.Quote(ex.GetBaseException().Message))]));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // What was stored so far is recognised by its mutation_id on the retry.
                ScheduleRetry(w.Delivery, ex);
                return;
            }
        }
        var fresh = await FreshCountsAsync([w.Delivery.Id], ct);
        Finish(w.Delivery, w.Reading, refused, fresh.GetValueOrDefault(w.Delivery.Id), w.Watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The 1-based positions of the readable elements, in the order of <see cref="MootaBodyReading.Mutations"/>.</summary>
    private static List<int> PositionsOf(MootaBodyReading reading)
    {
        var rejected = reading.Rejected.Select(r => r.Position).ToHashSet();
        return Enumerable.Range(1, reading.ElementCount).Where(p => !rejected.Contains(p)).ToList();
    }

    private async Task FinishAllAsync(List<Work> group, CancellationToken ct)
    {
        var counts = await FreshCountsAsync(group.Select(g => g.Delivery.Id).ToList(), ct);
        foreach (var w in group)
            Finish(w.Delivery, w.Reading, [], counts.GetValueOrDefault(w.Delivery.Id), w.Watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>New = rows that name the delivery (also right when a crash hit between ingest and the status update); the rest were repeats.</summary>
    private async Task<Dictionary<long, int>> FreshCountsAsync(List<long> ids, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Mutations.AsNoTracking().Where(m => m.WebhookDeliveryId != null && ids.Contains(m.WebhookDeliveryId.Value))
            .GroupBy(m => m.WebhookDeliveryId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
    }

    private void Finish(WebhookDelivery d, MootaBodyReading reading, List<MootaRejectedElement> refusedByStore, int fresh, double elapsedMs)
    {
        var rejected = reading.Rejected.Concat(refusedByStore).OrderBy(r => r.Position).ToList();
        var attempted = reading.Mutations.Count - refusedByStore.Count;
        d.Attempts++;
        d.Status = rejected.Count == 0 ? DeliveryStatus.Processed : attempted > 0 ? DeliveryStatus.Partial : DeliveryStatus.Failed;
        d.NewCount = fresh;
        d.DuplicateCount = Math.Max(0, attempted - fresh);
        d.ProcessedAt = clock.UtcNow;
        d.ProcessingMs = elapsedMs;
        d.NextAttemptAt = null;
        var problems = new DeliveryProblems(null, rejected);
        d.ProblemsJson = problems.ToJson();
        d.Error = rejected.Count == 0 ? null : Cap(problems.Technical);
        metrics?.DeliveryProcessed(d.Status, d.NewCount, d.DuplicateCount);
        if (d.Status != DeliveryStatus.Processed) metrics?.Failed("inbox", d.Status == DeliveryStatus.Partial ? "elements-unreadable" : "all-elements-unreadable");
        if (rejected.Count > 0)
            logger.LogWarning("Webhook delivery {DeliveryId}: {Stored} element(s) stored or recognised, {Rejected} kept unread: {Reasons}",
                d.Id, attempted, rejected.Count, d.Error);
    }

    /// <summary>Failed at once, for a reason retrying cannot change (the body as a whole is unusable).</summary>
    private void Fail(WebhookDelivery d, DeliveryProblems problems)
    {
        d.Attempts++;
        d.Status = DeliveryStatus.Failed;
        d.ProblemsJson = problems.ToJson();
        d.Error = Cap(problems.Technical);
        d.ProcessedAt = clock.UtcNow;
        d.NextAttemptAt = null;
        metrics?.DeliveryProcessed(d.Status, 0, 0);
        metrics?.Failed("inbox", "body-unreadable");
        logger.LogWarning("Webhook delivery {DeliveryId} cannot be read: {Reason}", d.Id, d.Error);
    }

    private void ScheduleRetry(WebhookDelivery d, Exception ex)
    {
        d.Attempts++;
        d.Error = Cap(ex.GetBaseException().Message);
        if (d.Attempts >= MaxAttempts)
        {
            d.Status = DeliveryStatus.Failed;
            d.NextAttemptAt = null;
            d.ProcessedAt = clock.UtcNow;
            d.ProblemsJson = DeliveryProblems.ForReason(new MootaProblem(MootaProblems.RetriesExhausted, MootaProblem.Quote(d.Error))).ToJson();
            metrics?.DeliveryProcessed(d.Status, 0, 0);
            metrics?.Failed("inbox", "retries-exhausted");
            logger.LogError(ex, "Webhook delivery {DeliveryId} failed after {Attempts} attempts; kept as Failed for Ops", d.Id, d.Attempts);
        }
        else
        {
            d.NextAttemptAt = clock.UtcNow + Backoff[d.Attempts - 1];
            metrics?.Failed("inbox", "store-retry");
            logger.LogWarning(ex, "Webhook delivery {DeliveryId} attempt {Attempt} failed; next try at {Next:o}", d.Id, d.Attempts, d.NextAttemptAt);
        }
    }

    /// <summary>Done with: the kept body loses its credentials. The signature was checked on the original bytes already.</summary>
    private void Redact(WebhookDelivery d)
    {
        if (d.BodyRedacted) return;
        try
        {
            if (MootaSecrets.RedactBody(d.Body) is { } redacted && !redacted.AsSpan().SequenceEqual(d.Body)) d.Body = redacted;
        }
        catch (Exception ex)
        {
            // Never worth jamming the inbox for: the body stays as received (it is needed for "Proses lagi") and the error is logged.
            logger.LogError(ex, "Webhook delivery {DeliveryId}: its body could not be redacted and is kept as received", d.Id);
        }
        d.BodyRedacted = true;
    }

    private static string Cap(string text) => text.Length <= 2000 ? text : text[..2000] + "…";

    /// <summary>
    /// Permanent: the data itself is refused (validation, overflow, a broken value, a store constraint). Everything else
    /// (busy or locked database, I/O, a timeout, an error nobody foresaw) is treated as temporary and retried with backoff,
    /// because a person can fix the cause (free the disk, repair the file) and the delivery then goes through unattended.
    /// </summary>
    public static bool IsPermanent(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ArgumentException or OverflowException or FormatException or System.Text.Json.JsonException:
                case System.Data.Common.DbException when StoreWrites.IsPermanentDataError(e):
                    return true;
                case System.Data.Common.DbException or IOException or TimeoutException or OperationCanceledException:
                    return false;
            }
        }
        return false;
    }

    /// <summary>Tells Ops in the bell about deliveries that could not be stored in full: Moota will not send them again.</summary>
    private async Task NotifyOpsAsync(List<WebhookDelivery> done)
    {
        if (done.Count == 0) return;
        try
        {
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            foreach (var d in done)
                db.Notifications.Add(new Notification
                {
                    Role = Roles.Ops,
                    Text = d.Status == DeliveryStatus.Partial
                        ? $"Kiriman webhook #{d.Id} diproses sebagian: {d.NewCount + d.DuplicateCount} mutasi disimpan, {DeliveryProblems.FromJson(d.ProblemsJson)?.Elements.Count ?? 0} tidak bisa dibaca."
                        : $"Kiriman webhook #{d.Id} gagal diproses; tidak ada mutasi yang disimpan.",
                    Link = NotificationLinks.WebhookDelivery(d.Id),
                    CreatedAt = clock.UtcNow,
                });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The delivery page and the log show it anyway; a notice that could not be written is not worth a retry.
            logger.LogWarning(ex, "Could not notify Ops about {Count} webhook deliveries", done.Count);
        }
    }

    /// <summary>
    /// "Proses lagi": a failed, partly processed or stuck (pending, waiting out a retry) delivery goes back to pending with a
    /// fresh set of attempts, audited. Its mutations already stored are recognised by their mutation_id, so nothing is stored twice.
    /// </summary>
    public async Task<bool> RequeueAsync(long deliveryId, Actor actor, CancellationToken ct = default)
    {
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var d = await inbox.WebhookDeliveries.AsNoTracking().Where(x => x.Id == deliveryId)
            .Select(x => new { x.Status, x.Attempts, x.Error, x.NextAttemptAt }).FirstOrDefaultAsync(ct);
        if (d is null || !CanRequeue(d.Status, d.Attempts)) return false;

        // The audit row is written first: a requeue that left no trace would be worse than one that did not happen. It is
        // written outside the inbox's write turn, so a busy main store never holds up a webhook answer.
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.Record(actor, "webhook.reprocess", nameof(WebhookDelivery), deliveryId,
                new { status = d.Status.ToString(), d.Attempts, d.Error, d.NextAttemptAt }, new { status = nameof(DeliveryStatus.Pending) }, clock.UtcNow);
            await db.SaveChangesAsync(ct);
        }
        var status = d.Status;
        using var turn = await gate.EnterForProcessingAsync(ct);
        var changed = await inbox.WebhookDeliveries.Where(x => x.Id == deliveryId && x.Status == status && x.Attempts == d.Attempts)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, DeliveryStatus.Pending).SetProperty(x => x.Attempts, 0)
                .SetProperty(x => x.NextAttemptAt, (DateTime?)null).SetProperty(x => x.ProblemsJson, (string?)null), ct);
        return changed > 0;
    }

    /// <summary>
    /// Which deliveries "Proses lagi" applies to: failed, partly processed, and stuck ones (pending after a failed attempt,
    /// waiting out a backoff). A pending delivery never tried is queued already; requeueing it would change nothing.
    /// </summary>
    public static bool CanRequeue(DeliveryStatus status, int attempts) =>
        status is DeliveryStatus.Failed or DeliveryStatus.Partial || (status == DeliveryStatus.Pending && attempts > 0);
}
