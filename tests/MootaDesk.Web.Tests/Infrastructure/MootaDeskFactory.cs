using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MootaDesk.Core.Domain;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in memory over a fresh SQLite file, with a clock the test controls. Demo data is off unless a
/// test turns it on, so every test starts from an empty business.
/// </summary>
public class MootaDeskFactory : WebApplicationFactory<Program>
{
    public const string WebhookSecret = "mootadesk-fixture-secret";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mootadesk-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Time { get; } = TestTime.Create();

    /// <summary>Extra configuration for a test, as flat keys ("MootaDesk:DemoData" = "true").</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["MootaDesk:DemoData"] = "false",
        ["MootaDesk:Moota:WebhookSecret"] = WebhookSecret,
    };

    public string DatabasePath => Path.Combine(_dir, "app.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dir);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MootaDesk", $"Data Source={DatabasePath}");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    public async Task<AppUser> CreateUserAsync(string userName, string password, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, CreatedAt = Time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
        return user;
    }

    /// <summary>An HTTP client that does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateBareClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real sign-in form (antiforgery and all) and returns the cookie-carrying client.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = CreateBareClient();
        var form = await client.GetStringAsync("/masuk");
        var response = await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Found, HttpStatusCode.SeeOther);
        return client;
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
