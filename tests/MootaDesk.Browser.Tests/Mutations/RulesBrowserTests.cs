using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Mutations;

public class RulesBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    /// <summary>Ops on /mutasi/aturan: a regex typo is reported inline on "Uji pada 90 hari terakhir" and keeps the form.</summary>
    [BrowserFact]
    public async Task A_regex_typo_is_reported_inline_and_the_form_is_kept()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();

        await page.GotoAsync("/mutasi/aturan");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("[data-testid=rule-name]", "Marketplace");
        await page.FillAsync("input[name=rulePattern]", "([A-Z");
        await page.ClickAsync("[data-testid=rule-test]");
        await Expect(page.Locator("[data-testid=rule-error]")).ToContainTextAsync("tidak valid");
        await Expect(page.Locator("[data-testid=rule-name]")).ToHaveValueAsync("Marketplace");
        await Expect(page.Locator("input[name=rulePattern]")).ToHaveValueAsync("([A-Z");
        await page.ScreenshotAsync("rules-bad-pattern");
    }

    [BrowserFact]
    public async Task Ops_can_pick_a_tag_for_a_rule()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();
        await page.GotoAsync("/mutasi/aturan");
        await page.WaitForInteractiveAsync();

        // Pick a tag: open the list, tick the first item, close it; the chip shows the tag.
        await page.ClickAsync("[data-testid=rule-tags]");
        // The open list's items (the form's other drop-downs keep hidden lists in the page too).
        var item = page.Locator("li.rz-multiselect-item:visible").First;
        await item.WaitForAsync();
        var name = (await item.InnerTextAsync()).Trim();
        await item.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.ScreenshotAsync("rules-tag-picked");
        await Expect(page.Locator("[data-testid=rule-tags]")).ToContainTextAsync(name);
    }
}
