using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Orders;

public class OrderPagesLayoutBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    /// <summary>
    /// Every Pesanan page on the demo shop at a clerk's 1366×768, in the light and the dark theme: nothing wider than the page,
    /// and a bad CSV shows its problem rows without importing anything.
    /// </summary>
    [BrowserFact]
    public async Task Every_orders_page_fits_a_1366_screen_in_light_and_dark_and_a_bad_CSV_is_refused_row_by_row()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app, width: 1366, height: 768);
        await page.SetUpOwnerAsync();

        async Task VisitAsync(string path, string ready, string shot)
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await page.Locator(ready).First.WaitForAsync();
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1")).ShouldBeFalse($"{path} scrolls sideways at 1366 px");
            await page.ScreenshotAsync(shot, fullPage: false);
        }

        await VisitAsync("/pesanan", "[data-testid=order-grid] tr.orders-row", "orders-list-demo-1366");
        await page.Locator("[data-testid=order-grid] tr.orders-row").First.ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, @"^/pesanan/\d+$"));
        await Expect(page.Locator("[data-testid=order-status]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("orders-detail-demo-1366", fullPage: false);
        await VisitAsync("/pesanan/baru", "#order-reference", "orders-new-1366");
        await VisitAsync("/pesanan/uang-masuk", "h1", "orders-unmatched-credits-1366");
        await VisitAsync("/pesanan/impor", "[data-testid=order-import-file]", "orders-import-1366");

        var csv = Path.Combine(Path.GetTempPath(), $"pesanan-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "reference,customer_name,whatsapp,amount,account_number\nINV-CSV-1,Budi,0812-3456-7890,seratus,000000\n");
        try
        {
            await page.Locator("[data-testid=order-import-file]").ChooseFileAsync(csv);
            await Expect(page.Locator("[data-testid=order-import-errors]")).ToContainTextAsync("1 baris bermasalah");
            await Expect(page.Locator("[data-testid=order-import-preview]")).ToContainTextAsync("tidak terbaca");
            await Expect(page.Locator("[data-testid=order-import-commit]")).ToHaveCountAsync(0);
            await page.ScreenshotAsync("orders-import-refused-1366", fullPage: false);
        }
        finally { File.Delete(csv); }

        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
        await VisitAsync("/pesanan", "[data-testid=order-grid] tr.orders-row", "orders-list-demo-1366-dark");
        await VisitAsync("/pesanan/uang-masuk", "h1", "orders-unmatched-credits-1366-dark");
        await VisitAsync("/sweep/tugas", "h1", "sweep-tasks-1366-dark");
        await VisitAsync("/bukti/log", "[data-testid=proof-log]", "proof-log-1366-dark");
        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "false");
    }
}
