using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Browser.Tests.Integrations;

/// <summary>
/// Issue 10 as a person meets it: Moota's webhook, then "Sinkronkan sekarang" against Moota's API (the case pages served
/// over HTTP), the statement of the same day, a changed resend, and the duplicates an older version left behind.
/// </summary>
public class OneRowPerTransactionBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const string Secret = "browser-webhook-secret";
    private const string Token = "case-token-0123456789abcdef";

    [BrowserFact]
    public async Task Webhook_pull_statement_conflict_and_duplicates_review_keep_one_row_per_transaction()
    {
        using var moota = CaseMoota.Start();
        await using var app = await AppServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["MootaDesk:Moota:WebhookSecret"] = Secret,
            ["MootaDesk:Moota:Api:Token"] = Token,
            ["MootaDesk:Moota:Api:BaseUrl"] = moota.BaseUrl,
            ["MootaDesk:Moota:Pull:Enabled"] = "false",
        });
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        // Practice first: a sandbox transfer travels the signed webhook path and stays its own row.
        await page.GotoAsync("/integrasi/sandbox");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#newSandboxLabel", "BCA Latihan");
        await page.ClickAsync("[data-testid=create-sandbox-account]");
        await page.Locator("[data-testid=sandbox-accounts]", new PageLocatorOptions { HasTextString = "BCA Latihan" }).WaitForAsync();
        await page.FillAsync("#simAmount", "200.037");
        await page.FillAsync("#simSender", "Dewi Lestari");
        await page.ClickAsync("[data-testid=simulate]");
        await Assertions.Expect(page.Locator("[data-testid=simulation-outcome]")).ToContainTextAsync("1 mutasi baru", new() { IgnoreCase = true });

        // Moota pushes two mutations of BCA 0144050123.
        await DeliverAsync(http, FromCasePage("sigPhp0001A"));
        await DeliverAsync(http, IngestCases.Bytes("webhook-then-pull/webhook-order-payment.json"));
        await WaitForProcessingAsync(page);

        // Then Ops pulls from Moota's API by hand: only pullNew0001 is new.
        await page.GotoAsync("/integrasi/moota-api");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=pull-configured]").WaitForAsync();
        await page.ClickAsync("[data-testid=pull-sync-now]");
        await Assertions.Expect(page.Locator("[data-testid=pull-last-run]")).ToContainTextAsync("1 baru, 2 sudah ada, 0 konflik", new() { IgnoreCase = true });
        await page.ScreenshotAsync("identity-pull-after-webhook");

        // The statement of that day: both rows are already there, with a link to each.
        await page.GotoAsync("/rekening");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=accounts-grid]").WaitForAsync();
        await page.Locator("[data-testid=accounts-grid] tr", new PageLocatorOptions { HasTextString = "0144050123" }).Locator("a[data-testid^='import-']").ClickAsync();
        await page.WaitForURLAsync("**/rekening/impor?rekening=*");
        await page.WaitForInteractiveAsync();
        var file = Path.Combine(Path.GetTempPath(), $"statement-overlaps-moota-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, IngestCases.Bytes("statement-overlaps-moota.csv"));
        try
        {
            await page.ChooseStatementFileAsync(file);
            await page.Locator("[data-testid=import-preview]").WaitForAsync();
            await page.ClickAsync("[data-testid=import-check]");
            await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToHaveTextAsync("0 baru, 2 sudah ada, 0 ditolak");
            await Assertions.Expect(page.Locator("[data-testid=present-row]")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("[data-testid=import-nothing-new]")).ToBeVisibleAsync();
            await page.Locator("[data-testid=import-report]").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync("identity-statement-already-present", fullPage: false);
        }
        finally
        {
            File.Delete(file);
        }
        await page.Locator("[data-testid=present-link]").Nth(1).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("buka="));
        await page.Locator("[data-testid=detail-channels]").WaitForAsync();
        var channels = await page.Locator("[data-testid=detail-channels]").InnerTextAsync();
        channels.ShouldContain("dblOrder001");
        channels.ShouldContain("Webhook");
        channels.ShouldContain("API");
        await page.ScreenshotAsync("identity-mutation-channels");
        // The link is a Mutasi filter too: behind the drawer the grid shows that one transaction.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=mutation-count]")).ToHaveTextAsync("1 mutasi");

        // Moota sends replay00001 again with ten times the amount: the first version stays, Ops sees the conflict.
        await DeliverAsync(http, IngestCases.Bytes("changed-resend/first.json"));
        var second = await DeliverAsync(http, IngestCases.Bytes("changed-resend/second-same-id-new-amount.json"));
        await WaitForProcessingAsync(page);
        await page.GotoAsync($"/integrasi/webhook/{second}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=delivery-conflicts]")).ToContainTextAsync("replay00001", new() { IgnoreCase = true });
        await page.ScreenshotAsync("identity-delivery-conflict");
        await Assertions.Expect(page.Locator("[data-testid=notification-count]")).ToHaveTextAsync("1");
        await page.GotoAsync("/integrasi/konflik");
        await page.WaitForInteractiveAsync();
        var conflict = page.Locator("[data-testid=conflict]");
        await Assertions.Expect(conflict).ToContainTextAsync("Rp 1.500.000", new() { IgnoreCase = true });
        await page.ScreenshotAsync("identity-conflict-open");
        await page.ClickAsync("[data-testid=conflict-keep-old]");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Ya" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=conflict-decided]")).ToContainTextAsync("Tetap versi lama — diputuskan oleh", new() { IgnoreCase = true });

        // An older MootaDesk had stored dblOrder001 a second time from the pull, and the statement line of pullNew0001.
        LeaveLegacyDuplicates(app.DatabasePath);
        await page.GotoAsync("/mutasi");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("[data-testid=duplicates-link]");
        await page.WaitForURLAsync("**/mutasi/duplikat");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=duplicate-group]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=duplicates-summary]")).ToContainTextAsync("Rp 325.037", new() { IgnoreCase = true });
        await page.ScreenshotAsync("identity-duplicates-review");
        await page.Locator("[data-testid=duplicate-merge]").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Ya" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=duplicate-group]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=merge-history-row]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("identity-duplicates-merged");
        await page.ClickAsync("[data-testid=merge-undo]");
        await Assertions.Expect(page.Locator("[data-testid=duplicate-group]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=merge-history-row]")).ToContainTextAsync("dibatalkan oleh", new() { IgnoreCase = true });

        // The same review in English.
        await page.GotoAsync("/budaya?c=en-US&kembali=/mutasi/duplikat");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Cross-source duplicates");
        await page.ScreenshotAsync("identity-duplicates-review-en");

        // A script without the integrations scope gets a clear refusal, not a pull.
        var refused = await http.PostAsync("/api/moota/sync", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<long> DeliverAsync(HttpClient http, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/moota") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Signature", MootaSignature.Compute(body, Secret));
        var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["deliveryId"]!;
    }

    /// <summary>The log's counter of waiting deliveries goes back to 0 once the inbox processed everything.</summary>
    private static async Task WaitForProcessingAsync(IPage page)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.GotoAsync("/integrasi/webhook");
            await page.WaitForInteractiveAsync();
            // The grid loads its page from the server after the first render: wait for rows before reading them.
            await page.Locator("[data-testid=delivery-link]").First.WaitForAsync();
            if (!(await page.Locator("[data-testid=webhook-log]").InnerTextAsync()).Contains("Menunggu", StringComparison.OrdinalIgnoreCase)) return;
            await Task.Delay(500);
        }
        throw new TimeoutException("Webhook deliveries still waiting.");
    }

    private static byte[] FromCasePage(string mutationId)
    {
        foreach (var name in new[] { "webhook-then-pull/mutation-bnkSIG001-p1.json", "webhook-then-pull/mutation-bnkSIG001-p2.json" })
            if (JsonNode.Parse(IngestCases.Bytes(name))!["data"]!.AsArray().FirstOrDefault(i => (string?)i!["mutation_id"] == mutationId) is { } item)
                return Encoding.UTF8.GetBytes(new JsonArray(item.DeepClone()).ToJsonString());
        throw new ArgumentException(mutationId);
    }

    /// <summary>Rows as a version without one identity per transaction stored them: a pull copy and a statement line, no Moota id.</summary>
    private static void LeaveLegacyDuplicates(string databasePath)
    {
        using var conn = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            PRAGMA busy_timeout=10000;
            INSERT INTO Mutations (AccountId, Source, SourceId, TransactionTime, BankDate, HasTimeOfDay, ReadTime, Description, Amount, Direction, BalanceAfter, Status, IsSandbox, HasNote)
            SELECT AccountId, 1, SourceId, TransactionTime, BankDate, HasTimeOfDay, ReadTime, Description, Amount, Direction, BalanceAfter, 0, IsSandbox, 0
            FROM Mutations WHERE MootaMutationId = 'dblOrder001';
            INSERT INTO Mutations (AccountId, Source, SourceId, TransactionTime, BankDate, HasTimeOfDay, ReadTime, Description, Amount, Direction, BalanceAfter, Status, IsSandbox, HasNote)
            SELECT AccountId, 2, 'stmt-legacy:0', TransactionTime, BankDate, 0, ReadTime, 'TRSF E-BANKING CR WS95032 ANDI WIJAYA', Amount, Direction, BalanceAfter, 0, IsSandbox, 0
            FROM Mutations WHERE MootaMutationId = 'pullNew0001';
            """;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Moota's API v2 over HTTP with the webhook-then-pull case pages, byte for byte.</summary>
    private sealed class CaseMoota : IDisposable
    {
        private readonly HttpListener _listener = new();
        public string BaseUrl { get; }

        private CaseMoota(int port)
        {
            BaseUrl = $"http://127.0.0.1:{port}/api/v2/";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        }

        public static CaseMoota Start()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var server = new CaseMoota(port);
            server._listener.Start();
            _ = Task.Run(server.ServeAsync);
            return server;
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                var url = ctx.Request.Url!;
                var query = System.Web.HttpUtility.ParseQueryString(url.Query);
                byte[] body;
                if (ctx.Request.Headers["Authorization"] != "Bearer " + Token) { ctx.Response.StatusCode = 401; body = """{"error":"Unauthenticated."}"""u8.ToArray(); }
                else if (url.AbsolutePath.EndsWith("/bank")) body = IngestCases.Bytes("webhook-then-pull/bank-p1.json");
                else if (url.AbsolutePath.EndsWith("/mutation") && query["bank"] == "bnkSIG001")
                    body = IngestCases.Bytes(query["page"] == "2" ? "webhook-then-pull/mutation-bnkSIG001-p2.json" : "webhook-then-pull/mutation-bnkSIG001-p1.json");
                else body = """{"current_page":1,"data":[],"next_page_url":null,"last_page":1,"total":0}"""u8.ToArray();
                ctx.Response.ContentType = "application/json";
                await ctx.Response.OutputStream.WriteAsync(body);
                ctx.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
