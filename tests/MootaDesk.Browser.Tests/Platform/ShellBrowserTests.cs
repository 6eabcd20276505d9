using Microsoft.Playwright;
using MootaDesk.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MootaDesk.Browser.Tests.Platform;

/// <summary>The MudBlazor shell: app bar, drawer, light and dark colours, at a clerk's laptop size and a CS agent's phone size.</summary>
public class ShellBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    /// <summary>Content-Security-Policy refusals the browser reported (MudBlazor's script, styles and the font must all come from here).</summary>
    private static List<string> WatchCsp(IPage page)
    {
        var refusals = new List<string>();
        page.Console += (_, msg) => { if (msg.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refusals.Add(msg.Text); };
        return refusals;
    }

    [BrowserFact]
    public async Task At_a_laptop_the_app_bar_shows_the_person_and_the_business_time_and_dark_mode_is_remembered_for_the_person()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app, width: 1366, height: 768);
        var csp = WatchCsp(page);
        await page.GotoAsync("/masuk");
        await page.ScreenshotAsync("shell-sign-in-1366", fullPage: false);
        await page.SetUpOwnerAsync();

        // The person's name, not their login name; the business time with its zone label.
        await Expect(page.Locator("[data-testid=user-name]")).ToContainTextAsync("Sari Wulandari");
        await Expect(page.Locator("[data-testid=business-time]")).ToContainTextAsync("WIB");
        await Expect(page.Locator(".md-nav")).ToContainTextAsync("Laporan Owner");
        // The bundled Inter font is what the page is drawn with (no font CDN).
        (await page.EvaluateAsync<bool>("() => document.fonts.check('16px Inter')")).ShouldBeTrue();
        (await ScrollsSidewaysAsync(page)).ShouldBeFalse("the home page scrolls sideways at 1366 px");
        await page.ScreenshotAsync("home-1366-light", fullPage: false);

        var light = await BackgroundAsync(page);
        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
        (await BackgroundAsync(page)).ShouldNotBe(light);
        await page.ScreenshotAsync("home-1366-dark", fullPage: false);

        // Remembered for the person, on the server: a new browser (no cookies shared but the sign-in) opens dark too.
        var other = await browser.NewPageAsync(app, width: 1366, height: 768);
        await other.SignInAsync(PageSteps.OwnerUser, PageSteps.OwnerPassword);
        await Expect(other.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
        (await BackgroundAsync(other)).ShouldNotBe(light);
        await other.ClickAsync("[data-testid=theme-toggle]");
        await Expect(other.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "false");

        // The bell opens with a readable empty state or its notices.
        await page.ClickAsync("[data-testid=notification-bell] button");
        await Expect(page.Locator(".md-bell-popover")).ToBeVisibleAsync();

        csp.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task On_a_phone_the_menu_overlays_the_page_and_closes_when_a_link_is_followed()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app, width: 390, height: 844);
        var csp = WatchCsp(page);
        await page.GotoAsync("/masuk");
        await page.ScreenshotAsync("shell-sign-in-390", fullPage: false);
        await page.SetUpOwnerAsync();

        var drawer = page.Locator("[data-testid=drawer]");
        await Expect(drawer).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        (await ScrollsSidewaysAsync(page)).ShouldBeFalse("the home page scrolls sideways on a phone");
        await page.ScreenshotAsync("home-390-light", fullPage: false);

        await page.ClickAsync("[data-testid=menu-toggle]");
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        // Over the page, not beside it: the page keeps its full width under the drawer.
        var mainLeft = await page.EvaluateAsync<double>("() => document.querySelector('.mud-main-content').getBoundingClientRect().left");
        mainLeft.ShouldBe(0, 1);
        await page.ScreenshotAsync("menu-390-light", fullPage: false);

        await page.ClickAsync(".md-nav a[href='bukti']");
        await page.WaitForURLAsync("**/bukti");
        await Expect(drawer).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync("home-390-dark", fullPage: false);
        await page.ClickAsync("[data-testid=menu-toggle]");
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await page.ScreenshotAsync("menu-390-dark", fullPage: false);

        csp.ShouldBeEmpty();
    }
}
