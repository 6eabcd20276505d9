using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Integrations;

/// <summary>
/// Issue 15 as a person meets it: register "HP Kasir" (token and QR once), the phone posts in SmsForwarder's format, the
/// credit shows as "terbaca di HP, menunggu mutasi bank" and the order as "kemungkinan dibayar"; the bank's mutation (the
/// sandbox's signed webhook) attaches to that row and the order is paid.
/// </summary>
public class PhoneNotificationBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [BrowserFact]
    public async Task A_phone_notification_is_provisional_until_the_bank_mutation_confirms_it_and_pays_the_order()
    {
        await using var app = await AppServer.StartAsync();
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();

        await page.GotoAsync("/integrasi/sandbox");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#newSandboxLabel", "Latihan BRI");
        await page.ClickAsync("[data-testid=create-sandbox-account]");
        await page.Locator("[data-testid=sandbox-accounts]", new PageLocatorOptions { HasTextString = "Latihan BRI" }).WaitForAsync();
        var number = (await page.Locator("[data-testid=sandbox-accounts] code").First.InnerTextAsync()).Trim();

        await page.GotoAsync("/pesanan/baru");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#order-reference", "INV-HP-1");
        await page.FillAsync("#order-customer", "Budi Santoso");
        await page.FillAsync("#order-amount", "150.000");
        await page.ClickAsync("[data-testid=order-account]");
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "Latihan BRI" }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=order-create]");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, @"^/pesanan/\d+$"));
        await page.WaitForInteractiveAsync();
        var orderUrl = page.Url;
        var rupiah = (await page.Locator("[data-testid=order-payable]").InnerTextAsync()).Replace("Rp", "").Trim();

        await page.GotoAsync("/integrasi/notifikasi");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#deviceName", "HP Kasir");
        await page.Locator("[data-testid=device-accounts] input[type=checkbox]").First.CheckAsync();
        await page.ClickAsync("[data-testid=register-device]");
        await Expect(page.Locator("[data-testid=device-qr]")).ToBeVisibleAsync();
        var token = (await page.Locator("[data-testid=device-token]").InnerTextAsync()).Replace("X-Device-Token:", "").Trim();

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var jakarta = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
        var content = $"id.co.bri.brimo\nSobat BRI! Dana Rp{rupiah} masuk ke rekening {number} pada {jakarta:dd/MM/yyyy HH:mm:ss}\nBRImo\nUID：0\n{jakarta:yyyy-MM-dd HH:mm:ss}\nHP Kasir";
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/notifications")
        {
            Content = new FormUrlEncodedContent([new("from", "id.co.bri.brimo"), new("content", content), new("timestamp", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString())]),
        };
        post.Headers.Add("X-Device-Token", token);
        using var answer = await http.SendAsync(post);
        // The post is kept and answered at once; the background pass makes it a provisional credit a moment later (Mutasi below
        // is asserted with retries).
        JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString().ShouldBe("pending");

        await page.GotoAsync("/mutasi?sandbox=ya");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=provisional]").First).ToContainTextAsync("menunggu mutasi bank", new() { IgnoreCase = true });
        await page.GotoAsync(orderUrl);
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=order-status]").First).ToContainTextAsync("kemungkinan dibayar", new() { IgnoreCase = true });

        await page.GotoAsync("/integrasi/sandbox");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#simAmount", rupiah);
        await page.FillAsync("#simSender", "BUDI SANTOSO");
        await page.ClickAsync("[data-testid=simulate]");
        await Expect(page.Locator("[data-testid=simulation-outcome]")).ToContainTextAsync("0 mutasi baru", new() { IgnoreCase = true });

        await page.GotoAsync(orderUrl);
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=order-status]").First).ToContainTextAsync("lunas", new() { IgnoreCase = true });
        await page.GotoAsync("/integrasi/notifikasi/log");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=notification-posts]")).ToContainTextAsync("dikonfirmasi bank", new() { IgnoreCase = true });
    }
}
