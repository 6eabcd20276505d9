using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

public sealed record WebhookLogFilter(DeliveryStatus? Status, DateOnly? Day, int Skip, int Take);

public sealed record WebhookLogRow(
    long Id, DateTime ReceivedAt, int? IntegrationId, string IntegrationName, string? SourceIp, SignatureVerdict Signature,
    DeliveryStatus Status, int NewCount, int DuplicateCount, double? AnswerMs, double? ProcessingMs, int Attempts, string? Error)
{
    /// <summary>"Proses lagi" is offered: failed, partly processed, or pending after a failed attempt (waiting for a retry).</summary>
    public bool CanReprocess => WebhookInboxProcessor.CanRequeue(Status, Attempts);
}

public sealed record WebhookLogCounters(int Received, int Rejected, int Failed, int Pending, int Duplicates, int NewMutations,
    double? AnswerMedianMs, double? AnswerP95Ms, double? ProcessingMedianMs, double? ProcessingP95Ms, int Partial = 0);

/// <summary>An element of a delivery that was kept but not stored: its place, its id if it has one, why, and its text.</summary>
public sealed record RejectedElementView(int Position, string? Id, IReadOnlyList<MootaProblem> Problems, string? Text);

public sealed record WebhookDeliveryDetail(WebhookLogRow Row, IReadOnlyList<KeyValuePair<string, string>> Headers, string PrettyBody, int BodyBytes,
    DateTime? ProcessedAt, DateTime? NextAttemptAt, IReadOnlyList<long> MutationIds, MootaProblem? Reason = null,
    IReadOnlyList<RejectedElementView>? RejectedElements = null, bool BodyRedacted = false)
{
    /// <summary>"Proses lagi" on the page: failed, partly processed, or stuck (waiting out a retry).</summary>
    public bool CanReprocess => Row.CanReprocess;
}

/// <summary>What Ops reads in the webhook log: the deliveries, one delivery in full, and today's counters.</summary>
public sealed class WebhookLogQuery(IDbContextFactory<InboxDbContext> inboxFactory, IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    /// <summary>Percentiles are taken over at most this many of the day's latest deliveries, so a flood day stays cheap.</summary>
    public const int PercentileWindow = 20_000;

    public const string DefaultIntegrationName = "Moota (default)";

    public async Task<(IReadOnlyList<WebhookLogRow> Rows, int Total)> LoadAsync(WebhookLogFilter filter, CancellationToken ct = default)
    {
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var q = inbox.WebhookDeliveries.AsNoTracking();
        if (filter.Status is DeliveryStatus s) q = q.Where(d => d.Status == s);
        if (filter.Day is DateOnly day)
        {
            var (start, end) = clock.DayRangeUtc(day);
            q = q.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end);
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(d => d.Id).Skip(filter.Skip).Take(filter.Take)
            .Select(d => new { d.Id, d.ReceivedAt, d.IntegrationId, d.SourceIp, d.Signature, d.Status, d.NewCount, d.DuplicateCount, d.AnswerMs, d.ProcessingMs, d.Attempts, d.Error })
            .ToListAsync(ct);
        var names = await IntegrationNamesAsync(rows.Select(r => r.IntegrationId), ct);
        return (rows.Select(d => new WebhookLogRow(d.Id, d.ReceivedAt, d.IntegrationId, NameOf(names, d.IntegrationId), d.SourceIp, d.Signature, d.Status,
            d.NewCount, d.DuplicateCount, d.AnswerMs, d.ProcessingMs, d.Attempts, d.Error)).ToList(), total);
    }

    public async Task<WebhookDeliveryDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var d = await inbox.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        var names = await IntegrationNamesAsync([d.IntegrationId], ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(d.HeadersJson) ?? [];
        var mutationIds = await db.Mutations.AsNoTracking().Where(m => m.WebhookDeliveryId == id).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        var row = new WebhookLogRow(d.Id, d.ReceivedAt, d.IntegrationId, NameOf(names, d.IntegrationId), d.SourceIp, d.Signature, d.Status,
            d.NewCount, d.DuplicateCount, d.AnswerMs, d.ProcessingMs, d.Attempts, d.Error);
        var problems = DeliveryProblems.FromJson(d.ProblemsJson);
        var rejected = problems is { Elements.Count: > 0 } ? WithText(problems.Elements, d.Body) : [];
        return new WebhookDeliveryDetail(row, headers.OrderBy(h => h.Key).ToList(), Pretty(d.Body), d.Body.Length, d.ProcessedAt, d.NextAttemptAt, mutationIds,
            problems?.Reason, rejected, d.BodyRedacted);
    }

    /// <summary>Each kept element with its own text from the body, so Ops reads the reason next to what it is about.</summary>
    private static List<RejectedElementView> WithText(IReadOnlyList<MootaRejectedElement> elements, byte[] body)
    {
        var texts = new Dictionary<int, string?>();
        try
        {
            using var doc = JsonDocument.Parse(JsonText.RepairUtf8(body), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                var position = 0;
                var wanted = elements.Select(e => e.Position).ToHashSet();
                foreach (var element in doc.RootElement.EnumerateArray())
                    if (wanted.Contains(++position)) texts[position] = JsonText.Indent(System.Text.Encoding.UTF8.GetBytes(element.GetRawText())) ?? element.GetRawText();
            }
        }
        catch (JsonException)
        {
            // The list of reasons still stands without the texts.
        }
        return elements.Select(e => new RejectedElementView(e.Position, e.Id, e.Problems, texts.GetValueOrDefault(e.Position))).ToList();
    }

    public async Task<WebhookLogCounters> TodayAsync(CancellationToken ct = default)
    {
        await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
        var (start, end) = clock.DayRangeUtc(clock.Today);
        var today = inbox.WebhookDeliveries.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end);
        var byStatus = await today.GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Dup = g.Sum(x => x.DuplicateCount), New = g.Sum(x => x.NewCount) }).ToListAsync(ct);
        int Count(params DeliveryStatus[] s) => byStatus.Where(b => s.Contains(b.Status)).Sum(b => b.Count);

        var timings = await today.OrderByDescending(d => d.Id).Take(PercentileWindow).Select(d => new { d.AnswerMs, d.ProcessingMs }).ToListAsync(ct);
        var answers = timings.Where(t => t.AnswerMs != null).Select(t => t.AnswerMs!.Value).OrderBy(x => x).ToArray();
        var processing = timings.Where(t => t.ProcessingMs != null).Select(t => t.ProcessingMs!.Value).OrderBy(x => x).ToArray();
        return new WebhookLogCounters(
            byStatus.Sum(b => b.Count), Count(DeliveryStatus.Rejected, DeliveryStatus.Malformed), Count(DeliveryStatus.Failed), Count(DeliveryStatus.Pending),
            byStatus.Sum(b => b.Dup), byStatus.Sum(b => b.New),
            Percentile(answers, 0.50), Percentile(answers, 0.95), Percentile(processing, 0.50), Percentile(processing, 0.95), Count(DeliveryStatus.Partial));
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return null;
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// Indented JSON when the body is JSON, comments and repeated keys kept; otherwise the text as it came (forged or broken
    /// bodies are shown, not hidden). Broken text shows as U+FFFD; it never stops the page.
    /// </summary>
    public static string Pretty(byte[] body) =>
        body.Length == 0 ? "" : JsonText.Indent(body) ?? System.Text.Encoding.UTF8.GetString(body);

    private async Task<Dictionary<int, string>> IntegrationNamesAsync(IEnumerable<int?> ids, CancellationToken ct)
    {
        var wanted = ids.Where(i => i != null).Select(i => i!.Value).Distinct().ToList();
        if (wanted.Count == 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Integrations.AsNoTracking().Where(i => wanted.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
    }

    private static string NameOf(Dictionary<int, string> names, int? id) =>
        id is null ? DefaultIntegrationName : names.TryGetValue(id.Value, out var n) ? n : $"#{id}";
}
