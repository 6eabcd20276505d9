using Microsoft.Playwright;

namespace MootaDesk.Browser.Tests.Infrastructure;

/// <summary>
/// Headless Debian Chromium driven by Playwright (never a downloaded browser), one per test class, plus
/// the steps every area's test needs: first-run setup, sign-in, waiting for the Blazor circuit.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static readonly string[] Flags =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    internal const int WaitMs = 45_000;

    public async Task InitializeAsync()
    {
        if (Chromium.Path is null)
        {
            if (Chromium.Required) throw new InvalidOperationException("CI=true but no Chromium at /usr/bin/chromium: .ci/run must install Debian's chromium package.");
            return;
        }
        // Pages update over the circuit after the action that caused it, and CI runs the Web and browser suites side by
        // side on 2 cores: text is asserted with Playwright's retrying assertions, and they and the page's own actions wait
        // up to 45 s. A passing step costs nothing extra; only a failing one waits longer.
        Assertions.SetDefaultExpectTimeout(WaitMs);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = Flags,
        });
    }

    public async Task<IPage> NewPageAsync(AppServer app, int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        context.SetDefaultTimeout(WaitMs);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = app.BaseUrl });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

public static class PageSteps
{
    public const string OwnerUser = "owner";
    public const string OwnerPassword = "kopi-susu-gula-aren";

    /// <summary>Waits until the Blazor circuit has rendered the layout, so clicks reach .NET handlers.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-testid=interactive][data-ready=yes]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>First-run setup through the real form; ends signed in as the Owner on the home page.</summary>
    public static async Task SetUpOwnerAsync(this IPage page, string businessName = "Toko Batik Sari")
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/penyiapan");
        await page.FillAsync("input[name='Input.BusinessName']", businessName);
        await page.FillAsync("input[name='Input.DisplayName']", "Sari Wulandari");
        await page.FillAsync("input[name='Input.UserName']", OwnerUser);
        await page.FillAsync("input[name='Input.Password']", OwnerPassword);
        await page.FillAsync("input[name='Input.ConfirmPassword']", OwnerPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.WaitForInteractiveAsync();
    }

    public static async Task SignInAsync(this IPage page, string user, string password)
    {
        await page.GotoAsync("/masuk");
        await page.FillAsync("input[name='Input.UserName']", user);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/masuk");
        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// Chooses a file in the statement import's file input once a person could: the input is enabled only after the account
    /// is chosen and while nothing is being read, and a file set on a still-disabled input is never read by Blazor (a race
    /// the full suite on two cores hit).
    /// </summary>
    public static Task ChooseStatementFileAsync(this IPage page, string path) =>
        page.Locator("[data-testid=import-file]").ChooseFileAsync(path);

    /// <summary>
    /// Sets the file of a Blazor <c>InputFile</c> once it listens: enabled, and initialised by Blazor's script. After an
    /// in-circuit navigation the layout's ready marker is already there, so the input can be in the page before Blazor has
    /// attached its change listener (the interop call follows the render); a file set in that gap is never read, which the
    /// full suite on two cores hit. <c>_blazorInputFileNextFileId</c> is what Blazor's <c>InputFile.init</c> sets first
    /// (blazor.web.js, .NET 10).
    /// </summary>
    public static async Task ChooseFileAsync(this ILocator input, string path)
    {
        await Assertions.Expect(input).ToBeEnabledAsync();
        // The locator is resolved afresh on every poll: the page may swap the input (a new @key) in between.
        var until = DateTime.UtcNow.AddMilliseconds(BrowserSession.WaitMs);
        while (!await input.EvaluateAsync<bool>("el => el._blazorInputFileNextFileId !== undefined"))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("Blazor never initialised the file input.");
            await Task.Delay(50);
        }
        await input.SetInputFilesAsync(path);
    }

    /// <summary>
    /// Opens the menu on a phone-sized page and waits until its links are on screen. Right after a page loads, MudBlazor's
    /// drawer may still apply its breakpoint (closed on a phone) after the first tap and close again: CI once waited 45 s for a
    /// link of a drawer that never came. A person taps again; so does this, at most three times.
    /// </summary>
    public static async Task OpenMenuAsync(this IPage page)
    {
        var link = page.Locator(".md-nav a").First;
        for (var tap = 1; ; tap++)
        {
            await page.ClickAsync("[data-testid=menu-toggle]");
            try
            {
                await Assertions.Expect(link).ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (tap < 3)
            {
            }
        }
    }

    /// <summary>Saves a screenshot under TestResults/screenshots for people to look at (CI keeps the folder).</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name, bool fullPage = true)
    {
        var dir = Path.Combine(AppServer.Metadata("RepositoryRoot"), "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }
}
