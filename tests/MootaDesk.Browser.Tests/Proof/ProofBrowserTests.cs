using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Proof;

public class ProofBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [BrowserFact]
    public async Task CS_finds_a_payment_by_amount_sends_the_proof_text_and_the_customer_verifies_it_without_signing_in()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();

        // Sidebar -> Cek pembayaran: the last seven days of money in are listed at once.
        await page.ClickAsync(".md-nav a[href='bukti']");
        await page.Locator("[data-testid=proof-results]").WaitForAsync();
        var firstAmount = (await page.Locator("[data-testid=proof-hit]").First.Locator("td.md-num").InnerTextAsync()).Trim();
        var typed = firstAmount.Replace("+", "").Replace(" ", ""); // "+Rp 275.382" typed as "Rp275.382"

        await page.FillAsync("input[data-testid=search-amount]", typed);
        await page.ClickAsync("[data-testid=search-submit]");
        await page.Locator("[data-testid=proof-result-summary]").WaitForAsync();
        var hits = page.Locator("[data-testid=proof-hit]");
        // The unfiltered list also starts with this amount, so wait until no other amount is left.
        await Assertions.Expect(hits.Filter(new LocatorFilterOptions { HasNotText = firstAmount })).ToHaveCountAsync(0);
        await Assertions.Expect(hits.First.Locator("td.md-num")).ToHaveTextAsync(firstAmount);
        foreach (var amount in await hits.Locator("td.md-num").AllInnerTextsAsync())
            amount.Trim().ShouldBe(firstAmount);
        await page.ScreenshotAsync("proof-search");

        // Open the proof: the masked card with a verification code.
        await hits.First.Locator("[data-testid=open-proof]").ClickAsync();
        await page.Locator("[data-testid=proof-card]").WaitForAsync();
        var code = await page.Locator("[data-testid=proof-code]").InnerTextAsync();
        code.ShouldMatch("^[2-9A-Z]{4}-[2-9A-Z]{4}$");
        await Expect(page.Locator("[data-testid=proof-destination]")).ToContainTextAsync("••••", new() { IgnoreCase = true });

        // One click copies the WhatsApp text.
        await page.ClickAsync("[data-testid=copy-text]");
        await page.Locator("[data-testid=proof-notice]").WaitForAsync();
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        clipboard.ShouldContain("Pembayaran diterima");
        clipboard.ShouldContain(code);
        clipboard.ShouldContain(firstAmount.Replace("+", ""));
        await page.ScreenshotAsync("proof-detail");

        // The customer opens the link in their own browser: no sign-in, the same card.
        var url = await page.Locator("input[data-testid=verification-url]").InputValueAsync();
        clipboard.ShouldContain(url);
        var customer = await browser.NewPageAsync(app, width: 420, height: 900);
        await customer.GotoAsync(url);
        await customer.Locator("[data-testid=proof-valid]").WaitForAsync();
        await Expect(customer.Locator("[data-testid=proof-code]")).ToHaveTextAsync(code);
        await Expect(customer.Locator("[data-testid=proof-amount]")).ToHaveTextAsync(firstAmount.Replace("+", ""));
        (await customer.Locator(".md-nav").CountAsync()).ShouldBe(0);
        new Uri(customer.Url).AbsolutePath.ShouldStartWith("/v/");
        await customer.ScreenshotAsync("proof-public");

        // The Owner's export log shows what happened to this proof: made, copied, opened by the customer.
        await page.ClickAsync("a[href='bukti']");
        await page.ClickAsync("[data-testid=proof-log-link]");
        var row = page.Locator("[data-testid=proof-log-row]", new PageLocatorOptions { HasTextString = code });
        await row.WaitForAsync();
        var history = await row.InnerTextAsync();
        history.ShouldContain("dibuat");
        history.ShouldContain("disalin");
        history.ShouldContain("dibuka publik");
    }
}
