using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using MootaDesk.Core.Ingest.Moota;

namespace MootaDesk.Web.Features.MootaPull;

/// <summary>A Moota account as GET /bank describes it.</summary>
public sealed record MootaBank(string BankId, string BankType, string AccountNumber, string? Label, string? HolderName, decimal? Balance, bool IsActive, string? LastUpdate);

/// <summary>
/// One item of GET /mutation, kept as JSON (a clone that outlives its page) with its place in the answer, so that the sync
/// reads it with the same rules as a webhook element (<see cref="MootaMutationReader"/>): strict values, Jakarta time,
/// only the allow-listed fields stored.
/// </summary>
public sealed record MootaMutation(string? MutationId, int Position, JsonElement Item);

public enum MootaApiFailure { Unauthorized, Invalid, NotFound, Unavailable, Unreachable, BadResponse }

/// <summary>A call that failed for good (after retries where retrying makes sense). The message never carries the token.</summary>
public sealed class MootaApiException(MootaApiFailure failure, int? status, string detail) : Exception(detail)
{
    public MootaApiFailure Failure { get; } = failure;
    public int? Status { get; } = status;
}

/// <summary>The test seam for Moota's REST API v2.</summary>
public interface IMootaApiClient
{
    Task<IReadOnlyList<MootaBank>> GetBanksAsync(string token, CancellationToken ct = default);

    /// <summary>Mutations of one account between two local dates (inclusive), through every page.</summary>
    Task<IReadOnlyList<MootaMutation>> GetMutationsAsync(string token, string bankId, DateOnly from, DateOnly to, CancellationToken ct = default);
}

public sealed class MootaPullOptions
{
    public const string Section = "MootaDesk:Moota:Pull";

    /// <summary>Runs the periodic sync in the background (tests switch it off).</summary>
    public bool Enabled { get; set; } = true;

    public int MaxRetries { get; set; } = 4;
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public int PerPage { get; set; } = 100;

    /// <summary>A guard against a server that always says there is a next page.</summary>
    public int MaxPages { get; set; } = 2000;
}

/// <summary>
/// Typed client for Moota's API v2: Bearer token per call (each integration has its own), Laravel-style
/// pages followed until next_page_url is null, and backoff on 429, 5xx and timeouts. 401 and 422 are not
/// retried: they need a person.
/// </summary>
public sealed class MootaApiClient : IMootaApiClient
{
    private readonly HttpClient _http;
    private readonly MootaPullOptions _options;
    private readonly ILogger<MootaApiClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public MootaApiClient(HttpClient http, IOptions<MootaPullOptions> options, ILogger<MootaApiClient> logger)
    {
        _http = http;
        _options = options.Value;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                DelayGenerator = args =>
                {
                    // Moota may say how long to wait; honour it within reason.
                    var retryAfter = args.Outcome.Result?.Headers.RetryAfter?.Delta;
                    return ValueTask.FromResult(retryAfter is { } d && d <= TimeSpan.FromMinutes(2) && _options.RetryDelay > TimeSpan.Zero ? d : (TimeSpan?)null);
                },
                OnRetry = args =>
                {
                    _logger.LogWarning("Moota API attempt {Attempt} failed ({Outcome}); retrying in {Delay}",
                        args.AttemptNumber + 1, args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
    }

    public async Task<IReadOnlyList<MootaBank>> GetBanksAsync(string token, CancellationToken ct = default)
    {
        var banks = new List<MootaBank>();
        await foreach (var item in PagesAsync(token, "bank", ct))
        {
            var bankId = Str(item, "bank_id");
            if (string.IsNullOrEmpty(bankId)) continue;
            banks.Add(new MootaBank(bankId, Str(item, "bank_type") ?? "unknown", Str(item, "account_number") ?? "", Str(item, "label"), Str(item, "atas_nama"),
                Dec(item, "balance"), Bool(item, "is_active") ?? true, Str(item, "last_update")));
        }
        return banks;
    }

    public async Task<IReadOnlyList<MootaMutation>> GetMutationsAsync(string token, string bankId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var query = $"mutation?bank={Uri.EscapeDataString(bankId)}&start_date={from:yyyy-MM-dd}&end_date={to:yyyy-MM-dd}&per_page={_options.PerPage}";
        var list = new List<MootaMutation>();
        // An item that cannot be read is the sync's to report; it never stops the other items or the other pages.
        await foreach (var item in PagesAsync(token, query, ct))
            list.Add(new MootaMutation(MootaMutationReader.Text(item, "mutation_id") ?? MootaMutationReader.Text(item, "token"), list.Count + 1, item));
        return list;
    }

    private async IAsyncEnumerable<JsonElement> PagesAsync(string token, string pathAndQuery, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var separator = pathAndQuery.Contains('?') ? '&' : '?';
        for (var page = 1; page <= _options.MaxPages; page++)
        {
            using var doc = await GetJsonAsync(token, $"{pathAndQuery}{separator}page={page}", ct);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                throw new MootaApiException(MootaApiFailure.BadResponse, 200, "The answer is not a page of data.");
            foreach (var item in data.EnumerateArray())
                if (item.ValueKind == JsonValueKind.Object) yield return item.Clone();
            var hasNext = root.TryGetProperty("next_page_url", out var next) && next.ValueKind == JsonValueKind.String && next.GetString()!.Length > 0;
            if (!hasNext || data.GetArrayLength() == 0) yield break;
        }
    }

    private async Task<JsonDocument> GetJsonAsync(string token, string relative, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token2 =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, relative);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token2);
            }, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new MootaApiException(MootaApiFailure.Unreachable, null, ex.GetType().Name);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var path = relative.Split('?')[0];
            _logger.LogInformation("Moota API GET {Path} answered {Status}", path, status);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                try { return JsonDocument.Parse(body); }
                catch (JsonException) { throw new MootaApiException(MootaApiFailure.BadResponse, status, "The answer is not JSON."); }
            }
            throw status switch
            {
                401 or 403 => new MootaApiException(MootaApiFailure.Unauthorized, status, "Unauthenticated."),
                422 => new MootaApiException(MootaApiFailure.Invalid, status, MessageOf(body)),
                404 => new MootaApiException(MootaApiFailure.NotFound, status, MessageOf(body)),
                _ => new MootaApiException(MootaApiFailure.Unavailable, status, $"HTTP {status}"),
            };
        }
    }

    private static string MessageOf(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                var text = m.GetString()!;
                if (doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                    text += " " + string.Join("; ", errors.EnumerateObject().Select(e => e.Name + ": " + string.Join(", ", e.Value.ValueKind == JsonValueKind.Array ? e.Value.EnumerateArray().Select(x => x.ToString()) : [e.Value.ToString()])));
                return text.Length > 300 ? text[..300] : text;
            }
        }
        catch (JsonException) { }
        return "";
    }

    // Text with broken escapes or bytes repaired (U+FFFD), the same as for webhook elements.
    internal static string? Str(JsonElement e, string name) => MootaMutationReader.Text(e, name);

    /// <summary>Amounts come as numbers in webhooks and as strings ("100123.00") in REST; both are read exactly.</summary>
    internal static decimal? Dec(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)) return d;
        if (v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s)) return s;
        return null;
    }

    private static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => v.GetRawText() != "0",
            JsonValueKind.String => v.GetString() is "1" or "true",
            _ => null,
        } : null;
}
