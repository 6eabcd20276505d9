using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Sweep;

public class SweepBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static ILocator Step(IPage page, int step) => page.Locator("[data-testid=sweep-steps] .mud-tab").Nth(step - 1);

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [BrowserFact]
    public async Task Finance_runs_a_whole_sweep_and_signs_off_the_owner_summary()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();
        await StoreUsers.AddAsync(app, "cece", "Cece CS", "teh-manis-hangat-99", "CS");

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
        await page.ScreenshotAsync("sweep-step1-1366", fullPage: false);
        (await ScrollsSidewaysAsync(page)).ShouldBeFalse("the sweep scrolls sideways at 1366 px");
        await page.ClickAsync("[data-testid=accounts-reviewed]");
        await Expect(page.Locator("[data-testid=accounts-reviewed-note]")).ToContainTextAsync("owner", new() { IgnoreCase = true });
        await Expect(page.Locator("[data-testid=accounts-reviewed]")).ToHaveCountAsync(0);
        await Expect(Step(page, 1)).ToContainTextAsync("✓");

        // Step 2: the CS chosen first, then rows ticked: "Tugaskan terpilih (N)" counts them and can be pressed.
        await Step(page, 2).ClickAsync();
        var assign = page.Locator("[data-testid=assign-selected]");
        await Expect(assign).ToContainTextAsync("(0)");
        await page.Locator("[data-testid=assignee]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "Cece CS" }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=grid-step2] [data-testid=row-select]").First.ClickAsync();
        await Expect(assign).ToContainTextAsync("(1)");
        await page.Locator("[data-testid=grid-step2] [data-testid=row-select]").Nth(1).ClickAsync();
        await Expect(assign).ToContainTextAsync("(2)");
        await Expect(assign).ToBeEnabledAsync();
        await page.ScreenshotAsync("sweep-step2-1366", fullPage: false);
        await assign.ClickAsync();
        await Expect(assign).ToContainTextAsync("(0)");
        await Expect(page.Locator("[data-testid=grid-step2] [data-testid=item-task]").First).ToContainTextAsync("Cece CS");

        // Step 3: refunds and suppliers confirmed.
        await Step(page, 3).ClickAsync();
        await page.Locator("[data-testid=grid-step3]").WaitForAsync();
        await page.ClickAsync("[data-testid=check-all-step3]");
        await Expect(Step(page, 3)).ToContainTextAsync("✓");
        // Step 4: anomalies; each row's "Sudah dicek" is on screen at 1366 px (it sat past the right edge before).
        await Step(page, 4).ClickAsync();
        await page.Locator("[data-testid=grid-step4]").WaitForAsync();
        var check = page.Locator("[data-testid=grid-step4] [data-testid=check-item]");
        if (await check.CountAsync() > 0)
        {
            var box = await check.First.BoundingBoxAsync();
            (box!.X + box.Width).ShouldBeLessThanOrEqualTo(1366, "Sudah dicek sits off-screen");
        }
        (await ScrollsSidewaysAsync(page)).ShouldBeFalse("the anomalies step scrolls sideways at 1366 px");
        await page.ScreenshotAsync("sweep-step4-1366", fullPage: false);
        await page.ClickAsync("[data-testid=check-all-step4]");
        await Expect(Step(page, 4)).ToContainTextAsync("✓");

        // Step 5: exactly five lines, the last one edited by hand, then sent.
        await Step(page, 5).ClickAsync();
        for (var i = 1; i <= 5; i++)
            await Expect(page.Locator($"#summary-line-{i}")).Not.ToHaveValueAsync("");
        await Expect(page.Locator("[id^=summary-line-]")).ToHaveCountAsync(5);
        await page.FillAsync("#summary-line-5", "Catatan khusus: semua anomali sudah dicek Finance.");
        await page.Locator("#summary-line-5").BlurAsync();
        await page.ScreenshotAsync("sweep-step5-1366", fullPage: false);
        await page.ClickAsync("[data-testid=send-summary]");

        await Expect(page.Locator("[data-testid=signed-off-badge]")).ToContainTextAsync("owner", new() { IgnoreCase = true });
        // Signed-off sweeps are read-only history.
        await Expect(page.Locator("#summary-line-5")).Not.ToBeEditableAsync();
        await Expect(page.Locator("[data-testid=send-summary]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=refresh]")).ToHaveCountAsync(0);
        var wa = page.Locator("[data-testid=whatsapp-link]");
        await Expect(wa).ToHaveAttributeAsync("href", new Regex("^https://wa.me/"));
        var href = Uri.UnescapeDataString((await wa.GetAttributeAsync("href"))!);
        href.ShouldContain("semua anomali sudah dicek");
        // The owner's message says which shop and which day before the five lines.
        href.ShouldContain("text=Ringkasan Toko Batik Sari");
        await page.ScreenshotAsync("sweep-signed-off-1366", fullPage: false);

        // Printed: no app bar, no drawer; the shop and the day head the sheet, then the five lines.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("[data-testid=print-heading]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=print-heading]")).ToContainTextAsync("Toko Batik Sari");
        await Expect(page.Locator("[data-testid=print-lines] li")).ToHaveCountAsync(5);
        await Expect(page.Locator(".md-header")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=drawer]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=sweep-steps]")).ToBeHiddenAsync();
        // From the sheet's left edge, once the drawer's margin has slid away (MudBlazor animates it).
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=print-heading]').getBoundingClientRect().left < 30");
        await page.ScreenshotAsync("sweep-print", fullPage: true);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        // Dark theme: the same page in the brand's dark colours.
        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync("sweep-signed-off-1366-dark", fullPage: false);
        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "false");

        // The CS agent finds the task, tries an order number that does not exist, and is told so; nothing is stored.
        var cs = await browser.NewPageAsync(app, width: 390, height: 844);
        await cs.SignInAsync("cece", "teh-manis-hangat-99");
        await cs.GotoAsync("/sweep/tugas");
        await cs.WaitForInteractiveAsync();
        await cs.Locator("[data-testid=task-done]").First.WaitForAsync();
        (await ScrollsSidewaysAsync(cs)).ShouldBeFalse("Tugas saya scrolls sideways on a phone");
        await cs.Locator("[data-testid=task-reference]").First.FillAsync("INV-TIDAK-ADA-1");
        await cs.Locator("[data-testid=task-reference]").First.BlurAsync();
        await cs.Locator("[data-testid=task-done]").First.ClickAsync();
        await Expect(cs.Locator("[data-testid=task-error]").First).ToContainTextAsync("tidak ditemukan");
        await Expect(cs.Locator("[data-testid=task-reference]").First).ToHaveValueAsync("INV-TIDAK-ADA-1");
        await cs.ScreenshotAsync("sweep-tasks-390-refused", fullPage: false);
    }
}
