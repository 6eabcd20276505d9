using Microsoft.Playwright;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.BankAccounts;

public class StatementLayoutBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    /// <summary>The klikbca-shaped case, for the demo BCA account (the case's own account number would differ from it).</summary>
    private static string KlikBca() =>
        File.ReadAllText(Path.Combine(AppServer.Metadata("RepositoryRoot"), "tests", "Fixtures", "cases", "ingest", "klikbca-shaped.csv"))
            .Replace("'0287712345", "'0123456789");

    /// <summary>The page scrolls inside its layout, so a full-page shot stops at the fold: shoot the part that matters.</summary>
    private static async Task ShootAsync(ILocator part, string name)
    {
        var dir = Path.Combine(AppServer.Metadata("RepositoryRoot"), "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(dir, name + ".png") });
    }

    [BrowserFact]
    public async Task Klikbca_export_shows_totals_and_the_PEND_row_a_flipped_row_blocks_the_good_file_commits_and_a_year_is_asked_without_a_period()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();
        var dir = Directory.CreateTempSubdirectory("klikbca-");
        var good = Path.Combine(dir.FullName, "mutasi-oktober.csv");
        var flipped = Path.Combine(dir.FullName, "mutasi-oktober-salah.csv");
        await File.WriteAllTextAsync(good, KlikBca());
        await File.WriteAllTextAsync(flipped, KlikBca().Replace("BIAYA ADM,'0000,10000.00,DB", "BIAYA ADM,'0000,10000.00,CR"));
        try
        {
            await page.GotoAsync("/rekening");
            await page.WaitForInteractiveAsync();
            await page.Locator("[data-testid=accounts-grid]").WaitForAsync();
            await page.Locator("a[data-testid^='import-']").First.ClickAsync();
            await page.WaitForURLAsync("**/rekening/impor?rekening=*");
            await page.WaitForInteractiveAsync();

            await page.ChooseStatementFileAsync(good);
            await Assertions.Expect(page.Locator("[data-testid=import-layout]")).ToContainTextAsync("KlikBCA", new() { IgnoreCase = true });
            await Assertions.Expect(page.Locator("[data-testid=import-summary-lines]")).ToContainTextAsync("4 baris ringkasan", new() { IgnoreCase = true });
            await page.ClickAsync("[data-testid=import-check]");
            await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToHaveTextAsync("4 baru, 0 sudah ada, 0 ditolak");
            await Assertions.Expect(page.Locator("[data-testid=import-skipped]")).ToHaveTextAsync("1 baris PEND dilewati");
            await Assertions.Expect(page.Locator("[data-testid=import-money-in]")).ToHaveTextAsync("Uang masuk: Rp 1.505.500 (2 transaksi)");
            await Assertions.Expect(page.Locator("[data-testid=import-money-out]")).ToHaveTextAsync("Uang keluar: Rp 760.000 (2 transaksi)");
            await Assertions.Expect(page.Locator("[data-testid=import-footer-ok]")).ToBeVisibleAsync();
            await page.ScreenshotAsync("statements-klikbca-mapping");
            await ShootAsync(page.Locator("[data-testid=import-report]"), "statements-klikbca-preview");

            await page.ChooseStatementFileAsync(flipped);
            await Assertions.Expect(page.Locator("[data-testid=import-report]")).ToHaveCountAsync(0);
            await page.ClickAsync("[data-testid=import-check]");
            var blocked = page.Locator("[data-testid=import-direction-blocked]");
            await Assertions.Expect(blocked).ToContainTextAsync("Baris 8, 9 Okt 2026, Rp 10.000: ditulis sebagai uang masuk (kredit), tetapi saldo turun dari Rp 2.180.500 menjadi Rp 2.170.500.", new() { IgnoreCase = true });
            await Assertions.Expect(page.Locator("[data-testid=import-commit]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=import-commit-valid]")).ToHaveCountAsync(0);
            await ShootAsync(page.Locator("[data-testid=import-report]"), "statements-flipped-blocked");

            await page.ChooseStatementFileAsync(good);
            await Assertions.Expect(page.Locator("[data-testid=import-report]")).ToHaveCountAsync(0);
            await page.ClickAsync("[data-testid=import-check]");
            await Assertions.Expect(page.Locator("[data-testid=import-footer-ok]")).ToBeVisibleAsync();
            await page.ClickAsync("[data-testid=import-commit]");
            await Assertions.Expect(page.Locator("[data-testid=import-done]")).ToContainTextAsync("4 baru disimpan", new() { IgnoreCase = true });
            var history = page.Locator("[data-testid=import-history]");
            await Assertions.Expect(history).ToContainTextAsync("mutasi-oktober.csv", new() { IgnoreCase = true });
            await Assertions.Expect(history).ToContainTextAsync("Rp 1.505.500", new() { IgnoreCase = true });
            await ShootAsync(page.Locator("[data-testid=import-done]"), "statements-klikbca-done");
            await ShootAsync(history, "statements-klikbca-history");

            // The same export without its period line: the page asks for the year, then finds every row already stored.
            var noPeriod = Path.Combine(dir.FullName, "mutasi-tanpa-periode.csv");
            await File.WriteAllTextAsync(noPeriod, KlikBca().Replace("Periode,=,01/10/2026 - 31/10/2026\n", ""));
            await page.ChooseStatementFileAsync(noPeriod);
            await page.Locator("[data-testid=import-preview]").WaitForAsync();
            await page.ClickAsync("[data-testid=import-check]");
            await Assertions.Expect(page.Locator("[data-testid=import-mapping-error]")).ToContainTextAsync("tanpa tahun", new() { IgnoreCase = true });
            await page.Locator("#map-year").FillAsync("2026");
            await page.ClickAsync("[data-testid=import-check]");
            await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToHaveTextAsync("0 baru, 4 sudah ada, 0 ditolak");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
