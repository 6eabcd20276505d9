using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Sweep;

public class SweepBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [BrowserFact]
    public async Task Finance_runs_a_whole_sweep_and_signs_off_the_owner_summary()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();

        await page.GotoAsync("/sweep");
        await page.WaitForInteractiveAsync();
        // Today's sweep may already exist (the scheduler prepares missed days at start-up); otherwise start it by hand.
        var prepare = page.Locator("[data-testid=prepare-today]");
        if (await prepare.CountAsync() > 0)
        {
            await prepare.ClickAsync();
            await page.WaitForURLAsync("**/sweep/*");
        }
        else
        {
            await page.Locator("[data-testid=sweep-history]").WaitForAsync();
            await page.GotoAsync("/sweep/" + DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd"));
            await page.WaitForInteractiveAsync();
        }
        await page.Locator("[data-testid=accounts-table]").WaitForAsync();

        // Step 1: the day per account, reviewed; the button gives way to who reviewed it at once.
        await page.ScreenshotAsync("sweep-step1");
        await page.ClickAsync("[data-testid=accounts-reviewed]");
        await Expect(page.Locator("[data-testid=accounts-reviewed-note]")).ToContainTextAsync("owner", new() { IgnoreCase = true });
        await Expect(page.Locator("[data-testid=accounts-reviewed]")).ToHaveCountAsync(0);
        // Step 3: refunds and suppliers confirmed.
        await page.Locator("[data-testid=sweep-steps] .rz-tabview-nav li").Nth(2).ClickAsync();
        await page.ClickAsync("[data-testid=check-all-step3]");
        // Step 4: anomalies checked.
        await page.Locator("[data-testid=sweep-steps] .rz-tabview-nav li").Nth(3).ClickAsync();
        await page.ClickAsync("[data-testid=check-all-step4]");

        // Step 5: exactly five lines, the last one edited by hand, then sent.
        await page.Locator("[data-testid=sweep-steps] .rz-tabview-nav li").Nth(4).ClickAsync();
        for (var i = 1; i <= 5; i++)
            (await page.Locator($"[data-testid=summary-line-{i}]").InputValueAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("[data-testid^=summary-line-]").CountAsync()).ShouldBe(5);
        await page.FillAsync("[data-testid=summary-line-5]", "Catatan khusus: semua anomali sudah dicek Finance.");
        await page.ClickAsync("[data-testid=send-summary]");

        await page.Locator("[data-testid=signed-off-badge]").WaitForAsync();
        await Expect(page.Locator("[data-testid=signed-off-badge]")).ToContainTextAsync("owner", new() { IgnoreCase = true });
        // Signed-off sweeps are read-only history.
        (await page.Locator("[data-testid=summary-line-5]").IsDisabledAsync()).ShouldBeTrue();
        (await page.Locator("[data-testid=send-summary]").CountAsync()).ShouldBe(0);
        var wa = await page.Locator("[data-testid=whatsapp-link]").GetAttributeAsync("href");
        wa!.ShouldStartWith("https://wa.me/");
        Uri.UnescapeDataString(wa).ShouldContain("semua anomali sudah dicek");
        // The owner's message says which shop and which day before the five lines.
        Uri.UnescapeDataString(wa).ShouldContain("text=Ringkasan ");
        await page.ScreenshotAsync("sweep-signed-off");
    }
}
