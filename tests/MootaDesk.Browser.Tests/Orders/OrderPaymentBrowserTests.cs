using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Orders;

public class OrderPaymentBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    /// <summary>
    /// The transfer is simulated from the order page ("Simulasikan transfer (uji)"), which hands a sandbox credit
    /// of the exact payable amount to the same MutationIngestor a Moota webhook uses; matching then runs as the
    /// post-ingest step. The demo shop's accounts are sandbox accounts, so the order is a sandbox order.
    /// </summary>
    [BrowserFact]
    public async Task A_clerk_creates_an_order_a_transfer_of_the_exact_amount_arrives_and_the_order_is_paid_and_linked()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();

        await page.GotoAsync("/pesanan/baru");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#order-reference", "INV-BROWSER-01");
        await page.FillAsync("#order-customer", "Budi Santoso");
        await page.FillAsync("#order-whatsapp", "0812-3456-7890");
        // A bad amount first: told under the field, in Indonesian, and nothing is created.
        await page.FillAsync("#order-amount", "seratus ribu");
        await page.ClickAsync("[data-testid=order-account]");
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "BCA Operasional" }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=order-create]");
        await Expect(page.Locator("[data-testid=order-form-error]")).ToContainTextAsync("Periksa isian");
        await Expect(page.Locator(".order-form")).ToContainTextAsync("Nominal \"seratus ribu\" tidak terbaca.");
        await Expect(page.Locator("#order-reference")).ToHaveValueAsync("INV-BROWSER-01");
        await page.ScreenshotAsync("orders-new-bad-amount-1366", fullPage: false);

        await page.FillAsync("#order-amount", "150.000");
        await page.ClickAsync("[data-testid=order-create]");

        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, @"^/pesanan/\d+$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=order-status]").First).ToHaveTextAsync("MENUNGGU", new() { IgnoreCase = true });
        await Expect(page.Locator("[data-testid=order-payable]")).ToHaveTextAsync(new Regex(@"^Rp 150\.\d{3}$"));
        var payable = (await page.Locator("[data-testid=order-payable]").InnerTextAsync()).Trim();
        payable.ShouldMatch(@"^Rp 150\.\d{3}$");
        payable.ShouldNotBe("Rp 150.000");
        await Expect(page.Locator("[data-testid=order-instruction]")).ToContainTextAsync(payable);
        var instruction = await page.Locator("[data-testid=order-instruction]").InnerTextAsync();
        instruction.ShouldContain($"Mohon transfer TEPAT {payable}");
        instruction.ShouldContain("No. rekening:");
        instruction.ShouldContain("WIB");
        await Expect(page.Locator("[data-testid=order-no-match]")).ToBeVisibleAsync();

        // The copy button puts exactly the instruction on the clipboard.
        await page.ClickAsync("[data-testid=order-copy]");
        await Expect(page.Locator(".mud-snackbar").First).ToContainTextAsync("Instruksi disalin.");
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(instruction.Trim().Replace("\r", ""));
        await page.ScreenshotAsync("orders-detail-pending-1366", fullPage: false);

        await page.ClickAsync("[data-testid=order-simulate]");

        await Expect(page.Locator("[data-testid=order-status]").First).ToHaveTextAsync("LUNAS", new() { IgnoreCase = true });
        await Expect(page.Locator("[data-testid=order-matched]")).ToContainTextAsync("+" + payable);
        await Expect(page.Locator("[data-testid=order-matched]")).ToContainTextAsync("BUDI SANTOSO");
        await page.ScreenshotAsync("orders-detail-paid-1366", fullPage: false);

        // The list shows it paid too, every column on screen at 1366 px (the status, last, was cut before).
        await page.GotoAsync("/pesanan?status=Paid");
        await page.WaitForInteractiveAsync();
        var row = page.Locator("[data-testid=order-grid] tr.orders-row", new PageLocatorOptions { HasTextString = "INV-BROWSER-01" });
        await Expect(row).ToContainTextAsync("LUNAS", new() { IgnoreCase = true });
        var status = await row.Locator("[data-testid=order-status]").BoundingBoxAsync();
        (status!.X + status.Width).ShouldBeLessThanOrEqualTo(1366, "the order status sits off-screen");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1")).ShouldBeFalse("Pesanan scrolls sideways at 1366 px");
        await page.ScreenshotAsync("orders-list-1366", fullPage: false);

        // All orders, page size from the pager, kept in the link.
        await page.GotoAsync("/pesanan");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=order-grid] tr.orders-row").First.WaitForAsync();
        await page.Locator("[data-testid=order-grid] .mud-table-pagination-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "25" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("baris=25", StringComparison.Ordinal));
        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync("orders-list-1366-dark", fullPage: false);
        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "false");
    }
}
