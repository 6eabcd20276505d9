using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Mutations;

public class RulesBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    /// <summary>Ops on /mutasi/aturan: a regex typo is reported inline ("pola tidak valid") on "Uji pada 90 hari terakhir" and keeps the form.</summary>
    [BrowserFact]
    public async Task A_regex_typo_is_reported_inline_and_the_form_is_kept()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app, width: 1366, height: 768);
        await page.SetUpOwnerAsync();

        await page.GotoAsync("/mutasi/aturan");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("[data-testid=rule-name]", "Marketplace");
        await page.FillAsync("input[name=rulePattern]", "([A-Z");
        await page.ClickAsync("[data-testid=rule-test]");
        await Expect(page.Locator("[data-testid=rule-error]")).ToContainTextAsync("Pola tidak valid");
        // Said at the pattern field too, where it is fixed.
        await Expect(page.Locator(".mud-input-helper-text.mud-input-error", new PageLocatorOptions { HasTextString = "Pola tidak valid" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=rule-name]")).ToHaveValueAsync("Marketplace");
        await Expect(page.Locator("input[name=rulePattern]")).ToHaveValueAsync("([A-Z");
        await page.ScreenshotAsync("rules-bad-pattern", fullPage: false);
    }

    /// <summary>The blocker of issue 13: Ops picks tags for a rule with the mouse and with the keyboard, and saves it.</summary>
    [BrowserFact]
    public async Task Ops_picks_tags_for_a_rule_with_mouse_and_keyboard_and_saves_it()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app, width: 1366, height: 768);
        await page.SetUpOwnerAsync();
        await page.GotoAsync("/mutasi/aturan");
        await page.WaitForInteractiveAsync();

        await page.FillAsync("[data-testid=rule-name]", "Pencairan marketplace");
        await page.FillAsync("[data-testid=rule-contains]", "SHOPEE");
        var tags = page.Locator("[data-testid=rule-tags]");

        // Mouse: open the list, tick "Marketplace"; the popup stays open for more ticks until Escape.
        await tags.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "Marketplace" }).First.ClickAsync();
        await Expect(tags).ToHaveValueAsync(new Regex("Marketplace"));
        await page.Keyboard.PressAsync("Escape");

        // Keyboard: from the field, open the list, move to another tag and tick it.
        await tags.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        await Expect(tags).ToHaveValueAsync(new Regex(@"Marketplace.*,|,.*Marketplace"));
        await page.ScreenshotAsync("rules-tag-picked", fullPage: false);

        await page.ClickAsync("[data-testid=rule-save]");
        var row = page.Locator("[data-testid=rule-row]", new PageLocatorOptions { HasTextString = "Pencairan marketplace" });
        await Expect(row).ToContainTextAsync("Marketplace");
        await Expect(row).ToContainTextAsync("SHOPEE");
    }
}
