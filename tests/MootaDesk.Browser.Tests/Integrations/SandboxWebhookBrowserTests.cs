using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Integrations;

public class SandboxWebhookBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [BrowserFact]
    public async Task A_simulated_transfer_shows_in_the_webhook_log_and_in_the_read_API()
    {
        await using var app = await AppServer.StartAsync();
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();

        // The hub links to every part of the area.
        await page.GotoAsync("/integrasi");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=integration-links]")).ToContainTextAsync("Sandbox", new() { IgnoreCase = true });

        // A sandbox account, then a simulated incoming transfer: a signed webhook over real HTTP to our own endpoint.
        await page.GotoAsync("/integrasi/sandbox");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#newSandboxLabel", "BCA Latihan");
        await page.ClickAsync("[data-testid=create-sandbox-account]");
        await page.Locator("[data-testid=sandbox-accounts]", new PageLocatorOptions { HasTextString = "BCA Latihan" }).WaitForAsync();
        await page.FillAsync("#simAmount", "150.123");
        await page.FillAsync("#simSender", "Budi Santoso");
        await page.FillAsync("#simDescription", "Bayar pesanan");
        await page.ClickAsync("[data-testid=simulate]");
        var result = page.Locator("[data-testid=simulation-result]");
        await result.WaitForAsync();
        await Expect(result).ToContainTextAsync("diterima", new() { IgnoreCase = true });
        await Expect(page.Locator("[data-testid=simulation-outcome]")).ToContainTextAsync("1 mutasi baru", new() { IgnoreCase = true });
        await page.ScreenshotAsync("ingest-sandbox");

        // The result opens exactly that row in Mutasi, sandbox rows shown (Ops found nothing before: Mutasi hid sandbox rows).
        await page.ClickAsync("[data-testid=simulation-mutation-link]");
        await page.WaitForURLAsync(url => url.Contains("/mutasi?") && url.Contains("sandbox=ya") && url.Contains("buka="));
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=mutation-grid]")).ToContainTextAsync("BUDI SANTOSO");
        await Expect(page.Locator("[data-testid=mutation-count]")).ToContainTextAsync("1");

        // The webhook log shows the delivery as processed with one new mutation.
        await page.GotoAsync("/integrasi/webhook");
        await page.WaitForInteractiveAsync();
        var log = page.Locator("[data-testid=webhook-log]");
        await Expect(log).ToContainTextAsync("Diproses", new() { IgnoreCase = true });
        await Expect(log).ToContainTextAsync("Sandbox");
        await Expect(log).ToContainTextAsync("1 / 0");
        await Expect(page.Locator("[data-testid=count-received]")).ToHaveTextAsync("1");
        await page.ScreenshotAsync("ingest-webhook-log");

        // Its detail shows the headers and the pretty-printed body.
        await page.Locator("[data-testid=delivery-link]").First.ClickAsync();
        await page.Locator("[data-testid=delivery-body]").WaitForAsync();
        await Expect(page.Locator("[data-testid=delivery-body]")).ToContainTextAsync("\"type\": \"CR\"", new() { IgnoreCase = true });

        // A forged delivery is refused, kept with its body, and Ops reads why in Indonesian.
        using (var moota = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            var forged = new StringContent("""[{"mutation_id":"palsu-1","bank_id":"x","date":"2026-11-22 08:00:00","amount":99999999,"type":"CR"}]""",
                System.Text.Encoding.UTF8, "application/json");
            forged.Headers.Add("Signature", "deadbeef");
            var refused = await moota.PostAsync("/api/webhooks/moota", forged);
            ((int)refused.StatusCode).ShouldBe(401);
            using var answer = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            var forgedId = answer.RootElement.GetProperty("deliveryId").GetInt64();
            await page.GotoAsync($"/integrasi/webhook/{forgedId}");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=detail-reason]")).ToContainTextAsync("Tanda tangan tidak cocok", new() { IgnoreCase = true });
            await Expect(page.Locator("[data-testid=delivery-body]")).ToContainTextAsync("palsu-1", new() { IgnoreCase = true });
        }

        // A read key made in the UI finds the mutation through the API (sandbox data only when asked for).
        await page.GotoAsync("/integrasi/kunci-api");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#apiKeyName", "Spreadsheet");
        await page.ClickAsync("[data-testid=create-api-key]");
        var key = (await page.Locator("[data-testid=shown-key] code").InnerTextAsync()).Trim();
        key.ShouldStartWith("mdk_");

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var real = JsonDocument.Parse(await http.GetStringAsync("/api/mutations"));
        real.RootElement.GetProperty("total").GetInt32().ShouldBe(0);
        using var all = JsonDocument.Parse(await http.GetStringAsync("/api/mutations?includeSandbox=true"));
        var item = all.RootElement.GetProperty("items")[0];
        item.GetProperty("amount").GetString().ShouldBe("150123.00");
        item.GetProperty("direction").GetString().ShouldBe("credit");
        item.GetProperty("counterparty").GetString().ShouldBe("BUDI SANTOSO");
        item.GetProperty("isSandbox").GetBoolean().ShouldBeTrue();
    }
}
