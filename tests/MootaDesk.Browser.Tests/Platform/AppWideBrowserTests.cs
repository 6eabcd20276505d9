using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MootaDesk.Browser.Tests.Infrastructure;
using MootaDesk.Core.Integrations.Moota;
using static Microsoft.Playwright.Assertions;

namespace MootaDesk.Browser.Tests.Platform;

/// <summary>
/// What the shell gives every page (issue 13): the bell's notice of an important debit, the app bar's search, the keyboard
/// shortcuts and their help; and the owner's pages (Pengaturan, Laporan) at a laptop's and a phone's width, light and dark.
/// </summary>
public class AppWideBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const string Secret = "browser-webhook-secret";

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    /// <summary>A Moota webhook carrying one mutation of BCA 0144050123, signed as Moota signs it.</summary>
    private static async Task DeliverAsync(HttpClient http, string id, string type, decimal amount, string description)
    {
        var at = DateTime.UtcNow.AddHours(7).AddMinutes(-3).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes($$$"""
            [{"account_number": "0144050123", "date": "{{{at}}}", "description": "{{{description}}}", "amount": {{{amount}}}, "type": "{{{type}}}", "note": "",
              "balance": 90000000, "created_at": "{{{at}}}", "updated_at": "{{{at}}}", "mutation_id": "{{{id}}}", "token": "{{{id}}}", "bank_id": "bnkApp01", "taggings": [],
              "bank": {"account_number": "0144050123", "bank_type": "bcaV3", "atas_nama": "PT Contoh Jaya", "label": "BCA Operasional", "bank_id": "bnkApp01", "token": "bnkApp01"}}]
            """);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/moota") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Signature", MootaSignature.Compute(body, Secret));
        (await http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [BrowserFact]
    public async Task An_important_debit_rings_the_bell_the_search_finds_it_and_the_keyboard_reaches_it()
    {
        await using var app = await AppServer.StartAsync(settings: new Dictionary<string, string> { ["MootaDesk:Moota:WebhookSecret"] = Secret });
        var page = await browser.NewPageAsync(app, width: 1366, height: 768);
        await page.SetUpOwnerAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        // Nothing yet: the bell says so in a sentence.
        await page.ClickAsync("[data-testid=notification-bell] button");
        await Expect(page.Locator("[data-testid=notification-empty]")).ToHaveTextAsync("Belum ada pemberitahuan.");
        await page.ScreenshotAsync("bell-empty-1366", fullPage: false);
        await page.Keyboard.PressAsync("Escape");

        // Money out above the Owner's threshold (Rp 5.000.000 by default) and a small credit arrive by webhook.
        await DeliverAsync(http, "appDebit001", "DB", 7_500_000m, "TRSF E-BANKING DB 30/11 WS95041 PT SUMBER KAIN");
        await DeliverAsync(http, "appCredit01", "CR", 150_123m, "TRSF E-BANKING CR 30/11 WS95042 150123.00 HENDRA SAPUTRA");
        for (var i = 0; i < 60 && await page.Locator("[data-testid=notification-count]").CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
        }
        await Expect(page.Locator("[data-testid=notification-count]")).ToHaveTextAsync("1");
        await page.ClickAsync("[data-testid=notification-bell] button");
        var notice = page.Locator("[data-testid=notification-item]");
        await Expect(notice).ToContainTextAsync("Debit penting Rp 7.500.000");
        await page.ScreenshotAsync("bell-important-debit-1366", fullPage: false);
        await notice.First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("buka="));

        // "/" moves to the app search; typing there fires no shortcut ("g" then "m" would open Mutasi).
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        // Blazor puts the focus on the page's heading once it has rendered; only then is "/" pressed by a person.
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#app-search-input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("gm");
        await page.Keyboard.PressAsync("Escape");
        (new Uri(page.Url).AbsolutePath).ShouldBe("/");
        // A search that finds nothing says what to try instead.
        await page.FillAsync("#app-search-input", "zzqq tidak ada");
        await Expect(page.Locator("[data-testid=app-search-empty]")).ToContainTextAsync("Tidak ada yang cocok");
        await page.FillAsync("#app-search-input", "saputra hendra");
        var results = page.Locator("[data-testid=app-search-results]");
        await Expect(results.Locator("[data-testid=search-group-mutations]")).ToHaveTextAsync("Mutasi");
        await Expect(results).ToContainTextAsync("+Rp 150.123");
        await page.ScreenshotAsync("search-1366-light", fullPage: false);
        await results.Locator("[data-testid=search-hit]").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/mutasi") && url.Contains("buka="));
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
        await page.Locator("html[data-shortcuts=ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        // "?" opens the help; "g" then "h" goes home, "g" then "l" to the owner's reports.
        await page.Keyboard.PressAsync("?");
        await Expect(page.Locator("[data-testid=shortcuts-app]")).ToContainTextAsync("Buka Mutasi");
        await Expect(page.Locator("[data-testid=shortcuts-mutations]")).ToContainTextAsync("Urungkan");
        await page.ScreenshotAsync("shortcuts-help-1366", fullPage: false);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("[data-testid=shortcuts-app]")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("l");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/laporan");
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("h");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }

    [BrowserFact]
    public async Task Settings_and_reports_fit_a_laptop_and_a_phone_in_light_and_dark_and_a_wrong_amount_saves_nothing()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app, width: 1366, height: 768);
        await page.SetUpOwnerAsync();

        await page.GotoAsync("/pengaturan");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=users-grid]")).ToContainTextAsync("Sari Wulandari");
        (await ScrollsSidewaysAsync(page)).ShouldBeFalse("Pengaturan scrolls sideways at 1366 px");
        var actionsRight = await page.EvaluateAsync<double>("() => [...document.querySelectorAll('[data-testid=users-grid] th')].pop().getBoundingClientRect().right");
        actionsRight.ShouldBeLessThanOrEqualTo(1366);
        await page.ScreenshotAsync("settings-1366-light", fullPage: false);

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Usaha" }).ClickAsync();
        await Expect(page.Locator("#business-threshold")).ToHaveValueAsync("5.000.000");
        await Expect(page.Locator("[data-testid=business-form]")).ToContainTextAsync("ditandai penting");
        await Expect(page.Locator("[data-testid=business-form]")).Not.ToContainTextAsync("MootaDesk:");
        await page.FillAsync("#business-threshold", "lima juta");
        await page.ClickAsync("[data-testid=save-business]");
        await Expect(page.Locator("[data-testid=business-form]")).ToContainTextAsync("Masukkan jumlah rupiah yang valid");
        await page.ScreenshotAsync("settings-business-bad-amount-1366", fullPage: false);
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Usaha" }).ClickAsync();
        await Expect(page.Locator("#business-threshold")).ToHaveValueAsync("5.000.000");

        await page.GotoAsync("/laporan");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=account-income]").First).ToBeVisibleAsync();
        (await ScrollsSidewaysAsync(page)).ShouldBeFalse("Laporan scrolls sideways at 1366 px");
        // Account names are whole: nothing is cut off with an ellipsis or hidden overflow.
        (await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.md-account-name')].every(e => e.scrollWidth <= e.clientWidth + 1)")).ShouldBeTrue();
        await page.ScreenshotAsync("reports-1366-light");

        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync("reports-1366-dark");
        await page.GotoAsync("/pengaturan");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=users-grid]")).ToContainTextAsync("Sari Wulandari");
        await page.ScreenshotAsync("settings-1366-dark", fullPage: false);
        await page.GotoAsync("/laporan/ritme");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=rhythm-money-in]")).ToContainTextAsync("Rp");
        (await ScrollsSidewaysAsync(page)).ShouldBeFalse("Ritme pemasukan scrolls sideways at 1366 px");
        await page.ScreenshotAsync("rhythm-1366-dark");
        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.ScreenshotAsync("rhythm-1366-light");

        var phone = await browser.NewPageAsync(app, width: 390, height: 844);
        await phone.SignInAsync(PageSteps.OwnerUser, PageSteps.OwnerPassword);
        foreach (var (path, name) in new[] { ("/pengaturan", "settings"), ("/laporan", "reports"), ("/laporan/ritme", "rhythm") })
        {
            await phone.GotoAsync(path);
            await phone.WaitForInteractiveAsync();
            await Expect(phone.Locator("h1")).ToBeVisibleAsync();
            (await ScrollsSidewaysAsync(phone)).ShouldBeFalse($"{path} scrolls sideways on a phone");
            await phone.ScreenshotAsync($"{name}-390-light", fullPage: false);
        }
        await Expect(phone.Locator("#app-search-input")).ToBeVisibleAsync();
    }
}
