using System.Net;
using System.Text.Json;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform;

public class ApiDocumentationTests : IDisposable
{
    private readonly MootaDeskFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_OpenAPI_document_is_public_and_lists_the_integration_endpoints_only()
    {
        var response = await _app.CreateBareClient().GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync();
        if (Environment.GetEnvironmentVariable("OPENAPI_SAMPLE") is { Length: > 0 } file) await File.WriteAllTextAsync(file, json);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        root.GetProperty("openapi").GetString().ShouldStartWith("3.");
        root.GetProperty("info").GetProperty("title").GetString().ShouldBe("MootaDesk API");

        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/mutations");
        paths.ShouldContain("/api/orders");
        paths.ShouldContain("/api/orders/{reference}");
        paths.ShouldContain("/api/webhooks/moota");
        paths.ShouldContain("/api/summaries/{day}");
        paths.ShouldContain("/api/mutations/{id}/proof");
        paths.ShouldAllBe(p => p.StartsWith("/api/"));
        paths.ShouldNotContain(ApiDocumentationPath.Reference);
        // Grouped by area, not by the C# class an endpoint happens to be declared in.
        if (root.TryGetProperty("tags", out var tags))
            tags.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldBeSubsetOf(["mutations", "webhooks", "sweeps", "summaries", "orders", "moota", "statements", "notifications", "reports"]);

        // A key is how a caller gets in: the scheme is declared and each keyed endpoint names its scope.
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("in").GetString().ShouldBe("header");
        scheme.GetProperty("name").GetString().ShouldBe("X-Api-Key");
        var read = root.GetProperty("paths").GetProperty("/api/mutations").GetProperty("get");
        read.GetProperty("security")[0].GetProperty("ApiKey")[0].GetString().ShouldBe("read");
    }

    [Fact]
    public async Task The_reference_page_for_integrators_is_public_and_reads_the_document()
    {
        var response = await _app.CreateClient().GetAsync(ApiDocumentationPath.Reference);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("MootaDesk API");
        // Its script is served by the app itself: integrators' browsers need no outside CDN.
        html.ShouldNotContain("cdn.jsdelivr.net");

        // Its start-up script is inline: the page's CSP allows exactly that script by its hash, no other inline script.
        var inline = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"module\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        inline.Success.ShouldBeTrue();
        var hash = "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(inline.Groups[1].Value))) + "'";
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self' " + hash + ";");
        csp.Split(';').Single(d => d.Trim().StartsWith("script-src")).ShouldNotContain("unsafe");
        var signIn = await _app.CreateClient().GetAsync("/masuk");
        signIn.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
    }

    private static class ApiDocumentationPath
    {
        public const string Reference = ApiDocumentation.ReferencePath;
    }
}
