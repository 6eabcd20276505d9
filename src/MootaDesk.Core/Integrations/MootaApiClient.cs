using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Polly;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Platform.Configuration;

namespace MootaDesk.Core.Integrations;

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

    /// <summary>Retries after the first attempt (at least 1), on 408, 429, 5xx, a dropped connection or an attempt timeout.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff; it doubles with jitter. A Retry-After from Moota of up to two minutes wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One call with all its retries; never shorter than two attempts.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);
    public int PerPage { get; set; } = 100;

    /// <summary>A guard against a server that always says there is a next page.</summary>
    public int MaxPages { get; set; } = 2000;
}

/// <summary>
/// Typed client for Moota's API v2: Bearer token per call (each integration has its own), Laravel-style
/// pages followed until next_page_url is null. Retries, timeouts and the circuit breaker live in the
/// HttpClient's standard resilience handler (<see cref="MootaApiClientRegistration"/>); 401 and 422 are not
/// retried: they need a person.
/// </summary>
public sealed class MootaApiClient(HttpClient http, IOptions<MootaPullOptions> options, ILogger<MootaApiClient> logger) : IMootaApiClient
{
    private readonly HttpClient _http = http;
    private readonly MootaPullOptions _options = options.Value;
    private readonly ILogger<MootaApiClient> _logger = logger;

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
            using var request = new HttpRequestMessage(HttpMethod.Get, relative);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
        {
            // After the retries, or at once while the breaker is open after a run of failures.
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

/// <summary>
/// Registers <see cref="IMootaApiClient"/> as a typed HttpClient with Microsoft's standard resilience handler:
/// retry with exponential backoff and jitter (honouring Moota's Retry-After up to two minutes), a timeout per
/// attempt and per call, and a circuit breaker that stops calling a Moota that keeps failing for a while.
/// Times come from the app's <see cref="TimeProvider"/>.
/// </summary>
public static class MootaApiClientRegistration
{
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(2);

    public static IHttpClientBuilder AddMootaApiClient(this IServiceCollection services)
    {
        var client = services.AddHttpClient<IMootaApiClient, MootaApiClient>((sp, http) =>
        {
            var baseUrl = sp.GetRequiredService<IOptions<MootaDeskOptions>>().Value.Moota.ApiBaseUrl;
            // Relative paths ("bank", "mutation") resolve under the base only when it ends with a slash.
            http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            // The resilience handler owns every timeout.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddStandardResilienceHandler().Configure((o, sp) =>
        {
            var pull = sp.GetRequiredService<IOptions<MootaPullOptions>>().Value;
            var logger = sp.GetRequiredService<ILogger<MootaApiClient>>();
            var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;

            o.Retry.MaxRetryAttempts = Math.Max(1, pull.MaxRetries);
            o.Retry.Delay = pull.RetryDelay;
            o.Retry.BackoffType = DelayBackoffType.Exponential;
            o.Retry.UseJitter = true;
            o.Retry.DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time));
            o.Retry.OnRetry = args =>
            {
                logger.LogWarning("Moota API attempt {Attempt} failed ({Outcome}); retrying in {Delay}", args.AttemptNumber + 1,
                    args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name, args.RetryDelay);
                return ValueTask.CompletedTask;
            };
            o.AttemptTimeout.Timeout = pull.AttemptTimeout;
            o.TotalRequestTimeout.Timeout = pull.TotalTimeout > 2 * pull.AttemptTimeout ? pull.TotalTimeout : 2 * pull.AttemptTimeout;
            // Moota is called a few times a minute, not hundreds: judge it on ten attempts within a minute or two.
            o.CircuitBreaker.MinimumThroughput = 10;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks, 2 * pull.AttemptTimeout.Ticks));
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });
        return client;
    }

    /// <summary>Moota's Retry-After (seconds or a date) when it asks for two minutes or less; otherwise null, the backoff decides.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } at ? at - time.GetUtcNow() : null);
        return wait is { } d && d >= TimeSpan.Zero && d <= LongestRetryAfter ? d : null;
    }
}
