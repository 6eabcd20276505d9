using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

/// <summary>
/// The load and the final count of bench/two-instances/run.sh (issue 14): signed Moota deliveries at a fixed rate through
/// nginx to two MootaDesk instances on one PostgreSQL store, while the script kills one instance with kill -9 and starts it
/// again. Then it waits for the inbox to drain and counts, in the store:
/// <list type="bullet">
/// <item>lost = unique mutation ids sent − distinct stored; doubled = stored − distinct;</item>
/// <item>deliveries whose outcome was recorded more than once (<c>Attempts</c> &gt; 1), and deliveries whose recorded new count
/// differs from the mutations that name them (what processing a delivery twice would leave);</item>
/// <item>deliveries taken over from the killed instance (their mutations committed before the kill, recognised when another
/// instance read the delivery again: a sighting of the same delivery), and bodies stored twice because nginx retried a
/// request the killed instance had already committed (their mutations are duplicates, never new rows).</item>
/// </list>
///   two-instances-load --url http://127.0.0.1:8150/api/webhooks/moota --connection "Host=…;Database=…" [--rate 600]
///     [--seconds 60] [--mutations 5] [--resend-every 100] [--max-in-flight 512] [--started-file PATH] [--nginx-log PATH]
///     [--drain-minutes 15]
/// Exit code 0 only when nothing was lost, doubled or processed twice and every request was answered 200.
/// </summary>
static class TwoInstancesLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(BenchSettings.Text(args, "--url") ?? throw new ArgumentException("--url is required"));
        var connection = BenchSettings.Text(args, "--connection") ?? throw new ArgumentException("--connection is required");
        int Int(string name, int fallback) => BenchSettings.Text(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var rate = Int("--rate", 600);
        var seconds = Int("--seconds", 60);
        var mutations = Int("--mutations", 5);
        var resendEvery = Int("--resend-every", 100);
        var maxInFlight = Int("--max-in-flight", 512);
        var drainMinutes = Int("--drain-minutes", 15);
        var startedFile = BenchSettings.Text(args, "--started-file");
        var nginxLog = BenchSettings.Text(args, "--nginx-log");

        var run = "t" + Random.Shared.Next(0x1000, 0xFFFF).ToString("x4", CultureInfo.InvariantCulture);
        var bodies = Load.Bodies(run, rate * seconds, mutations, resendEvery, out var unique);
        var resends = resendEvery > 0 ? Enumerable.Range(1, bodies.Count - 1).Count(i => i % resendEvery == 0) : 0;
        Console.WriteLine($"load: {rate} deliveries/s × {seconds} s × {mutations} mutations through {url} ({bodies.Count:N0} deliveries, {unique:N0} unique mutations, {resends} resends)");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = maxInFlight, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        // Warm-up through nginx, not counted: both instances' JIT and pools (empty deliveries store nothing).
        var warm = Encoding.UTF8.GetBytes("[]");
        for (var i = 0; i < 200; i++) await Load.Send(client, url, warm);

        if (startedFile is not null) await File.WriteAllTextAsync(startedFile, DateTime.UtcNow.ToString("O"));
        var sent = await Load.SendAllAsync(client, url, bodies, rate, maxInFlight);
        var (started, latencies, statuses, elapsed) = (sent.StartedAt, sent.Latencies, sent.Statuses, sent.ElapsedSeconds);

        var sorted = latencies.Order().ToArray();
        double P(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        var errors = statuses.Count(s => s != 200);
        Console.WriteLine();
        Console.WriteLine("per 5 s of the run (the kill shows as a step):");
        for (var from = 0; from < seconds; from += 5)
        {
            var slice = Enumerable.Range(0, bodies.Count).Where(i => started[i] >= from && started[i] < from + 5).ToList();
            if (slice.Count == 0) continue;
            var window = slice.Select(i => latencies[i]).Order().ToArray();
            Console.WriteLine($"  {from,3}–{from + 5,3} s: {slice.Count,6} sent, {slice.Count(i => statuses[i] != 200),4} errors, p50 {window[window.Length / 2],7:0.0} ms, " +
                              $"p99 {window[Math.Clamp((int)Math.Ceiling(0.99 * window.Length) - 1, 0, window.Length - 1)],7:0.0} ms, max {window[^1],7:0.0} ms");
        }
        Console.WriteLine($"answers: {bodies.Count:N0} sent in {elapsed:0.0} s ({bodies.Count / elapsed:0} req/s), errors {errors} " +
                          $"({string.Join(", ", statuses.Where(s => s != 200).GroupBy(s => s).Select(g => $"{(g.Key < 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count()}"))}), " +
                          $"p50 {P(0.50):0.00} ms, p90 {P(0.90):0.00} ms, p99 {P(0.99):0.00} ms, max {sorted[^1]:0.0} ms");
        if (nginxLog is not null && File.Exists(nginxLog)) PrintNginx(nginxLog);

        // The inbox drains on whichever instances are alive; the killed instance's locked batch is released with its connection.
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var drain = Stopwatch.StartNew();
        long pending;
        while ((pending = await Long(db, """SELECT count(*) FROM "WebhookDeliveries" WHERE "Status" = 0""")) > 0 && drain.Elapsed < TimeSpan.FromMinutes(drainMinutes))
            await Task.Delay(500);
        Console.WriteLine($"inbox drained in {drain.Elapsed.TotalSeconds:0.0} s after the load ({pending} still pending)");

        var stored = await Long(db, """SELECT count(*) FROM "Mutations" """);
        var distinct = await Long(db, """SELECT count(DISTINCT "SourceId") FROM "Mutations" """);
        const string real = """length("Body") > 2""";
        var deliveries = await Long(db, $"""SELECT count(*) FROM "WebhookDeliveries" WHERE {real}""");
        var notProcessed = await Long(db, $"""SELECT count(*) FROM "WebhookDeliveries" WHERE {real} AND "Status" <> 1""");
        var recordedTwice = await Long(db, $"""SELECT count(*) FROM "WebhookDeliveries" WHERE {real} AND "Attempts" > 1""");
        var countMismatch = await Long(db, $"""
            SELECT count(*) FROM "WebhookDeliveries" d
            WHERE {real} AND d."NewCount" <> (SELECT count(*) FROM "Mutations" m WHERE m."WebhookDeliveryId" = d."Id")
            """);
        var takenOver = await Long(db, """
            SELECT count(DISTINCT s."WebhookDeliveryId") FROM "MutationSightings" s JOIN "Mutations" m ON m."Id" = s."MutationId"
            WHERE s."WebhookDeliveryId" = m."WebhookDeliveryId"
            """);
        var extraCopies = await Long(db, $"""SELECT COALESCE(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM "WebhookDeliveries" WHERE {real} GROUP BY md5("Body")) b""");
        var duplicatesCounted = await Long(db, $"""SELECT COALESCE(sum("DuplicateCount"), 0) FROM "WebhookDeliveries" WHERE {real}""");
        var keys = await Long(db, """SELECT count(*) FROM "DataProtectionKeys" """);
        var answerMs = new List<double>();
        await using (var cmd = new NpgsqlCommand($"""SELECT "AnswerMs" FROM "WebhookDeliveries" WHERE {real} AND "AnswerMs" IS NOT NULL ORDER BY 1""", db))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) answerMs.Add(r.GetDouble(0));

        var lost = unique - distinct;
        var doubled = stored - distinct;
        var retriedCopies = extraCopies - resends;
        Console.WriteLine();
        Console.WriteLine($"store: {deliveries:N0} deliveries stored for {bodies.Count:N0} sent ({resends} resends by the load, {Math.Max(0, retriedCopies)} copies from requests nginx " +
                          $"retried after the killed instance had committed them); {stored:N0} mutations, {distinct:N0} distinct; Data Protection keys in the store: {keys}");
        Console.WriteLine($"lost {lost} (target 0: {Verdict(lost == 0)}) · doubled {doubled} (target 0: {Verdict(doubled == 0)}) · " +
                          $"deliveries not processed {notProcessed} · outcome recorded twice {recordedTwice} · new count ≠ stored rows {countMismatch} " +
                          $"(no delivery processed twice: {Verdict(recordedTwice == 0 && countMismatch == 0)})");
        Console.WriteLine($"taken over from the killed instance and recognised (no row stored again): {takenOver} deliveries; resent or retried mutations counted as duplicates {duplicatesCounted:N0}");
        if (answerMs.Count > 0)
            Console.WriteLine($"server-side answer time up to the commit (AnswerMs): p50 {answerMs[answerMs.Count / 2]:0.00} ms, p99 {answerMs[(int)(answerMs.Count * 0.99)]:0.00} ms");
        Console.WriteLine($"answer p99 through nginx {P(0.99):0.00} ms (target ≤ 50 ms: {Verdict(P(0.99) <= 50)}); errors seen by the sender {errors} (target 0: {Verdict(errors == 0)})");
        return lost == 0 && doubled == 0 && recordedTwice == 0 && countMismatch == 0 && notProcessed == 0 && errors == 0 ? 0 : 1;
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static async Task<long> Long(NpgsqlConnection db, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// nginx's log (format "status upstream_addr upstream_status request_time", run.sh writes it): a request passed to a
    /// second instance lists two upstream addresses.
    /// </summary>
    private static void PrintNginx(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.Split(' ')).Where(p => p.Length >= 2).ToList();
        var retried = lines.Count(p => p[1].EndsWith(','));
        var byUpstream = lines.SelectMany(p => p.Skip(1).TakeWhile(x => x.Contains(':'))).Select(a => a.TrimEnd(','))
            .GroupBy(a => a).Select(g => $"{g.Key} {g.Count():N0}");
        Console.WriteLine($"nginx: {lines.Count:N0} requests logged, {retried} passed on to the other instance after an error, " +
                          $"{lines.Count(p => p[0] != "200")} answered with an error; tries per instance: {string.Join(", ", byUpstream)}");
    }
}
