using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Platform.Metrics;

/// <summary>
/// The Meter "MootaDesk": what an operator graphs to see that Moota's deliveries are answered fast, kept and processed.
/// Exported at <c>/metrics</c> in Prometheus text (names there: dots become underscores, the unit is appended, counters end
/// in <c>_total</c>). The webhook log page keeps its own numbers from the stored deliveries, which survive a restart;
/// these are the live series for a scraper.
/// <list type="bullet">
/// <item><c>mootadesk.webhook.answer.duration</c> (histogram, seconds; tag <c>http.response.status_code</c>): read, verify and
/// commit of one delivery, up to the answer.</item>
/// <item><c>mootadesk.inbox.lag</c> (gauge, seconds): age of the oldest pending delivery; 0 when none waits.</item>
/// <item><c>mootadesk.webhook.deliveries.processed</c> (counter; tag <c>status</c> processed/partial/failed) and
/// <c>mootadesk.mutations.ingested</c> (counter; tags <c>channel</c>, <c>outcome</c> new/duplicate): their rate is the
/// processed-per-second figure.</item>
/// <item><c>mootadesk.failures</c> (counter; tags <c>area</c>, <c>reason</c>): refused webhooks (the refusal's code), deliveries
/// that failed or were retried, failed Moota pulls.</item>
/// <item><c>mootadesk.mutations.search.duration</c> (histogram, seconds; tag <c>query</c> page/count): one Mutasi read in the store
/// for the grid (a page of rows with their tags, or the count capped at 10,000); a filter change costs one of each.</item>
/// </list>
/// </summary>
public sealed class MootaDeskMetrics
{
    public const string MeterName = "MootaDesk";

    private readonly Histogram<double> _answer;
    private readonly Histogram<double> _search;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _mutations;
    private readonly Counter<long> _failures;

    public MootaDeskMetrics(IDbContextFactory<InboxDbContext> inboxFactory, TimeProvider time, IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _answer = meter.CreateHistogram<double>("mootadesk.webhook.answer.duration", "s", "Time to verify and commit one Moota webhook delivery.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _search = meter.CreateHistogram<double>("mootadesk.mutations.search.duration", "s", "Time to read one page of the Mutasi grid, or its capped count, from the store.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5] });
        _deliveries = meter.CreateCounter<long>("mootadesk.webhook.deliveries.processed", "{delivery}", "Webhook deliveries the inbox processor finished.");
        _mutations = meter.CreateCounter<long>("mootadesk.mutations.ingested", "{mutation}", "Mutations stored (new) or recognised (duplicate) by a channel.");
        _failures = meter.CreateCounter<long>("mootadesk.failures", "{failure}", "Refused webhooks, failed or retried deliveries and failed Moota pulls, by reason.");
        meter.CreateObservableGauge("mootadesk.inbox.lag", () => InboxLagSeconds(inboxFactory, time), "s",
            "Age of the oldest webhook delivery still waiting to be processed; 0 when none waits.");
    }

    /// <summary>One webhook answer: its time and status code.</summary>
    public void WebhookAnswered(TimeSpan elapsed, int statusCode) =>
        _answer.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("http.response.status_code", statusCode));

    /// <summary>One Mutasi read for the grid: <paramref name="query"/> is "page" or "count".</summary>
    public void MutationsSearched(string query, TimeSpan elapsed) =>
        _search.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("query", query));

    /// <summary>A delivery the processor finished, with the mutations it stored and recognised.</summary>
    public void DeliveryProcessed(DeliveryStatus status, int fresh, int duplicates)
    {
        _deliveries.Add(1, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));
        Ingested("webhook", fresh, duplicates);
    }

    /// <summary>Mutations a channel (webhook, api, import…) stored or recognised.</summary>
    public void Ingested(string channel, int fresh, int duplicates)
    {
        if (fresh > 0) _mutations.Add(fresh, new("channel", channel), new("outcome", "new"));
        if (duplicates > 0) _mutations.Add(duplicates, new("channel", channel), new("outcome", "duplicate"));
    }

    /// <summary>A failure of <paramref name="area"/> (webhook, inbox, moota-sync) for a machine-readable <paramref name="reason"/>.</summary>
    public void Failed(string area, string reason) =>
        _failures.Add(1, new("area", area), new("reason", reason));

    private static double InboxLagSeconds(IDbContextFactory<InboxDbContext> inboxFactory, TimeProvider time)
    {
        // Observed on each scrape: one indexed read of the oldest pending row.
        using var inbox = inboxFactory.CreateDbContext();
        var oldest = inbox.WebhookDeliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.Id).Select(d => (DateTime?)d.ReceivedAt).FirstOrDefault();
        return oldest is DateTime received ? Math.Max(0, (time.GetUtcNow().UtcDateTime - received).TotalSeconds) : 0;
    }
}
