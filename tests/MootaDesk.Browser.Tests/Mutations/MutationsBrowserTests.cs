using System.Text.RegularExpressions;
using System.IO.Compression;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MootaDesk.Browser.Tests.Infrastructure;

namespace MootaDesk.Browser.Tests.Mutations;

public class MutationsBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    /// <summary>
    /// The clerk's main path on the demo shop (sandbox data, so the page opens with sandbox included): filter by
    /// text, tag two rows in bulk, save the filter as a view, export it to Excel and open the downloaded file.
    /// </summary>
    [BrowserFact]
    public async Task A_clerk_filters_bulk_tags_saves_the_view_and_exports_an_Excel_file_that_opens()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();

        await page.GotoAsync("/mutasi");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=row-open]").First.WaitForAsync();

        // Filter: the text goes into the URL, so the link can be shared.
        await page.FillAsync("[data-testid=filter-text]", "VA PAYMENT");
        await page.ClickAsync("[data-testid=filter-apply]");
        await page.WaitForURLAsync(url => url.Contains("q=VA%20PAYMENT", StringComparison.Ordinal));
        await page.Locator("[data-testid=mutation-count]", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\d") }).WaitForAsync();
        var rows = page.Locator("[data-testid=mutation-grid] tbody tr", new PageLocatorOptions { HasTextString = "VA PAYMENT" });
        await rows.First.WaitForAsync();
        // The unfiltered grid also shows VA PAYMENT rows: wait until the filtered page has replaced it, so the
        // selection below is not cleared by a late re-load.
        await page.WaitForFunctionAsync("""
            () => {
                const rows = [...document.querySelectorAll('[data-testid=mutation-grid] tbody tr')];
                return rows.length > 0 && rows.every(r => r.innerText.includes('VA PAYMENT'));
            }
            """);

        // Bulk-tag the first two rows with "Penting".
        // The grid may still be re-rendering after the filter; a click that lands on a replaced row is retried.
        async Task SelectRowAsync(int index, int expectedCount)
        {
            var count = page.Locator("[data-testid=selected-count]");
            var expected = new System.Text.RegularExpressions.Regex("^" + expectedCount + @"\b");
            for (var attempt = 0; attempt < 3; attempt++)
            {
                await page.Locator("[data-testid=row-select]").Nth(index).ClickAsync();
                try
                {
                    await Assertions.Expect(count).ToHaveTextAsync(expected, new LocatorAssertionsToHaveTextOptions { Timeout = 3000 });
                    return;
                }
                catch (PlaywrightException) when (attempt < 2) { }
            }
        }
        await SelectRowAsync(0, 1);
        await SelectRowAsync(1, 2);
        await Expect(page.Locator("[data-testid=selected-count]")).ToHaveTextAsync(new Regex("^\\s*" + Regex.Escape("2")));
        // Two tags at once. A busy machine can swallow a pick while the popup is still opening: pick again until both are
        // shown in the field ("Tambah tag" stays disabled while no tag is picked).
        var bulkTags = page.Locator("[data-testid=bulk-tags]");
        var addTags = page.Locator("[data-testid=bulk-add-tags]");
        for (var attempt = 0; ; attempt++)
        {
            await bulkTags.ClickAsync();
            foreach (var name in new[] { "Penting", "Marketplace" })
            {
                var item = page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = name }).First;
                await item.WaitForAsync(new LocatorWaitForOptions { Timeout = 5000 });
                if (!await item.EvaluateAsync<bool>("e => e.classList.contains('mud-selected-item') || e.getAttribute('aria-selected') === 'true'"))
                    await item.ClickAsync();
            }
            await page.Keyboard.PressAsync("Escape");
            try
            {
                await Assertions.Expect(addTags).ToBeEnabledAsync(new LocatorAssertionsToBeEnabledOptions { Timeout = 3000 });
                await Assertions.Expect(bulkTags).ToHaveValueAsync(new Regex("Marketplace.*Penting|Penting.*Marketplace"), new LocatorAssertionsToHaveValueOptions { Timeout = 3000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 2) { }
            catch (PlaywrightException ex)
            {
                await page.ScreenshotAsync("mutations-bulk-pick-failed");
                throw new Xunit.Sdk.XunitException("Tags not picked: " + await page.Locator("[data-testid=bulk-bar]").EvaluateAsync<string>("e => e.outerHTML") + "\n" + ex.Message);
            }
        }
        await page.ClickAsync("[data-testid=bulk-add-tags]");
        try
        {
            await page.Locator("[data-testid=undo-toast]").WaitForAsync();
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync("mutations-bulk-tag-failed");
            var notices = await page.Locator(".mud-snackbar").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException("No undo toast after adding tags. Notifications: " + string.Join(" | ", notices));
        }
        var firstRows = page.Locator("[data-testid=mutation-grid] tbody tr");
        foreach (var n in new[] { 0, 1 })
            foreach (var tag in new[] { "Penting", "Marketplace" })
                await firstRows.Nth(n).Locator(".mut-chip", new LocatorLocatorOptions { HasTextString = tag }).WaitForAsync();

        // Save the filter as a shared view and find it in the list.
        await page.ClickAsync("[data-testid=save-view]");
        await page.FillAsync("#view-name", "VA masuk");
        await page.ClickAsync("[data-testid=view-save-confirm]");
        await page.GetByText("Tampilan disimpan.").First.WaitForAsync();
        // A second view by the same name (case and spaces aside) is refused beside the name, and the form keeps it.
        await page.ClickAsync("[data-testid=save-view]");
        await page.FillAsync("#view-name", "va  MASUK");
        await page.ClickAsync("[data-testid=view-save-confirm]");
        await Expect(page.Locator(".mut-save-view")).ToContainTextAsync("sudah ada di daftar tampilan");
        await Expect(page.Locator("#view-name")).ToHaveValueAsync("va  MASUK");
        await page.ScreenshotAsync("mutations-view-name-taken", fullPage: false);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Batal", Exact = true }).ClickAsync();
        await page.ClickAsync("[data-testid=saved-views]");
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "VA masuk" }).First.WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.ScreenshotAsync("mutations-filtered-tagged");

        // Export to Excel and open the file: a workbook with the Indonesian header and the totals sheet.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-excel]"));
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var workbook = await new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEndAsync();
            workbook.ShouldContain("name=\"Mutasi\"");
            workbook.ShouldContain("name=\"Ringkasan\"");
            var sheet = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
            sheet.ShouldContain("Keterangan");
            sheet.ShouldContain("VA PAYMENT");
            sheet.ShouldContain("Penting");
        }
        finally { File.Delete(path); }
        await Expect(page.Locator("[data-testid=export-status]")).ToContainTextAsync("Ekspor selesai", new() { IgnoreCase = true });
    }

    /// <summary>
    /// The Time and Amount headers sort the grid: a first click puts the newest or largest first, a second turns it round,
    /// and the order goes into the link like the "Urutan" choice.
    /// </summary>
    [BrowserFact]
    public async Task Clicking_the_amount_and_time_headers_sorts_the_grid_and_keeps_the_order_in_the_link()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app);
        await page.SetUpOwnerAsync();
        await page.GotoAsync("/mutasi");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=row-open]").First.WaitForAsync();

        // Amounts are always positive (the sign shows the direction), so the column is ordered by their digits.
        Task AmountsInOrderAsync(bool largestFirst) => page.WaitForFunctionAsync("""
            largestFirst => {
                const cells = [...document.querySelectorAll('[data-testid=mutation-grid] tbody tr .md-num > .md-credit, [data-testid=mutation-grid] tbody tr .md-num > .md-debit')];
                if (cells.length < 2) return false;
                const v = cells.map(c => parseFloat(c.innerText.replace(/[^0-9,]/g, '').replace(',', '.')));
                return v.every((x, i) => i === 0 || (largestFirst ? v[i - 1] >= x : v[i - 1] <= x));
            }
            """, largestFirst);

        await page.ClickAsync("[data-testid=sort-amount]");
        await page.WaitForURLAsync(url => url.Contains("urut=jumlah-turun", StringComparison.Ordinal));
        await AmountsInOrderAsync(largestFirst: true);
        await page.ScreenshotAsync("mutations-sorted-by-amount", fullPage: false);

        await page.ClickAsync("[data-testid=sort-amount]");
        await page.WaitForURLAsync(url => url.Contains("urut=jumlah-naik", StringComparison.Ordinal));
        await AmountsInOrderAsync(largestFirst: false);

        await page.ClickAsync("[data-testid=sort-time]");
        await page.WaitForURLAsync(url => !url.Contains("urut=", StringComparison.Ordinal));
        await page.ClickAsync("[data-testid=sort-time]");
        await page.WaitForURLAsync(url => url.Contains("urut=waktu-naik", StringComparison.Ordinal));
        await Expect(page.Locator("input[data-testid=filter-sort], [data-testid=filter-sort] input").First).ToHaveValueAsync("Terlama dulu");
    }

    /// <summary>
    /// Mutasi on MudBlazor at a clerk's laptop (1366×768) and a CS agent's phone: the key columns fit without sideways
    /// scrolling and the time is never cut; the page-size choice and the page go into the link, and the link reopens them;
    /// the pager speaks Indonesian.
    /// </summary>
    [BrowserFact]
    public async Task Page_size_and_page_stay_in_the_link_and_the_key_columns_fit_a_laptop_screen()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app, width: 1366, height: 768);
        await page.SetUpOwnerAsync();
        await page.GotoAsync("/mutasi");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=row-open]").First.WaitForAsync();

        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1")).ShouldBeFalse("Mutasi scrolls sideways at 1366 px");
        (await page.EvaluateAsync<bool>("() => { const c = document.querySelector('[data-testid=mutation-grid] .mud-table-container'); return c.scrollWidth <= c.clientWidth + 1; }"))
            .ShouldBeTrue("the grid hides columns to the right at 1366 px");
        (await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('[data-testid=mutation-grid] td.mut-col-time span')].every(s => s.scrollWidth <= s.parentElement.clientWidth)"))
            .ShouldBeTrue("the time is cut at 1366 px");
        var pager = page.Locator("[data-testid=mutation-grid] .mud-table-pagination");
        await Expect(pager).ToContainTextAsync("Baris per halaman");
        await Expect(pager).ToContainTextAsync("1–50 dari");
        await page.ScreenshotAsync("mutasi-1366-light", fullPage: false);

        await pager.Locator(".mud-table-pagination-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "25" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("baris=25", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Halaman berikutnya" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("hal=2", StringComparison.Ordinal) && url.Contains("baris=25", StringComparison.Ordinal));
        await Expect(pager).ToContainTextAsync("26–50 dari");

        // The link reopens the same rows.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=mutation-grid] .mud-table-pagination")).ToContainTextAsync("26–50 dari");

        await page.ClickAsync("[data-testid=theme-toggle]");
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
        // The filter panel follows the theme (it stayed white in dark mode on Radzen).
        await page.WaitForFunctionAsync("""
            () => {
                const p = document.querySelector('[data-testid=filter-panel] .mud-paper');
                const [r, g, b] = getComputedStyle(p).backgroundColor.match(/\d+/g).map(Number);
                return r + g + b < 200;
            }
            """);
        await page.ScreenshotAsync("mutasi-1366-dark", fullPage: false);

        var phone = await browser.NewPageAsync(app, width: 390, height: 844);
        await phone.SignInAsync(PageSteps.OwnerUser, PageSteps.OwnerPassword);
        await phone.GotoAsync("/mutasi");
        await phone.WaitForInteractiveAsync();
        await phone.Locator("[data-testid=row-open]").First.WaitForAsync();
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1")).ShouldBeFalse("Mutasi scrolls the page sideways on a phone");
        await phone.ScreenshotAsync("mutasi-390-dark", fullPage: false);
        await phone.ClickAsync("[data-testid=theme-toggle]");
        await Expect(phone.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "false");
        await phone.ScreenshotAsync("mutasi-390-light", fullPage: false);
    }

    /// <summary>
    /// Every page of the Mutasi area at a clerk's laptop (1366×768), light and dark: no sideways scrolling; the detail sheet's
    /// history reads as words; the print view of Mutasi prints its rows under the filter in words, without the app bar or menu.
    /// </summary>
    [BrowserFact]
    public async Task Each_page_of_the_area_fits_a_laptop_in_light_and_dark_and_Mutasi_prints_without_the_app_bar()
    {
        await using var app = await AppServer.StartAsync(demoData: true);
        var page = await browser.NewPageAsync(app, width: 1366, height: 768);
        await page.SetUpOwnerAsync();
        (string Path, string Name)[] pages = [("mutasi/tag", "mutasi-tag"), ("mutasi/aturan", "mutasi-aturan"), ("mutasi/duplikat", "mutasi-duplikat"), ("mutasi/cetak?sandbox=ya", "mutasi-cetak")];
        foreach (var theme in new[] { "light", "dark" })
        {
            foreach (var (path, name) in pages)
            {
                await page.GotoAsync("/" + path);
                await page.WaitForInteractiveAsync();
                await page.Locator("h1").First.WaitForAsync();
                (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1")).ShouldBeFalse($"{path} scrolls sideways at 1366 px ({theme})");
                await page.ScreenshotAsync($"{name}-1366-{theme}", fullPage: false);
            }
            await page.GotoAsync("/mutasi");
            await page.WaitForInteractiveAsync();
            await page.Locator("[data-testid=row-open]").First.ClickAsync();
            var sheet = page.Locator("[data-testid=mutation-detail]");
            await sheet.WaitForAsync();
            await Expect(page.Locator("[data-testid=timeline]")).Not.ToContainTextAsync("{");
            await page.ScreenshotAsync($"mutasi-detail-1366-{theme}", fullPage: false);
            await page.Keyboard.PressAsync("Escape");
            await Expect(sheet).ToHaveCountAsync(0);
            if (theme == "light")
            {
                await page.ClickAsync("[data-testid=theme-toggle]");
                await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
            }
        }

        // Mutasi's "Cetak" opens the print view of the same filter; on paper the app bar, the menu and the buttons are gone.
        await page.FillAsync("[data-testid=filter-text]", "VA PAYMENT");
        await page.ClickAsync("[data-testid=filter-apply]");
        await page.WaitForURLAsync(url => url.Contains("q=VA%20PAYMENT", StringComparison.Ordinal));
        var print = await page.Context.RunAndWaitForPageAsync(() => page.ClickAsync("[data-testid=print-open]"));
        await print.WaitForInteractiveAsync();
        await Expect(print.Locator("[data-testid=print-filter]")).ToContainTextAsync("Teks: “VA PAYMENT”");
        await Expect(print.Locator("[data-testid=print-table] thead")).ToContainTextAsync("WIB");
        await print.Locator("[data-testid=print-row]").First.WaitForAsync();
        await print.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(print.Locator(".md-header")).ToBeHiddenAsync();
        await Expect(print.Locator("[data-testid=drawer]")).ToBeHiddenAsync();
        await Expect(print.Locator("[data-testid=print-now]")).ToBeHiddenAsync();
        await print.ScreenshotAsync("mutasi-print", fullPage: true);
    }
}
