using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

// Issue 13, Mutasi measured in the browser (Playwright + Debian's Chromium) against the published app on a seeded SQLite store:
//   1. clicking Mutasi in the menu → the first page of rows visible (p95 ≤ 1 s);
//   2. typing a text filter and clicking "Terapkan" → the filtered rows visible (p95 ≤ 500 ms);
//   3. --users signed-in people at once, each changing the text filter every --interval s for --seconds: the server's p95
//      per Mutasi read from /metrics (mootadesk.mutations.search.duration, page and count; ≤ 300 ms), circuits lost (0),
//      and the app's memory per open circuit (working set before/after ÷ circuits; goal ≤ 5 MB).
// Usage (bench/browser/run.sh publishes the app and passes --app):
//   MootaDesk.Bench.Browser --app PUBLISH_DIR [--mutations 1000000 | --db SEEDED.db] [--iterations 20] [--users 50]
//                           [--seconds 120] [--interval 2] [--port 5160]
// The app, Chromium and the run's folder under /tmp/scale-bench go at the end, on failure and on Ctrl-C.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string? Text(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
int Int(string name, int fallback) => Text(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var appDir = Text("--app");
if (appDir is null || !File.Exists(Path.Combine(appDir, "MootaDesk.Web.dll")))
{
    Console.Error.WriteLine("--app must name the published app (dotnet publish src/MootaDesk.Web -c Release -o DIR); bench/browser/run.sh does that.");
    return 2;
}
var mutations = Int("--mutations", 1_000_000);
var iterations = Int("--iterations", 20);
var users = Int("--users", 50);
var seconds = Int("--seconds", 120);
var interval = Int("--interval", 2);
var port = Int("--port", 5160);
const string chromium = "/usr/bin/chromium";
const string scrapeToken = "bench-scrape-token-5c1e9a0b7d";

Console.WriteLine($"MootaDesk Mutasi in the browser · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} CPU · load average {File.ReadAllText("/proc/loadavg").Trim()}");
var work = Directory.CreateDirectory(Path.Combine("/tmp/scale-bench", "browser-" + Guid.NewGuid().ToString("N")[..8]));
CleanExit.Add("delete " + work.FullName, () => { if (work.Exists) work.Delete(true); });
try
{
    var db = Path.Combine(work.FullName, "app.db");
    var watch = Stopwatch.StartNew();
    if (Text("--db") is { } seeded)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(seeded + suffix)) File.Copy(seeded + suffix, db + suffix);
        Console.WriteLine($"copied {seeded} in {watch.Elapsed.TotalSeconds:0.0} s");
    }
    else
    {
        await RunToEndAsync("dotnet", [Path.Combine(appDir, "MootaDesk.Web.dll"), "seed", "--mutations", mutations.ToString(CultureInfo.InvariantCulture), "--db", db], appDir);
        Console.WriteLine($"seeded {mutations:N0} mutations in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    var app = await App.StartAsync(appDir, db, port, scrapeToken);
    CleanExit.Add("stop the app", app.Stop);

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
    CleanExit.Add("close Chromium", () => { if (browser.IsConnected) browser.CloseAsync().Wait(TimeSpan.FromSeconds(10)); });

    // First run: the Owner through the real set-up form; every later context reuses the sign-in cookie.
    var first = await NewContextAsync(browser, app.Url, null);
    var page = await first.NewPageAsync();
    await page.GotoAsync("/");
    await page.WaitForURLAsync("**/penyiapan");
    await page.FillAsync("input[name='Input.BusinessName']", "Toko Bench");
    await page.FillAsync("input[name='Input.DisplayName']", "Bench Owner");
    await page.FillAsync("input[name='Input.UserName']", "owner");
    await page.FillAsync("input[name='Input.Password']", "kopi-susu-gula-aren");
    await page.FillAsync("input[name='Input.ConfirmPassword']", "kopi-susu-gula-aren");
    await page.ClickAsync("button[type=submit]");
    await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    await Ui.InteractiveAsync(page);
    var signedIn = await first.StorageStateAsync();

    // 1. Menu → first page of rows. Beranda and back each time, in the same tab, as a clerk clicks through the app.
    var menu = new List<double>();
    for (var i = 0; i <= iterations; i++)
    {
        await page.Locator(".md-nav a").First.ClickAsync(); // Beranda
        await page.Locator("[data-testid=mutation-grid]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.WaitForTimeoutAsync(300);
        var t = Stopwatch.StartNew();
        await page.Locator(".md-nav a[href$='mutasi']").First.ClickAsync();
        await Ui.RowsVisibleAsync(page, null);
        if (i > 0) menu.Add(t.Elapsed.TotalMilliseconds); // the first visit warms the app's caches and the JIT
    }
    Console.WriteLine($"menu → Mutasi rows visible: p50 {Stats.P(menu, 50):N0} ms, p95 {Stats.P(menu, 95):N0} ms, max {menu.Max():N0} ms over {menu.Count} visits " +
                      $"(target p95 ≤ 1000 ms: {Stats.Verdict(Stats.P(menu, 95) <= 1000)})");

    // 2. Filter → rows visible: a different name each time, so every apply changes the rows.
    var apply = new List<double>();
    for (var i = 0; i <= iterations; i++)
        if (await Ui.ApplyTextFilterAsync(page, Ui.Words[i % Ui.Words.Length]) is double ms && i > 0) apply.Add(ms);
    Console.WriteLine($"filter → rows visible: p50 {Stats.P(apply, 50):N0} ms, p95 {Stats.P(apply, 95):N0} ms, max {apply.Max():N0} ms over {apply.Count} filters " +
                      $"(target p95 ≤ 500 ms: {Stats.Verdict(Stats.P(apply, 95) <= 500)})");
    await first.CloseAsync();

    // 3. Many people at once. Memory: the app's working set with no tab open, then with every tab open and idle.
    await Task.Delay(TimeSpan.FromSeconds(5));
    var before = app.WorkingSetBytes();
    var metricsBefore = await app.ScrapeAsync();
    var contexts = new List<(IBrowserContext Context, IPage Page, Stats.Circuit Circuit)>();
    foreach (var n in Enumerable.Range(0, users))
    {
        var context = await NewContextAsync(browser, app.Url, signedIn);
        var p = await context.NewPageAsync();
        var circuit = new Stats.Circuit(p);
        await p.GotoAsync("/mutasi");
        await Ui.InteractiveAsync(p);
        await Ui.RowsVisibleAsync(p, null);
        contexts.Add((context, p, circuit));
    }
    await Task.Delay(TimeSpan.FromSeconds(5));
    var withCircuits = app.WorkingSetBytes();
    Console.WriteLine($"{users} circuits open: app working set {before / 1048576.0:N0} MB → {withCircuits / 1048576.0:N0} MB = " +
                      $"{(withCircuits - before) / 1048576.0 / users:N2} MB per circuit (goal ≤ 5 MB: {Stats.Verdict((withCircuits - before) / 1048576.0 / users <= 5)})");

    var clientMs = new List<double>();
    var failures = 0;
    var deadline = DateTime.UtcNow.AddSeconds(seconds);
    var load = contexts.Select((c, n) => Task.Run(async () =>
    {
        var rng = new Random(n);
        await Task.Delay(rng.Next(interval * 1000));
        while (DateTime.UtcNow < deadline)
        {
            var next = DateTime.UtcNow.AddSeconds(interval);
            try
            {
                if (await Ui.ApplyTextFilterAsync(c.Page, Ui.Words[rng.Next(Ui.Words.Length)]) is double ms) lock (clientMs) clientMs.Add(ms);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                Interlocked.Increment(ref failures);
            }
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
        }
    })).ToList();
    await Task.WhenAll(load);
    var after = app.WorkingSetBytes();
    var metricsAfter = await app.ScrapeAsync();
    var lost = 0;
    foreach (var (_, p, circuit) in contexts)
        if (await circuit.LostAsync()) lost++;

    Console.WriteLine($"{users} people × a filter every {interval} s for {seconds} s: {clientMs.Count:N0} filters applied, {failures} failed; " +
                      $"in the browser p50 {Stats.P(clientMs, 50):N0} ms, p95 {Stats.P(clientMs, 95):N0} ms");
    foreach (var query in new[] { "page", "count" })
    {
        var (count, p95) = Stats.HistogramP95(metricsBefore, metricsAfter, "mootadesk_mutations_search_duration_seconds", query);
        Console.WriteLine($"server, Mutasi {query} reads: {count:N0}, p95 ≤ {p95 * 1000:N0} ms (bucket bound) (target ≤ 300 ms: {Stats.Verdict(p95 <= 0.3)})");
    }
    Console.WriteLine($"circuits lost: {lost} of {users} (target 0: {Stats.Verdict(lost == 0)}); app working set at the end {after / 1048576.0:N0} MB");
    foreach (var (context, _, _) in contexts) await context.CloseAsync();
    Console.WriteLine($"machine load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
    return lost == 0 && failures == 0 ? 0 : 1;
}
catch (Exception e)
{
    // Caught so the finally below runs: an unhandled exception ends the process without it.
    Console.Error.WriteLine(e);
    return 1;
}
finally
{
    CleanExit.Run();
}

static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string url, string? storageState)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = url,
        ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        Locale = "id-ID",
        TimezoneId = "Asia/Jakarta",
        StorageState = storageState,
    });
    context.SetDefaultTimeout(30_000);
    return context;
}

static async Task RunToEndAsync(string file, string[] arguments, string dir)
{
    var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, UseShellExecute = false };
    foreach (var a in arguments) psi.ArgumentList.Add(a);
    using var process = Process.Start(psi)!;
    var ended = false;
    CleanExit.Add("stop " + file, () => { if (!ended) process.Kill(true); });
    await process.WaitForExitAsync();
    ended = true;
    if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}");
}

/// <summary>The published app in Production on the seeded store, its /metrics readable with a scrape token.</summary>
sealed class App(Process process, string url, string scrapeToken)
{
    public string Url { get; } = url;

    public static async Task<App> StartAsync(string appDir, string db, int port, string scrapeToken)
    {
        var url = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = appDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(appDir, "MootaDesk.Web.dll"), "--urls", url }) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ConnectionStrings__MootaDesk"] = $"Data Source={db}";
        psi.Environment["MootaDesk__DemoData"] = "false";
        psi.Environment["MootaDesk__Moota__Pull__Enabled"] = "false";
        psi.Environment["MootaDesk__Metrics__ScrapeToken"] = scrapeToken;
        psi.Environment["MootaDesk__Proof__PublicBaseUrl"] = url;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__MootaDesk.Core.Mutations.TextIndexCatchUpService"] = "Information";
        var process = Process.Start(psi)!;
        var indexed = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Text search index caught up", StringComparison.Ordinal) == true) indexed.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && e.Data.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new App(process, url, scrapeToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the app exited during start-up with {process.ExitCode}");
            if (watch.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("the app did not answer /health within 3 minutes");
            try
            {
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode) break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        Console.WriteLine($"app answers at {url} after {watch.Elapsed.TotalSeconds:0.0} s; waiting for its text-index catch-up of the seeded rows");
        // The app indexes the seeded rows for text search in the background at its first start (about 6 s a million, quiet).
        if (await Task.WhenAny(indexed.Task, Task.Delay(TimeSpan.FromMinutes(5))) != indexed.Task)
            Console.WriteLine("no catch-up line within 5 minutes (a store the app had already opened): measuring anyway");
        return app;
    }

    /// <summary>The app's resident memory (VmRSS of /proc), in bytes.</summary>
    public long WorkingSetBytes()
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    public async Task<string> ScrapeAsync()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Url + "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", scrapeToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public void Stop()
    {
        if (!process.HasExited) process.Kill(true);
        process.WaitForExit(10_000);
    }
}

static class Ui
{
    /// <summary>Names the seeder writes into descriptions (BulkSeeder): each matches a few percent of the rows.</summary>
    public static readonly string[] Words = ["BUDI", "SITI", "ANDI", "DEWI", "RIZKY", "PUTRI", "AGUS", "RINA", "HENDRA", "FITRI", "YOGA", "SANTOSO", "LESTARI", "WIJAYA", "RAHAYU"];

    public static Task InteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive][data-ready=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Waits until the grid shows rows and, with <paramref name="word"/>, every row shows that word.</summary>
    public static Task RowsVisibleAsync(IPage page, string? word) =>
        page.WaitForFunctionAsync("""
            word => {
                const rows = [...document.querySelectorAll('[data-testid=mutation-grid] tbody tr')].filter(r => r.querySelector('[data-testid=row-open]'));
                return rows.length > 0 && rows[0].offsetParent !== null && (!word || rows.every(r => r.innerText.toUpperCase().includes(word)));
            }
            """, word, new() { PollingInterval = 10 });

    /// <summary>Types <paramref name="word"/> in the text filter and applies it; the time from the click to the filtered rows, in ms.</summary>
    public static async Task<double?> ApplyTextFilterAsync(IPage page, string word)
    {
        // The filter panel is moving to MudBlazor, which puts a data-testid on the field's wrapper: take the input either way.
        var input = page.Locator("input[data-testid=filter-text], [data-testid=filter-text] input").First;
        await input.FillAsync(word.ToLowerInvariant());
        var t = Stopwatch.StartNew();
        await page.Locator("[data-testid=filter-apply]").First.ClickAsync();
        await RowsVisibleAsync(page, word);
        return t.Elapsed.TotalMilliseconds;
    }
}

static class Stats
{
    public static double P(List<double> values, int p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static string Verdict(bool met) => met ? "met" : "NOT met";

    /// <summary>
    /// The p95 of a Prometheus histogram between two scrapes, for the series with <c>query="…"</c>: the upper bound of the
    /// bucket holding the 95th percentile of the observations made in between (the exporter's buckets: MootaDeskMetrics).
    /// </summary>
    public static (long Count, double P95) HistogramP95(string before, string after, string metric, string query)
    {
        Dictionary<double, long> Buckets(string text)
        {
            var re = new Regex($"^{metric}_bucket\\{{[^}}]*query=\"{query}\"[^}}]*le=\"([^\"]+)\"\\}} (\\d+)", RegexOptions.Multiline);
            return re.Matches(text).ToDictionary(
                m => m.Groups[1].Value == "+Inf" ? double.PositiveInfinity : double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        var b = Buckets(before);
        var a = Buckets(after);
        var diff = a.OrderBy(x => x.Key).Select(x => (Le: x.Key, N: x.Value - b.GetValueOrDefault(x.Key))).ToList();
        var total = diff.Count > 0 ? diff[^1].N : 0;
        if (total == 0) return (0, double.NaN);
        return (total, diff.First(x => x.N >= 0.95 * total).Le);
    }

    /// <summary>A tab's Blazor circuit: lost when its WebSocket closed while the tab was open, or Blazor shows its reconnect notice.</summary>
    public sealed class Circuit
    {
        private readonly IPage _page;
        private int _closed;

        public Circuit(IPage page)
        {
            _page = page;
            page.WebSocket += (_, ws) => { if (ws.Url.Contains("_blazor", StringComparison.Ordinal)) ws.Close += (_, _) => Interlocked.Increment(ref _closed); };
        }

        public async Task<bool> LostAsync() =>
            _closed > 0 || await _page.EvaluateAsync<bool>("() => /components-reconnect-(show|failed|rejected)/.test(document.getElementById('components-reconnect-modal')?.className ?? '')");
    }
}
