using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in memory over a fresh SQLite file (or a fresh PostgreSQL database when the test class runs on
/// PostgreSQL, <see cref="TestStore"/>), with a clock the test controls. Demo data is off unless a
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

    /// <summary>The SQLite webhook inbox the app keeps next to <see cref="DatabasePath"/> (the app's own rule, WebhookInboxFile).</summary>
    public string InboxPath => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
        MootaDesk.Core.Platform.Store.WebhookInboxFile.ConnectionStringFor($"Data Source={DatabasePath}", null)).DataSource;

    /// <summary>The provider chosen when the host was first built (the test class's, <see cref="TestStore"/>).</summary>
    public StoreProvider Provider { get; private set; } = TestStore.Provider;

    private string? _postgres;

    /// <summary>
    /// The store the app will open, created now so a test can fill it before the host starts: the SQLite path, or on
    /// PostgreSQL a fresh migrated database (main store and inbox).
    /// </summary>
    public async Task<StoreLocation> StoreBeforeStartAsync()
    {
        Provider = TestStore.Provider;
        if (Provider == StoreProvider.PostgreSQL)
        {
            _postgres ??= await TestPostgres.CreateDatabaseAsync();
            return StoreLocation.For(StoreProvider.PostgreSQL, _postgres, null, "");
        }
        Directory.CreateDirectory(_dir);
        return StoreLocation.For(StoreProvider.Sqlite, $"Data Source={DatabasePath}", null, _dir);
    }

    /// <summary>An API key provisioned by configuration (MootaDesk:Api:Keys:N), as a deployment would write it.</summary>
    public MootaDeskFactory WithApiKey(int index, string name, string key, string scopes, string role)
    {
        Settings[$"MootaDesk:Api:Keys:{index}:Name"] = name;
        Settings[$"MootaDesk:Api:Keys:{index}:Key"] = key;
        Settings[$"MootaDesk:Api:Keys:{index}:Scopes"] = scopes;
        Settings[$"MootaDesk:Api:Keys:{index}:Role"] = role;
        return this;
    }

    /// <summary>The host environment; "Production" to test what only production enforces.</summary>
    public string EnvironmentName { get; set; } = "Testing";

    /// <summary>The header a test sets to choose the TCP peer's address (TestServer has none): a proxy or a client.</summary>
    public const string RemoteIpHeader = "X-Test-Remote-Ip";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dir);
        builder.UseEnvironment(EnvironmentName);
        Provider = TestStore.Provider;
        if (Provider == StoreProvider.PostgreSQL)
        {
            _postgres ??= TestPostgres.CreateDatabaseAsync().GetAwaiter().GetResult();
            builder.UseSetting(StoreLocation.ProviderKey, "PostgreSQL");
            builder.UseSetting("ConnectionStrings:MootaDesk", _postgres);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:MootaDesk", $"Data Source={DatabasePath}");
        }
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStartupFilter, RemotePeerFromHeader>();
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

    /// <summary>
    /// Signs in through the form without a cookie jar and returns the session cookie ("mootadesk.auth=…"), as a person copying
    /// it out of a browser would hold it.
    /// </summary>
    public async Task<string> SignInCookieAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/masuk");
        var antiforgery = CookiesOf(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Post, "/masuk")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = AntiforgeryToken(await page.Content.ReadAsStringAsync()),
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(request);
        return CookiesOf(response).Single(c => c.StartsWith("mootadesk.auth=", StringComparison.Ordinal));
    }

    /// <summary>"name=value" of each Set-Cookie header.</summary>
    public static IEnumerable<string> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        if (_postgres is not null) TestPostgres.DropDatabaseAsync(_postgres).GetAwaiter().GetResult();
    }
}

/// <summary>Sets the connection's remote address from <see cref="MootaDeskFactory.RemoteIpHeader"/>, before the app's own middleware.</summary>
internal sealed class RemotePeerFromHeader : IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(nextMiddleware => context =>
        {
            if (context.Request.Headers.TryGetValue(MootaDeskFactory.RemoteIpHeader, out var ip))
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(ip.ToString());
            return nextMiddleware(context);
        });
        next(app);
    };
}
