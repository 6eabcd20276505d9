using Microsoft.Playwright;
using MootaDesk.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MootaDesk.Browser.Tests.Platform;

public class FirstRunBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [BrowserFact]
    public async Task A_newcomer_creates_the_Owner_sees_the_demo_dashboard_and_switches_language()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);

        await page.SetUpOwnerAsync();

        // The demo shop is there, and it says so.
        await Expect(page.Locator("h1")).ToContainTextAsync("Beranda", new() { IgnoreCase = true });
        await Expect(page.Locator("[data-testid=demo-notice]")).ToContainTextAsync("data contoh", new() { IgnoreCase = true });
        (await page.Locator(".md-demo-badge").CountAsync()).ShouldBeGreaterThan(0);
        await Expect(page.Locator(".md-brand-name")).ToHaveTextAsync("Toko Batik Sari");
        // The Owner's sidebar has every area.
        foreach (var area in new[] { "Mutasi", "Sweep 16:30", "Bukti Transfer", "Pesanan", "Rekening", "Integrasi", "Laporan Owner", "Pengaturan" })
            await Expect(page.Locator(".md-nav")).ToContainTextAsync(area, new() { IgnoreCase = true });
        await page.ScreenshotAsync("foundation-dashboard-id");

        await page.ClickAsync("a[data-culture='en-US']");
        await page.WaitForInteractiveAsync();
        await page.Locator("h1", new PageLocatorOptions { HasTextString = "Home" }).WaitForAsync();
        await Expect(page.Locator(".md-nav")).ToContainTextAsync("Mutations", new() { IgnoreCase = true });
        await page.ScreenshotAsync("foundation-dashboard-en");

        // Signing out ends the session: the dashboard now asks for a sign-in.
        await page.ClickAsync(".md-signout button");
        await page.WaitForURLAsync("**/masuk");
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/masuk**");
    }

    [BrowserFact]
    public async Task The_shell_is_usable_at_phone_width()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app, width: 390, height: 844);
        await page.SetUpOwnerAsync();
        (await page.Locator(".md-tile").First.IsVisibleAsync()).ShouldBeTrue();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse("the page scrolls sideways on a phone");
        await page.ScreenshotAsync("foundation-dashboard-phone");
    }
}
