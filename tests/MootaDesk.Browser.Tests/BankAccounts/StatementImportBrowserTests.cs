using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.BankAccounts;

public class StatementImportBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const string Statement = """
        Informasi Rekening - Mutasi Rekening
        No. rekening : 0123456789
        Tanggal;Keterangan;Debet;Kredit;Saldo
        20/11/2026;TRSF E-BANKING CR 2011/FTSCY/WS95031 150123.00 BUDI SANTOSO;;150.123,00;1.650.123,00
        20/11/2026;BIAYA ADM;15.000,00;;1.635.123,00
        21/11/2026;TRSF E-BANKING CR 2111/FTSCY/WS95031 1500000.00 PT MAJU;;1.500.000,00;3.135.123,00
        kemarin;SETORAN TANPA TANGGAL;;10.000,00;
        """;

    [BrowserFact]
    public async Task Finance_imports_a_small_csv_from_the_accounts_page_and_sees_the_report()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();
        var file = Path.Combine(Path.GetTempPath(), $"mutasi-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, Statement);
        try
        {
            await page.GotoAsync("/rekening");
            await page.WaitForInteractiveAsync();
            await page.Locator("[data-testid=accounts-grid]").WaitForAsync();
            await page.ScreenshotAsync("accounts-list");
            await page.Locator("a[data-testid^='import-']").First.ClickAsync();
            await page.WaitForURLAsync("**/rekening/impor?rekening=*");
            await page.WaitForInteractiveAsync();

            await page.ChooseStatementFileAsync(file);
            await page.Locator("[data-testid=import-preview]").WaitForAsync();
            await page.ClickAsync("[data-testid=import-check]");
            await page.Locator("[data-testid=import-report]").WaitForAsync();
            await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToHaveTextAsync("3 baru, 0 sudah ada, 1 ditolak");
            await Expect(page.Locator("[data-testid=import-rejected]")).ToContainTextAsync("Tanggal tidak terbaca", new() { IgnoreCase = true });
            await page.ScreenshotAsync("import-report");

            // With a rejected row nothing is stored until the person explicitly chooses the valid rows only.
            await page.ClickAsync("[data-testid=import-commit-valid]");
            await Assertions.Expect(page.Locator("[data-testid=import-done]")).ToContainTextAsync("3 baru disimpan", new() { IgnoreCase = true });
            await Expect(page.Locator("[data-testid=import-history]")).ToContainTextAsync(Path.GetFileName(file), new() { IgnoreCase = true });

            // The same file again: everything is recognised. The first report may still be on screen while the second is
            // prepared, so wait for the text itself rather than for the element.
            await page.ChooseStatementFileAsync(file);
            await page.Locator("[data-testid=import-preview]").WaitForAsync();
            await page.ClickAsync("[data-testid=import-check]");
            await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToHaveTextAsync("0 baru, 3 sudah ada, 1 ditolak",
                new LocatorAssertionsToHaveTextOptions { Timeout = 20_000 });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
