namespace MootaDesk.Browser.Tests.Infrastructure;

/// <summary>
/// A browser test. Skipped only when no Chromium is installed and CI did not ask for browser tests; under
/// CI=true a missing browser makes the test run and fail with a clear message.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
            Skip = "No Chromium found (install Debian's chromium, or set MOOTADESK_CHROMIUM); set CI=true to make this a failure.";
    }
}

public static class Chromium
{
    public static string? Path { get; } = new[] { Environment.GetEnvironmentVariable("MOOTADESK_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
        .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
