using System.Net;
using System.Net.Http.Headers;
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
