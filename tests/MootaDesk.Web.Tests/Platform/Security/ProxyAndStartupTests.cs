using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Proof;

namespace MootaDesk.Web.Tests.Platform.Security;

/// <summary>Behind a reverse proxy: forwarded headers only from known proxies; Secure cookies, HSTS, the client's address; configuration mistakes stop start-up.</summary>
public class ProxyAndStartupTests
{
    private const string Proxy = "10.0.0.5";
    private const string Client = "203.0.113.7";
    private const string Password = "kopi-susu-gula-aren";

    private static MootaDeskFactory BehindProxy()
    {
        var app = new MootaDeskFactory();
        app.Settings["MootaDesk:Proxy:KnownProxies:0"] = Proxy;
        app.Settings["MootaDesk:Moota:AllowedIps:0"] = Client + "/32";
        app.WithApiKey(0, "erp", "erp-finance-key-0123456789", "summary", "Finance");
        return app;
    }

    private static HttpRequestMessage Via(string peer, HttpMethod method, string path, string? forwardedFor = Client, string proto = "https")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(MootaDeskFactory.RemoteIpHeader, peer);
        request.Headers.Host = "kas.tokosaya.example";
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", proto);
        return request;
    }

    [Fact]
    public async Task Behind_a_known_proxy_over_https_cookies_are_secure_and_hsts_is_sent()
    {
        using var app = BehindProxy();
        await app.CreateUserAsync("owner", Password, Roles.Owner);
        // The test client talks plain http to the proxy's side, so it would not send a Secure cookie back: do it by hand.
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.SendAsync(Via(Proxy, HttpMethod.Get, "/masuk"));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        page.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var signIn = Via(Proxy, HttpMethod.Post, "/masuk");
        signIn.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = MootaDeskFactory.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            ["Input.UserName"] = "owner", ["Input.Password"] = Password,
        });
        signIn.Headers.Add("Cookie", MootaDeskFactory.CookiesOf(page).Single());
        var signedIn = await client.SendAsync(signIn);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mootadesk.auth=", StringComparison.Ordinal));
        auth.ShouldContain("secure", Case.Insensitive);
        auth.ShouldContain("httponly", Case.Insensitive);
        auth.ShouldContain("samesite=strict", Case.Insensitive);
    }

    [Fact]
    public async Task From_an_unknown_peer_forwarded_headers_are_ignored()
    {
        using var app = BehindProxy();
        await app.CreateUserAsync("owner", Password, Roles.Owner);
        var page = await app.CreateBareClient().SendAsync(Via("10.0.0.9", HttpMethod.Get, "/masuk"));
        page.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        page.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_webhook_allow_list_sees_the_client_behind_the_proxy_not_the_proxy()
    {
        using var app = BehindProxy();
        var client = app.CreateBareClient();
        async Task<(HttpStatusCode Status, long Id)> Deliver(string peer, string? forwardedFor)
        {
            var request = Via(peer, HttpMethod.Post, "/api/webhooks/moota", forwardedFor);
            request.Content = new StringContent("[]", Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("deliveryId").GetInt64());
        }
        // From Moota's address through the proxy: allowed past the list (refused later only for the missing signature).
        (await Deliver(Proxy, Client)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        // Another client through the proxy, and a client forging the header without going through the proxy: refused by the list.
        (await Deliver(Proxy, "198.51.100.1")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var forged = await Deliver("198.51.100.1", Client);
        forged.Status.ShouldBe(HttpStatusCode.Forbidden);

        await using var inbox = await app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        (await inbox.WebhookDeliveries.SingleAsync(d => d.Id == forged.Id)).SourceIp.ShouldBe("198.51.100.1");
    }

    [Fact]
    public async Task The_audit_trail_records_the_client_behind_the_proxy()
    {
        using var app = BehindProxy();
        var request = Via(Proxy, HttpMethod.Post, $"/api/sweeps/{app.Time.GetUtcNow().AddHours(7):yyyy-MM-dd}");
        request.Headers.Add("X-Api-Key", "erp-finance-key-0123456789");
        (await app.CreateBareClient().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        (await db.AuditEvents.SingleAsync(a => a.Action == "sweep.prepare")).Ip.ShouldBe(Client);
    }

    [Theory]
    [InlineData("/masuk")]
    [InlineData("/health")]
    [InlineData("/api/mutations")]
    [InlineData("/v/not-a-token")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var app = new MootaDeskFactory();
        await app.CreateUserAsync("owner", Password, Roles.Owner);
        var response = await app.CreateBareClient().GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-eval");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
    }

    [Fact]
    public void In_production_a_missing_public_base_url_stops_start_up_with_a_clear_message()
    {
        using var app = new MootaDeskFactory { EnvironmentName = "Production" };
        var error = Should.Throw<Exception>(() => app.CreateClient());
        error.ToString().ShouldContain("MootaDesk:Proof:PublicBaseUrl must be set in Production");
    }

    [Fact]
    public async Task In_production_a_public_base_url_lets_the_app_start()
    {
        using var app = new MootaDeskFactory { EnvironmentName = "Production" };
        app.Settings["MootaDesk:Proof:PublicBaseUrl"] = "https://kas.tokosaya.example";
        (await app.CreateBareClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Support")]
    [InlineData("Admin")]
    [InlineData("")]
    public void A_configured_key_with_an_unknown_role_stops_start_up_naming_the_key(string role)
    {
        using var app = new MootaDeskFactory();
        app.WithApiKey(0, "helpdesk-bot", "helpdesk-key-0123456789", "read", role);
        var error = Should.Throw<Exception>(() => app.CreateClient()).ToString();
        error.ShouldContain("MootaDesk:Api:Keys:0 (\"helpdesk-bot\")");
        error.ShouldContain("is not one of Owner, Finance, Ops, CS");
        error.ShouldNotContain("helpdesk-key-0123456789");
    }

    [Fact]
    public async Task A_configured_key_with_role_cs_in_lower_case_reads_credits_only_without_balances()
    {
        using var app = new MootaDeskFactory();
        app.WithApiKey(0, "chatbot", "chatbot-key-0123456789", "read", "cs");
        await Proof.ProofSeed.CreateAsync(app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>(), app.Time.GetUtcNow().UtcDateTime);
        var client = app.CreateBareClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "chatbot-key-0123456789");
        var debits = await client.GetStringAsync("/api/mutations?direction=debit");
        debits.ShouldContain("\"total\":0");
        var all = await client.GetStringAsync("/api/mutations");
        all.ShouldNotContain("SUPPLIER RAHASIA");
        all.ShouldContain("\"balanceAfter\":null");
        all.ShouldNotContain("98765432");
    }
}
