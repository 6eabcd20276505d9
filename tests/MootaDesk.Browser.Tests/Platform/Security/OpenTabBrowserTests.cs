using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MootaDesk.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MootaDesk.Browser.Tests.Platform.Security;

/// <summary>An open tab follows its user: disabled by the Owner in another browser, a Finance tab loses access without a reload.</summary>
public class OpenTabBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [BrowserFact]
    public async Task A_Finance_tab_is_sent_to_sign_in_after_the_Owner_disables_the_user()
    {
        // Tabs re-check their user every 2 seconds here (a minute at most in production).
        await using var app = await AppServer.StartAsync(settings: new Dictionary<string, string> { ["MootaDesk:Sessions:RevalidateSeconds"] = "2" });
        var owner = await browser.NewPageAsync(app);
        var cspViolations = new List<string>();
        owner.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) cspViolations.Add(m.Text); };
        await owner.SetUpOwnerAsync();

        await owner.GotoAsync("/pengaturan");
        await owner.WaitForInteractiveAsync();
        await owner.FillAsync("#new-user-name", "fina");
        await owner.FillAsync("#new-display-name", "Fina Keuangan");
        await owner.FillAsync("#new-password", "teh-manis-hangat-99");
        var addCard = owner.Locator("[data-testid=add-user]");
        await addCard.GetByText("Finance", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await addCard.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Tambah pengguna" }).ClickAsync();
        await Expect(owner.Locator("[data-testid=users-grid]")).ToContainTextAsync("fina", new() { IgnoreCase = true });

        var finance = await browser.NewPageAsync(app);
        finance.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) cspViolations.Add(m.Text); };
        await finance.SignInAsync("fina", "teh-manis-hangat-99");
        await finance.GotoAsync("/rekening");
        await finance.WaitForInteractiveAsync();
        await Expect(finance.Locator("h1")).ToContainTextAsync("Rekening", new() { IgnoreCase = true });
        await finance.ScreenshotAsync("security-finance-tab-before");

        var row = owner.Locator("[data-testid=users-grid] tr", new PageLocatorOptions { HasText = "Fina Keuangan" });
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Nonaktifkan" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Nonaktif", new() { IgnoreCase = true });

        // No reload: the open tab's circuit notices and sends the person to sign in.
        await Expect(finance).ToHaveURLAsync(new Regex("/masuk"), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        await finance.ScreenshotAsync("security-finance-tab-after");
        cspViolations.ShouldBeEmpty();
    }
}
