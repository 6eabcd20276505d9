using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Web.Proof;

namespace MootaDesk.Web.Tests.Integrations.Moota;

/// <summary>
/// Moota's API v2 in memory: GET /bank and GET /mutation with Laravel-style pages, a Bearer token check,
/// and scripted failures ("answer 429 twice, then work"). Records every request so tests can see paging.
/// </summary>
public sealed class FakeMootaServer : HttpMessageHandler
{
    public const string BaseUrl = "https://moota.test/api/v2/";

    public string Token { get; set; } = "moota-token-0123456789abcdef";
    public int PerPage { get; set; } = 2;
    public List<Dictionary<string, object?>> Banks { get; } = [];
    public List<Dictionary<string, object?>> Mutations { get; } = [];
    public List<string> Requests { get; } = [];
    public List<string?> AuthorizationHeaders { get; } = [];

    /// <summary>Status codes to answer, in order, before answering normally.</summary>
    public Queue<HttpStatusCode> Failures { get; } = new();

    /// <summary>Sent with each scripted failure, as Moota's rate limiter does.</summary>
    public TimeSpan? RetryAfter { get; set; }

    public HttpStatusCode? AlwaysAnswer { get; set; }

    /// <summary>When set, every answer waits this long first (a server that hangs).</summary>
    public TimeSpan? Delay { get; set; }

    public HttpClient CreateClient() => new(this) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>The app's registration of the Moota client (resilience handler and all), talking to this fake.</summary>
    public IMootaApiClient CreateApiClient(MootaPullOptions options, ILogger<MootaApiClient>? log = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (log is not null) services.AddSingleton(log);
        if (time is not null) services.AddSingleton(time);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(Options.Create(new MootaDeskOptions { Moota = { BaseUrl = BaseUrl } }));
        // The fake stays alive for the test: the factory must not dispose it when it recycles handlers.
        services.AddMootaApiClient().ConfigurePrimaryHttpMessageHandler(() => new NonDisposingHandler(this));
        return services.BuildServiceProvider().GetRequiredService<IMootaApiClient>();
    }

    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing) { }
    }

    public void AddBank(string bankId, string bankType, string number, string label, string holder, string balance = "0.00") =>
        Banks.Add(new()
        {
            ["bank_id"] = bankId, ["bank_type"] = bankType, ["account_number"] = number, ["label"] = label, ["atas_nama"] = holder,
            ["balance"] = balance, ["is_active"] = true, ["last_update"] = "2026-11-21 16:00:00", ["meta"] = null,
        });

    public void AddMutation(string id, string bankId, string date, string amount, string type, string description, string balance = "0.00") =>
        Mutations.Add(new()
        {
            ["mutation_id"] = id, ["token"] = id, ["bank_id"] = bankId, ["date"] = date, ["description"] = description, ["amount"] = amount,
            ["type"] = type, ["balance"] = balance, ["note"] = "", ["taggings"] = Array.Empty<object>(), ["created_at"] = date, ["updated_at"] = date,
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request.RequestUri!.PathAndQuery);
            AuthorizationHeaders.Add(request.Headers.Authorization?.ToString());
        }
        if (Delay is { } delay) await Task.Delay(delay, cancellationToken);
        return Handle(request);
    }

    private HttpResponseMessage Handle(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        if (AlwaysAnswer is { } always) return Answer(always, always == HttpStatusCode.Unauthorized ? new { error = "Unauthenticated." } : new { message = "Server Error" });
        if (Failures.TryDequeue(out var failure))
        {
            var refusal = Answer(failure, new { message = "Too Many Attempts." });
            if (RetryAfter is { } wait) refusal.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
            return refusal;
        }
        if (request.Headers.Authorization?.Scheme != "Bearer" || request.Headers.Authorization.Parameter != Token)
            return Answer(HttpStatusCode.Unauthorized, new { error = "Unauthenticated." });

        var query = HttpUtility.ParseQueryString(uri.Query);
        var page = int.TryParse(query["page"], out var p) ? p : 1;
        var path = uri.AbsolutePath;
        if (path.EndsWith("/bank")) return Page(Banks, page, path);
        if (path.EndsWith("/mutation"))
        {
            if (!DateOnly.TryParseExact(query["start_date"], "yyyy-MM-dd", out var from) || !DateOnly.TryParseExact(query["end_date"], "yyyy-MM-dd", out var to))
                return Answer(HttpStatusCode.UnprocessableEntity, new { message = "The given data was invalid.", errors = new { start_date = new[] { "The start date is not a valid date." } } });
            var bank = query["bank"];
            var rows = Mutations.Where(m => (string?)m["bank_id"] == bank)
                .Where(m => DateOnly.FromDateTime(DateTime.Parse((string)m["date"]!)) is var d && d >= from && d <= to).ToList();
            return Page(rows, page, path);
        }
        return Answer(HttpStatusCode.NotFound, new { message = "Not Found" });
    }

    private HttpResponseMessage Page(List<Dictionary<string, object?>> rows, int page, string path)
    {
        var last = Math.Max(1, (int)Math.Ceiling(rows.Count / (double)PerPage));
        var data = rows.Skip((page - 1) * PerPage).Take(PerPage).ToList();
        return Answer(HttpStatusCode.OK, new
        {
            current_page = page,
            data,
            first_page_url = $"{BaseUrl.TrimEnd('/')}{path}?page=1",
            from = data.Count == 0 ? (int?)null : (page - 1) * PerPage + 1,
            last_page = last,
            next_page_url = page < last ? $"{BaseUrl.TrimEnd('/')}{path}?page={page + 1}" : null,
            per_page = PerPage,
            prev_page_url = page > 1 ? $"{BaseUrl.TrimEnd('/')}{path}?page={page - 1}" : null,
            to = data.Count == 0 ? (int?)null : (page - 1) * PerPage + data.Count,
            total = rows.Count,
        });
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
}
