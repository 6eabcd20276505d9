using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Integrations.Webhook.WebhookTestKit;

namespace MootaDesk.Web.Tests.Platform;

public class MetricsEndpointTests
{
    private const string Password = "kopi-susu-gula-aren";
    private const string ScrapeToken = "scrape-token-4f9c2a7e51b8d3f0";

    private static MootaDeskFactory Factory()
    {
        var factory = new MootaDeskFactory();
        factory.Settings["MootaDesk:Metrics:ScrapeToken"] = ScrapeToken;
        return factory;
    }

    private static HttpRequestMessage Scrape(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Fact]
    public async Task Metrics_refuse_anonymous_callers_and_wrong_tokens_with_401_and_CS_with_403()
    {
        await using var factory = Factory();
        await factory.CreateUserAsync("cs", Password, Roles.CS);
        var anonymous = await factory.CreateBareClient().SendAsync(Scrape(null));
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await factory.CreateBareClient().SendAsync(Scrape("not-the-token"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var cs = await factory.SignInAsync("cs", Password);
        var refused = await cs.SendAsync(Scrape(null));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task The_scraper_token_reads_mootadesk_metrics_after_a_webhook_delivery()
    {
        await using var factory = Factory();
        var client = factory.CreateBareClient();
        (await client.SendAsync(FixtureRequest("01-single-credit"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);
        var refusedWebhook = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/moota") { Content = new StringContent("[]") };
        (await client.SendAsync(refusedWebhook)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var response = await client.SendAsync(Scrape(ScrapeToken));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("mootadesk_webhook_answer_duration_seconds_count{");
        text.ShouldContain("mootadesk_webhook_deliveries_processed_total{");
        text.ShouldContain("mootadesk_mutations_ingested_total{");
        text.ShouldContain("reason=\"signature-missing\"");
        text.ShouldContain("mootadesk_inbox_lag_seconds");
    }

    [Fact]
    public async Task Mutasi_page_and_count_reads_are_timed_in_the_metrics_by_query()
    {
        await using var factory = Factory();
        var client = factory.CreateBareClient();
        // OpenTelemetry listens to every meter named "MootaDesk" in the process, so tests running beside this one may add
        // readings too: the counts are compared before and after, and can only have grown by at least these reads.
        var before = await (await client.SendAsync(Scrape(ScrapeToken))).Content.ReadAsStringAsync();

        var queries = factory.Services.GetRequiredService<MutationQueries>();
        var finance = Viewer.ForRoles("finance", Roles.Finance);
        await queries.PageAsync(MutationFilter.Empty, finance, 0, 50);
        await queries.PageAsync(MutationFilter.Empty, finance, 50, 50);
        await queries.CountAsync(MutationFilter.Empty, finance);

        // The exporter serves a cached scrape for 300 ms: read again until this test's readings are in (at most 5 s).
        var after = before;
        for (var attempt = 0; attempt < 25 && SearchCount(after, "page") - SearchCount(before, "page") < 2; attempt++)
        {
            await Task.Delay(200);
            after = await (await client.SendAsync(Scrape(ScrapeToken))).Content.ReadAsStringAsync();
        }
        (SearchCount(after, "page") - SearchCount(before, "page")).ShouldBeGreaterThanOrEqualTo(2, after);
        (SearchCount(after, "count") - SearchCount(before, "count")).ShouldBeGreaterThanOrEqualTo(1, after);
        // The 300 ms bucket bound exists, so the "p95 per filter ≤ 300 ms" reads straight off the histogram.
        Regex.IsMatch(after, """(?m)^mootadesk_mutations_search_duration_seconds_bucket\{[^}]*query="page"[^}]*le="0.3"\}""").ShouldBeTrue();
    }

    /// <summary>The histogram's observation count for one query kind (labels matched by name, in whatever order the exporter writes them).</summary>
    private static long SearchCount(string metrics, string query) =>
        Regex.Match(metrics, $$"""(?m)^mootadesk_mutations_search_duration_seconds_count\{[^}]*query="{{query}}"[^}]*\} (\d+)""") is { Success: true } m
            ? long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [Fact]
    public async Task Owner_and_Ops_read_the_metrics_signed_in()
    {
        await using var factory = Factory();
        await factory.CreateUserAsync("ops", Password, Roles.Ops);
        var ops = await factory.SignInAsync("ops", Password);
        var response = await ops.SendAsync(Scrape(null));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("mootadesk_inbox_lag_seconds");
    }
}
