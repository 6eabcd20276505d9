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
        await page.FillAsync("[data-testid=order-reference]", "INV-BROWSER-01");
        await page.FillAsync("[data-testid=order-customer]", "Budi Santoso");
        await page.FillAsync("[data-testid=order-whatsapp]", "0812-3456-7890");
        await page.FillAsync("[data-testid=order-amount]", "150.000");
        await page.ClickAsync("[data-testid=order-account]");
        await page.Locator(".rz-dropdown-item", new PageLocatorOptions { HasTextString = "BCA Operasional" }).First.ClickAsync();
        await page.ClickAsync("[data-testid=order-create]");

        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, @"^/pesanan/\d+$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=order-status]").First).ToHaveTextAsync("MENUNGGU", new() { IgnoreCase = true });
        var payable = (await page.Locator("[data-testid=order-payable]").InnerTextAsync()).Trim();
        payable.ShouldMatch(@"^Rp 150\.\d{3}$");
        payable.ShouldNotBe("Rp 150.000");
        var instruction = await page.Locator("[data-testid=order-instruction]").InnerTextAsync();
        instruction.ShouldContain($"Mohon transfer TEPAT {payable}");
        instruction.ShouldContain("No. rekening:");
        instruction.ShouldContain("WIB");
        (await page.Locator("[data-testid=order-no-match]").IsVisibleAsync()).ShouldBeTrue();

        // The copy button puts exactly the instruction on the clipboard.
        await page.ClickAsync("[data-testid=order-copy]");
        await page.GetByText("Instruksi disalin.").First.WaitForAsync();
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(instruction.Trim().Replace("\r", ""));
        await page.ScreenshotAsync("orders-detail-pending");

        await page.ClickAsync("[data-testid=order-simulate]");

        await page.Locator("[data-testid=order-status]", new PageLocatorOptions { HasTextString = "LUNAS" }).WaitForAsync();
        var matched = await page.Locator("[data-testid=order-matched]").InnerTextAsync();
        matched.ShouldContain("+" + payable);
        matched.ShouldContain("BUDI SANTOSO");
        await page.ScreenshotAsync("orders-detail-paid");

        // The list shows it paid too.
        await page.GotoAsync("/pesanan?status=Paid");
        await page.WaitForInteractiveAsync();
        var row = page.Locator("[data-testid=order-grid] tr", new PageLocatorOptions { HasTextString = "INV-BROWSER-01" });
        await row.WaitForAsync();
        await Expect(row).ToContainTextAsync("LUNAS", new() { IgnoreCase = true });
    }
}
