using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Proof;

public class ProofBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static ILocator Hits(IPage page) => page.Locator("[data-testid=proof-results] tbody tr");

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [BrowserFact]
    public async Task CS_finds_a_payment_by_amount_sends_the_proof_text_and_the_customer_verifies_it_without_signing_in()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();

        // Sidebar -> Cek pembayaran: the last seven days of money in are listed at once.
        await page.ClickAsync(".md-nav a[href='bukti']");
        await Hits(page).First.WaitForAsync();
        var firstAmount = (await Hits(page).First.Locator("[data-testid=hit-amount]").InnerTextAsync()).Trim();
        var typed = firstAmount.Replace("+", "").Replace(" ", ""); // "+Rp 275.382" typed as "Rp275.382"

        await page.FillAsync("#search-amount", typed);
        await page.ClickAsync("[data-testid=search-submit]");
        // The unfiltered list also starts with this amount, so wait until no other amount is left.
        await Expect(Hits(page).Filter(new LocatorFilterOptions { HasNotText = firstAmount })).ToHaveCountAsync(0);
        await Expect(Hits(page).First.Locator("[data-testid=hit-amount]")).ToHaveTextAsync(firstAmount);
        (await ScrollsSidewaysAsync(page)).ShouldBeFalse("Cek pembayaran scrolls sideways at 1366 px");
        await page.ScreenshotAsync("proof-search-1366", fullPage: false);

        // Open the proof: the masked card with a verification code.
        await Hits(page).First.Locator("[data-testid=open-proof]").ClickAsync();
        await page.Locator("[data-testid=proof-card]").WaitForAsync();
        var code = await page.Locator("[data-testid=proof-code]").InnerTextAsync();
        code.ShouldMatch("^[2-9A-Z]{4}-[2-9A-Z]{4}$");
        await Expect(page.Locator("[data-testid=proof-destination]")).ToContainTextAsync("••••", new() { IgnoreCase = true });

        // One click copies the WhatsApp text.
        await page.ClickAsync("[data-testid=copy-text]");
        await Expect(page.Locator("[data-testid=proof-notice]")).ToContainTextAsync("disalin");
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        clipboard.ShouldContain("Pembayaran diterima");
        clipboard.ShouldContain(code);
        clipboard.ShouldContain(firstAmount.Replace("+", ""));
        await page.ScreenshotAsync("proof-detail-1366", fullPage: false);

        // The customer opens the link in their own browser: no sign-in, the same card.
        var url = await page.Locator("#verification-url").InputValueAsync();
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
        var row = page.Locator("tr.proof-log-row", new PageLocatorOptions { HasTextString = code });
        await Expect(row).ToContainTextAsync("dibuat");
        await Expect(row).ToContainTextAsync("disalin");
        await Expect(row).ToContainTextAsync("dibuka publik");
        (await ScrollsSidewaysAsync(page)).ShouldBeFalse("the proof log scrolls sideways at 1366 px");
        await page.ScreenshotAsync("proof-log-1366", fullPage: false);
    }

    /// <summary>
    /// The CS path on a phone: a customer says "sudah transfer" with an amount one rupiah off; the exact search finds nothing,
    /// the "nominal terdekat" hint names the real credit, one tap opens its proof and the text is copied to send. Nothing on the
    /// way scrolls sideways, and CS sees no debit anywhere.
    /// </summary>
    [BrowserFact]
    public async Task CS_on_a_phone_finds_a_payment_typed_one_rupiah_off_through_the_nearest_amount_and_shares_its_proof()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var owner = await browser.NewPageAsync(app);
        await owner.SetUpOwnerAsync();
        await StoreUsers.AddAsync(app, "cece", "Cece CS", "teh-manis-hangat-99", "CS");

        var cs = await browser.NewPageAsync(app, width: 390, height: 844);
        await cs.SignInAsync("cece", "teh-manis-hangat-99");
        await cs.OpenMenuAsync();
        await cs.ClickAsync(".md-nav a[href='bukti']");
        await cs.WaitForURLAsync("**/bukti");
        await Hits(cs).First.WaitForAsync();
        (await ScrollsSidewaysAsync(cs)).ShouldBeFalse("Cek pembayaran scrolls sideways on a phone");
        await cs.ScreenshotAsync("proof-search-390", fullPage: false);

        var shown = (await Hits(cs).First.Locator("[data-testid=hit-amount]").InnerTextAsync()).Trim();
        var amount = decimal.Parse(shown.Replace("+", "").Replace("Rp", "").Replace(".", "").Trim(), CultureInfo.InvariantCulture);
        var offByOne = (amount - 1).ToString("N0", CultureInfo.GetCultureInfo("id-ID"));

        await cs.FillAsync("#search-amount", offByOne);
        await cs.ClickAsync("[data-testid=search-submit]");

        await Expect(cs.Locator("[data-testid=proof-no-results]")).ToBeVisibleAsync();
        var nearest = cs.Locator("[data-testid=proof-nearest]");
        await Expect(nearest).ToContainTextAsync("Nominal terdekat");
        await Expect(nearest).ToContainTextAsync(shown.Replace("+", ""));
        await Expect(nearest).ToContainTextAsync("selisih Rp 1");
        (await ScrollsSidewaysAsync(cs)).ShouldBeFalse("the nearest-amount hint scrolls sideways on a phone");
        await cs.ScreenshotAsync("proof-nearest-390", fullPage: false);

        await nearest.Locator("[data-testid=open-proof]").First.ClickAsync();
        await cs.Locator("[data-testid=proof-card]").WaitForAsync();
        await Expect(cs.Locator("[data-testid=proof-amount]")).ToHaveTextAsync(shown.Replace("+", ""));
        (await ScrollsSidewaysAsync(cs)).ShouldBeFalse("the proof scrolls sideways on a phone");
        await cs.ScreenshotAsync("proof-detail-390", fullPage: false);

        await cs.ClickAsync("[data-testid=copy-text]");
        await Expect(cs.Locator("[data-testid=proof-notice]")).ToContainTextAsync("disalin");
        await Expect(cs.Locator("[data-testid=send-whatsapp]")).ToBeVisibleAsync();
        var send = await cs.Locator("[data-testid=send-whatsapp]").BoundingBoxAsync();
        (send!.X + send.Width).ShouldBeLessThanOrEqualTo(390, "the WhatsApp button is cut on a phone");
        await cs.ScreenshotAsync("proof-share-390", fullPage: true);

        // A bad amount is explained in Indonesian, and what was typed stays.
        await cs.GotoAsync("/bukti");
        await cs.WaitForInteractiveAsync();
        await cs.FillAsync("#search-amount", "seratus ribu");
        await cs.ClickAsync("[data-testid=search-submit]");
        await Expect(cs.Locator("[data-testid=proof-error]")).ToContainTextAsync("tidak terbaca");
        await Expect(cs.Locator("#search-amount")).ToHaveValueAsync("seratus ribu");
        await cs.ScreenshotAsync("proof-bad-amount-390", fullPage: false);
    }
}
