using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform;

/// <summary>Every error an API endpoint answers is an RFC 9457 problem details document, in the request's language.</summary>
public class ApiProblemTests
{
    private const string OwnerKey = "owner-key-0123456789";
    private const string NoScopeKey = "noscope-key-0123456789";

    private static MootaDeskFactory Factory() => new MootaDeskFactory()
        .WithApiKey(0, "owner", OwnerKey, "read,summary,proof,integrations,orders,import", "Owner")
        .WithApiKey(1, "noscope", NoScopeKey, "orders", "Finance");

    private static HttpRequestMessage Request(HttpMethod method, string url, string? key = null, byte[]? body = null, string? signature = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        if (signature is not null) request.Headers.TryAddWithoutValidation("Signature", signature);
        return request;
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>(what, request, status, code or null when the status alone is the answer).</summary>
    private static IEnumerable<(string What, Func<HttpRequestMessage> Request, HttpStatusCode Status, string? Code)> ErrorAnswers()
    {
        var notArray = Utf8("""{"mutation_id":"x"}""");
        // Webhook
        yield return ("webhook without signature", () => Request(HttpMethod.Post, "/api/webhooks/moota", body: Utf8("[]")), HttpStatusCode.Unauthorized, "signature-missing");
        yield return ("webhook with a wrong signature", () => Request(HttpMethod.Post, "/api/webhooks/moota", body: Utf8("[]"), signature: new string('a', 64)),
            HttpStatusCode.Unauthorized, "signature-invalid");
        yield return ("webhook body not an array", () => Request(HttpMethod.Post, "/api/webhooks/moota", body: notArray, signature: MootaSignature.Compute(notArray, MootaDeskFactory.WebhookSecret)),
            HttpStatusCode.BadRequest, "body-not-array");
        yield return ("webhook too big", () => Request(HttpMethod.Post, "/api/webhooks/moota", body: new byte[1024 * 1024 + 1]), HttpStatusCode.RequestEntityTooLarge, "too-large");
        yield return ("webhook for an unknown integration", () => Request(HttpMethod.Post, "/api/webhooks/moota/999", body: Utf8("[]")), HttpStatusCode.NotFound, "unknown-integration");
        // Read API
        yield return ("read without key", () => Request(HttpMethod.Get, "/api/mutations"), HttpStatusCode.Unauthorized, null);
        yield return ("read without the scope", () => Request(HttpMethod.Get, "/api/mutations", NoScopeKey), HttpStatusCode.Forbidden, null);
        yield return ("read with a bad date", () => Request(HttpMethod.Get, "/api/mutations?from=kemarin", OwnerKey), HttpStatusCode.BadRequest, "bad-date");
        yield return ("read with an unknown status", () => Request(HttpMethod.Get, "/api/mutations?status=paid", OwnerKey), HttpStatusCode.BadRequest, "bad-status");
        yield return ("read with an unknown tag", () => Request(HttpMethod.Get, "/api/mutations?tag=Tidak%20Ada", OwnerKey), HttpStatusCode.BadRequest, "unknown-tag");
        // Sweep and summary
        yield return ("sweep with a bad day", () => Request(HttpMethod.Post, "/api/sweeps/21-11-2026", OwnerKey), HttpStatusCode.BadRequest, "bad-day");
        yield return ("sweep for a future day", () => Request(HttpMethod.Post, "/api/sweeps/2099-01-01", OwnerKey), HttpStatusCode.BadRequest, "future");
        yield return ("summary never prepared", () => Request(HttpMethod.Get, "/api/summaries/2026-11-20", OwnerKey), HttpStatusCode.NotFound, "no-sweep");
        // Proof, sync, orders, statements
        yield return ("proof for no mutation", () => Request(HttpMethod.Post, "/api/mutations/999999/proof", OwnerKey), HttpStatusCode.NotFound, "no-mutation");
        yield return ("sync with no token anywhere", () => Request(HttpMethod.Post, "/api/moota/sync", OwnerKey), HttpStatusCode.NotFound, null);
        yield return ("order body not JSON", () => Request(HttpMethod.Post, "/api/orders", OwnerKey, Utf8("{")), HttpStatusCode.BadRequest, null);
        yield return ("order unknown", () => Request(HttpMethod.Get, "/api/orders/NOPE", OwnerKey), HttpStatusCode.NotFound, null);
        yield return ("statement without account", () => Request(HttpMethod.Post, "/api/statements", OwnerKey), HttpStatusCode.BadRequest, "missing-account");
        // No such endpoint, and a method the endpoint does not take
        yield return ("unknown API path", () => Request(HttpMethod.Get, "/api/tidak-ada", OwnerKey), HttpStatusCode.NotFound, null);
        yield return ("wrong method", () => Request(HttpMethod.Delete, "/api/mutations", OwnerKey), HttpStatusCode.MethodNotAllowed, null);
    }

    [Fact]
    public async Task Every_API_error_answer_is_problem_details_with_its_status_and_code()
    {
        await using var factory = Factory();
        var client = factory.CreateBareClient();
        var wrong = new List<string>();
        foreach (var (what, make, status, code) in ErrorAnswers())
        {
            var response = await client.SendAsync(make());
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != status) { wrong.Add($"{what}: {(int)response.StatusCode} instead of {(int)status}: {text}"); continue; }
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") { wrong.Add($"{what}: {response.Content.Headers.ContentType} {text}"); continue; }
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (!root.TryGetProperty("status", out var s) || s.GetInt32() != (int)status) wrong.Add($"{what}: status member missing or wrong: {text}");
            if (!root.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString())) wrong.Add($"{what}: no title: {text}");
            if (code is not null)
            {
                if (!root.TryGetProperty("code", out var c) || c.GetString() != code) wrong.Add($"{what}: code is not {code}: {text}");
                if (!root.TryGetProperty("type", out var type) || type.GetString() != "urn:mootadesk:problem:" + code) wrong.Add($"{what}: type: {text}");
                if (!root.TryGetProperty("detail", out var detail) || string.IsNullOrWhiteSpace(detail.GetString())) wrong.Add($"{what}: no detail: {text}");
            }
        }
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_webhook_says_why_in_Indonesian_with_the_delivery_it_was_kept_as()
    {
        await using var factory = Factory();
        var response = await factory.CreateBareClient().SendAsync(Request(HttpMethod.Post, "/api/webhooks/moota", body: Utf8("[]")));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("detail").GetString().ShouldBe("Kiriman tanpa header Signature, jadi ditolak.");
        doc.RootElement.GetProperty("title").GetString().ShouldBe("Perlu autentikasi");
        doc.RootElement.GetProperty("deliveryId").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_program_asking_for_English_gets_the_detail_in_English_and_the_field_in_errors()
    {
        await using var factory = Factory();
        var request = Request(HttpMethod.Get, "/api/mutations?pageSize=100000", OwnerKey);
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var response = await factory.CreateBareClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("detail").GetString().ShouldBe("pageSize must be a whole number from 1 to 500.");
        doc.RootElement.GetProperty("title").GetString().ShouldBe("Bad request");
        doc.RootElement.GetProperty("errors").GetProperty("pageSize")[0].GetString().ShouldBe("pageSize must be a whole number from 1 to 500.");
    }

    [Fact]
    public async Task Pages_keep_Indonesian_whatever_the_browser_asks()
    {
        await using var factory = Factory();
        await factory.CreateUserAsync("owner", "kopi-susu-gula-aren", "Owner");
        var request = new HttpRequestMessage(HttpMethod.Get, "/masuk");
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var html = await (await factory.CreateBareClient().SendAsync(request)).Content.ReadAsStringAsync();
        html.ShouldContain("lang=\"id");
    }
}
