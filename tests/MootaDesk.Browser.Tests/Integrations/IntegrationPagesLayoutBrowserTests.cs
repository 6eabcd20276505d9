using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Integrations;

/// <summary>
/// Issue 13 on a clerk's laptop (1366×768), light and dark: every Integrasi and Rekening page shows its key columns without
/// sideways scrolling (the webhook log's last column was cut), and Ops can dismiss a simulated phone credit from the log.
/// Screenshots go to TestResults/screenshots for a person to look at.
/// </summary>
public class IntegrationPagesLayoutBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly string[] Pages =
    [
        "integrasi", "integrasi/webhook", "integrasi/sandbox", "integrasi/notifikasi", "integrasi/notifikasi/log", "integrasi/moota-api",
        "integrasi/kunci-api", "integrasi/konflik", "rekening", "rekening/impor",
    ];

    /// <summary>Nothing wider than the window: the page does not scroll sideways and no grid is cut on its right.</summary>
    private static async Task ExpectNoSidewaysScrollAsync(IPage page, string name)
    {
        var overflow = await page.EvaluateAsync<int>(
            "() => Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth, " +
            "...[...document.querySelectorAll('.mud-table-container')].map(e => e.scrollWidth - e.clientWidth), 0)");
        overflow.ShouldBeLessThanOrEqualTo(1, $"{name} scrolls sideways by {overflow} px at 1366 px");
    }

    [BrowserFact]
    public async Task Integration_and_account_pages_fit_a_laptop_in_light_and_dark_and_a_phone_credit_is_dismissed_from_the_log()
    {
        await using var app = await AppServer.StartAsync();
        var page = await browser.NewPageAsync(app, 1366, 768);
        await page.SetUpOwnerAsync();

        // Something in every log: a sandbox account, a simulated webhook and a simulated phone notification.
        await page.GotoAsync("/integrasi/sandbox");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#newSandboxLabel", "BCA Latihan");
        await page.ClickAsync("[data-testid=create-sandbox-account]");
        await Expect(page.Locator("[data-testid=sandbox-accounts]")).ToContainTextAsync("BCA Latihan");
        await page.FillAsync("#simAmount", "1.250.000");
        await page.FillAsync("#simSender", "Hendra Saputra");
        await page.ClickAsync("[data-testid=simulate]");
        await Expect(page.Locator("[data-testid=simulation-outcome]")).ToContainTextAsync("1 mutasi baru", new() { IgnoreCase = true });
        await page.FillAsync("#notifAmount", "75.500");
        await page.ClickAsync("[data-testid=simulate-notification]");
        await Expect(page.Locator("[data-testid=notification-simulation-result]")).ToContainTextAsync("Kredit sementara");
        await Expect(page.Locator("[data-testid=notification-mutation-link]")).ToBeVisibleAsync();

        foreach (var dark in new[] { false, true })
        {
            if (dark)
            {
                await page.ClickAsync("[data-testid=theme-toggle]");
                await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
            }
            foreach (var path in Pages)
            {
                await page.GotoAsync("/" + path);
                await page.WaitForInteractiveAsync();
                await Expect(page.Locator("h1")).ToBeVisibleAsync();
                if (path == "integrasi/webhook") await Expect(page.Locator("[data-testid=delivery-link]").First).ToBeVisibleAsync();
                if (path == "integrasi/notifikasi/log") await Expect(page.Locator("[data-testid=post-dismiss]").First).ToBeVisibleAsync();
                var name = path.Replace('/', '-') + (dark ? "-dark" : "-light");
                await page.ScreenshotAsync("mud-" + name, fullPage: false);
                await ExpectNoSidewaysScrollAsync(page, name);
            }
        }

        // The webhook log's last column (the action) and the notification log's actions are inside the window.
        await page.GotoAsync("/integrasi/notifikasi/log");
        await page.WaitForInteractiveAsync();
        var dismiss = page.Locator("[data-testid=post-dismiss]").First;
        var box = await dismiss.BoundingBoxAsync();
        (box!.X + box.Width).ShouldBeLessThanOrEqualTo(1366);

        // Ops dismisses the credit with a reason; the log says so, and it can be restored.
        await dismiss.ClickAsync();
        await page.FillAsync("#dismiss-reason", "Transfer dibatalkan oleh bank pengirim");
        await page.ClickAsync("[data-testid=dismiss-confirm]");
        await Expect(page.Locator("[data-testid=dismissed-note]")).ToContainTextAsync("Transfer dibatalkan oleh bank pengirim");
        await page.ScreenshotAsync("mud-notification-log-dismissed", fullPage: false);
        await page.ClickAsync("[data-testid=post-restore]");
        await Expect(page.Locator("[data-testid=dismissed-note]")).ToHaveCountAsync(0);

        // A broken statement file is refused in words, and nothing is loaded.
        await page.GotoAsync("/rekening/impor");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("[data-testid=import-account]");
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        var broken = Path.Combine(Path.GetTempPath(), "mootadesk-rusak-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        await File.WriteAllBytesAsync(broken, [0x50, 0x4B, 0x03, 0x04, 0xFF, 0x00, 0x13, 0x37]);
        try
        {
            await page.ChooseStatementFileAsync(broken);
            await Expect(page.Locator("[data-testid=import-file-error]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=import-preview]")).ToHaveCountAsync(0);
            await page.ScreenshotAsync("mud-import-broken-file", fullPage: false);
        }
        finally { File.Delete(broken); }
    }
}
