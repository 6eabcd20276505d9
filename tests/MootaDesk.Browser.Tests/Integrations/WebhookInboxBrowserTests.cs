using System.Text.RegularExpressions;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Integrations;

public class WebhookInboxBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const string Secret = "browser-inbox-secret";

    private static HttpRequestMessage Signed(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/moota") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)));
        return request;
    }

    [BrowserFact]
    public async Task A_partly_readable_delivery_lists_each_unread_element_with_its_reason_and_can_be_processed_again()
    {
        await using var app = await AppServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["MootaDesk:Moota:WebhookSecret"] = Secret,
            ["MootaDesk:TimeZone"] = "Asia/Makassar",
        });
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();

        // Moota's clock: Jakarta wall time, a few minutes ago.
        var date = DateTime.UtcNow.AddHours(7).AddMinutes(-5).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var body = """
            [{"mutation_id":"brGood01","bank_id":"bnkBR1","account_number":"0144050123","date":"DATE","description":"TRSF DARI SITI \ud83d","amount":250123,"type":"CR","balance":0,
              "bank":{"bank_id":"bnkBR1","bank_type":"bcaV3","label":"BCA Toko","account_number":"0144050123","atas_nama":"PT Uji","username":"uji","meta":{"access_token":"FAKE-ACCESS-TOKEN-DO-NOT-SHOW"}}},
             {"id":4711,"bank_id":"bnkBR1","account_number":"0144050123","date":"11-30-2026","amount":0,"type":"CR"},
             {"mutation_id":"brDup","bank_id":"bnkBR1","date":"DATE","amount":1,"amount":99999999,"type":"CR"}]
            """.Replace("DATE", date, StringComparison.Ordinal);
        using var moota = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var accepted = await moota.SendAsync(Signed(body));
        ((int)accepted.StatusCode).ShouldBe(200);
        using var answer = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        var id = answer.RootElement.GetProperty("deliveryId").GetInt64();
        // Comments around the elements: refused at the door, so Moota records the failure too.
        ((int)(await moota.SendAsync(Signed("/* hand-made */ []"))).StatusCode).ShouldBe(400);

        await page.GotoAsync($"/integrasi/webhook/{id}");
        await page.WaitForInteractiveAsync();
        var status = page.Locator("[data-testid=detail-status]");
        for (var i = 0; i < 20 && !(await status.InnerTextAsync()).Contains("SEBAGIAN", StringComparison.OrdinalIgnoreCase); i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
        }
        await Expect(status).ToHaveTextAsync("Sebagian", new() { IgnoreCase = true });
        await Assertions.Expect(page.Locator("[data-testid=detail-reason]")).ToContainTextAsync("Sebagian elemen kiriman ini tidak bisa dibaca", new() { IgnoreCase = true });
        var reasons = await page.Locator("[data-testid=rejected-elements]").InnerTextAsync();
        reasons.ShouldContain("bentuk kiriman Moota versi lama");
        reasons.ShouldContain("Kolom \"amount\" muncul lebih dari sekali");
        await Expect(page.Locator("[data-testid=body-redacted]")).ToContainTextAsync("***", new() { IgnoreCase = true });
        (await page.Locator("[data-testid=delivery-body]").InnerTextAsync()).ShouldNotContain("FAKE-ACCESS-TOKEN");
        await page.ScreenshotAsync("ingest-webhook-partial");

        // "Proses lagi": the stored element is recognised, nothing is stored twice.
        await page.ClickAsync("[data-testid=reprocess]");
        await Assertions.Expect(page.Locator("[data-testid=detail-status]")).ToContainTextAsync("Sebagian", new LocatorAssertionsToContainTextOptions { IgnoreCase = true });

        // The readable credit is in Mutasi, at WITA time, its broken name character shown as the replacement character.
        await page.GotoAsync("/mutasi");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Waktu (WITA)", new() { IgnoreCase = true });
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("TRSF DARI SITI \uFFFD", new() { IgnoreCase = true });
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("BCA", new() { IgnoreCase = true });

        using var health = JsonDocument.Parse(await moota.GetStringAsync("/health"));
        health.RootElement.GetProperty("status").GetString().ShouldBe("ok");
        health.RootElement.GetProperty("inbox").GetProperty("writable").GetBoolean().ShouldBeTrue();
    }
}
