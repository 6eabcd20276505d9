using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Proof;

namespace MootaDesk.Web.Tests.Platform.Security;

/// <summary>
/// Calls every guarded endpoint the app maps, as every role, with a session cookie and with an API key (holding every scope),
/// and checks each answer against the permission matrix; no answer to CS may contain the seeded debit or balance.
/// </summary>
public class PermissionMatrixHttpTests : IAsyncLifetime
{
    private const string Password = "kopi-susu-gula-aren";
    private static readonly string[] DebitOrBalanceMarkers = ["SUPPLIER RAHASIA", "7.000.000", "7000000", "98.765.432", "98765432"];

    private readonly MootaDeskFactory _app = new();
    private readonly Dictionary<string, HttpClient> _sessions = [];
    private ProofSeed _seed = default!;
    private long _proofId;
    private long _deliveryId;
    private string _day = "";

    private static string KeyFor(string role) => $"matrix-{role.ToLowerInvariant()}-key-0123456789";

    public async Task InitializeAsync()
    {
        for (var i = 0; i < Roles.All.Length; i++)
        {
            var role = Roles.All[i];
            _app.WithApiKey(i, "matrix-" + role, KeyFor(role), string.Join(",", ApiScopes.All), role);
        }
        foreach (var role in Roles.All) await _app.CreateUserAsync(role.ToLowerInvariant(), Password, role);
        var factory = _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>();
        _seed = await ProofSeed.CreateAsync(factory, _app.Time.GetUtcNow().UtcDateTime);
        var clock = _app.Services.GetRequiredService<BusinessClock>();
        _day = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The day's sweep, whose summary names the supplier payment: exactly what CS must never read.
        await _app.Services.GetRequiredService<PrepareSweepCommand>().PrepareAsync(clock.Today, SweepTrigger.Manual, Actor.System);
        var owner = Key(Roles.Owner);
        var proof = await owner.PostAsync($"/api/mutations/{_seed.BudiCredit}/proof", null);
        proof.StatusCode.ShouldBe(HttpStatusCode.Created);
        _proofId = (await proof.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proofId").GetInt64();
        var delivery = await _app.CreateBareClient().PostAsync("/api/webhooks/moota", new StringContent("[]", Encoding.UTF8, "application/json"));
        _deliveryId = (await delivery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveryId").GetInt64();
        foreach (var role in Roles.All) _sessions[role] = await _app.SignInAsync(role.ToLowerInvariant(), Password);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private HttpClient Key(string role)
    {
        var client = _app.CreateBareClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", KeyFor(role));
        return client;
    }

    /// <summary>A real address for each route pattern; a new pattern fails here until someone says what to call it with.</summary>
    private string UrlFor(RouteEndpoint e)
    {
        var pattern = e.RoutePattern.RawText!;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["/bukti/{id:long}/pdf|id"] = _proofId.ToString(CultureInfo.InvariantCulture),
            ["/bukti/{id:long}/png|id"] = _proofId.ToString(CultureInfo.InvariantCulture),
            ["/bukti/{ProofId:long}|ProofId"] = _proofId.ToString(CultureInfo.InvariantCulture),
            ["/bukti/{ProofId:long}/cetak|ProofId"] = _proofId.ToString(CultureInfo.InvariantCulture),
            ["/bukti/mutasi/{MutationId:long}|MutationId"] = _seed.BudiCredit.ToString(CultureInfo.InvariantCulture),
            ["/api/mutations/{id:long}/proof|id"] = _seed.SitiCredit.ToString(CultureInfo.InvariantCulture),
            ["/pesanan/{Id:int}|Id"] = _seed.OrderId.ToString(CultureInfo.InvariantCulture),
            ["/integrasi/webhook/{Id:long}|Id"] = _deliveryId.ToString(CultureInfo.InvariantCulture),
            ["/sweep/{Day}|Day"] = _day,
            ["/api/sweeps/{day}|day"] = _day,
            ["/api/summaries/{day}|day"] = _day,
            ["/api/orders/{reference}|reference"] = "INV-2026-0042",
            ["/mutasi/unduh/{token}|token"] = "not-a-token",
        };
        var url = pattern;
        foreach (var p in e.RoutePattern.Parameters)
        {
            values.TryGetValue(pattern + "|" + p.Name, out var value)
                .ShouldBeTrue($"No sample value for {{{p.Name}}} in {pattern}: add one to {nameof(UrlFor)} so the matrix test can call it.");
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + p.Name + "[^}]*\\}", value!);
        }
        return url;
    }

    private static string MethodOf(RouteEndpoint e) =>
        e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
        && !methods.Contains("GET") ? methods[0] : "GET";

    private static HttpContent? BodyFor(string url) =>
        url == "/api/orders"
            ? JsonContent.Create(new { reference = "MX-" + Guid.NewGuid().ToString("N")[..8], customerName = "Matrix", amount = 10000, account = ProofSeed.FullAccountNumber })
            : null;

    [Fact]
    public async Task Every_endpoint_answers_every_role_as_the_matrix_says_by_cookie_and_by_api_key()
    {
        var endpoints = EndpointDeclarationTests.Endpoints(_app)
            .Where(e => e.Metadata.GetMetadata<PermissionAttribute>() is not null)
            // Signing out ends the session for the rest of the run: it goes last.
            .OrderBy(e => e.RoutePattern.RawText == "/keluar")
            .ToList();
        var problems = new List<string>();
        var calls = 0;
        foreach (var e in endpoints)
        {
            var permission = e.Metadata.GetMetadata<PermissionAttribute>()!;
            var isApi = permission.AuthenticationSchemes == ApiKeyAuthentication.SchemeName;
            var url = UrlFor(e);
            var method = MethodOf(e);
            foreach (var role in Roles.All)
            {
                foreach (var byKey in new[] { false, true })
                {
                    var client = byKey ? Key(role) : _sessions[role];
                    var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = BodyFor(url) });
                    calls++;
                    var body = await response.Content.ReadAsStringAsync();
                    var location = response.Headers.Location?.OriginalString ?? "";
                    var channelFits = byKey == isApi;
                    var allowed = channelFits && PermissionMatrix.Allows(permission.Action, [role], byKey ? ApiScopes.All.ToList() : null);
                    var label = $"{method} {url} as {role} by {(byKey ? "API key" : "cookie")} ({permission.Action})";
                    var status = (int)response.StatusCode;
                    if (status >= 500) problems.Add($"{label}: {status}");
                    // A challenge sends people to "/masuk?kembali=…"; signing out's own answer is a plain "/masuk".
                    var refused = status is 401 or 403 || location.Contains("/masuk?") || location.Contains("akses-ditolak");
                    if (allowed && refused) problems.Add($"{label}: refused ({status} {location}) but the matrix allows it");
                    if (!allowed && !refused) problems.Add($"{label}: answered {status} but the matrix refuses it");
                    if (!allowed && channelFits && !(status == 403 || location.Contains("akses-ditolak")))
                        problems.Add($"{label}: a signed-in caller without the right should get 403 or the access-denied page, got {status} {location}");
                    if (role == Roles.CS)
                        foreach (var marker in DebitOrBalanceMarkers.Where(m => body.Contains(m, StringComparison.Ordinal)))
                            problems.Add($"{label}: the answer to CS contains \"{marker}\" (a debit or a balance)");
                }
            }
        }
        problems.ShouldBeEmpty();
        calls.ShouldBe(endpoints.Count * Roles.All.Length * 2);
        endpoints.Count.ShouldBeGreaterThan(35);
    }

    [Fact]
    public async Task The_summary_api_refuses_a_CS_key_and_the_sweep_follows_the_sweep_rule()
    {
        (await Key(Roles.CS).GetAsync($"/api/summaries/{_day}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Key(Roles.CS).PostAsync($"/api/sweeps/{_day}", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Key(Roles.Ops).PostAsync($"/api/sweeps/{_day}", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Key(Roles.Finance).PostAsync($"/api/sweeps/{_day}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var summary = await Key(Roles.Finance).GetStringAsync($"/api/summaries/{_day}");
        summary.ShouldContain("Pengeluaran penting");
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        (await db.AuditEvents.AnyAsync(a => a.Actor == "api:matrix-CS")).ShouldBeFalse();
        (await db.Notifications.CountAsync(n => n.Role == Roles.Finance)).ShouldBe(1);
    }

    [Fact]
    public async Task Public_endpoints_answer_without_signing_in()
    {
        var anonymous = _app.CreateBareClient();
        foreach (var path in new[] { "/masuk", "/health", "/akses-ditolak", "/tidak-ditemukan", "/v/not-a-token", "/budaya?c=en-US&kembali=/masuk" })
        {
            var response = await anonymous.GetAsync(path);
            ((int)response.StatusCode).ShouldBeLessThan(500, path);
            response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, path);
            (response.Headers.Location?.OriginalString ?? "").ShouldNotContain("/masuk?", Case.Sensitive, path);
        }
    }
}
