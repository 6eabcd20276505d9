using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Metrics;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

/// <summary>
/// The Moota webhook endpoint. It only verifies and stores: every request, good or forged, becomes one
/// <see cref="WebhookDelivery"/> row in the inbox file (<see cref="WebhookInbox"/>), committed before the answer, and the
/// inbox processor does the rest.
/// </summary>
public sealed class WebhookReceiver(
    WebhookInbox inbox,
    IOptionsMonitor<MootaDeskOptions> options,
    TimeProvider time,
    IStringLocalizer<IntegrationsText> text,
    MootaDeskMetrics metrics,
    ILogger<WebhookReceiver> logger)
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Headers kept with each delivery. Never a secret: the Signature is a digest of the body, not the key.</summary>
    public static readonly string[] KeptHeaders =
        ["Content-Type", "Content-Length", "User-Agent", "X-MOOTA-USER", "X-MOOTA-WEBHOOK", "Signature", "X-Forwarded-For"];

    /// <summary>
    /// Verifies and keeps one delivery. 200 <c>{"status":"accepted","deliveryId":N}</c> once it is committed; every refusal is a
    /// problem details document (docs/api.md) with the <c>deliveryId</c> it was kept as and the reason in the request's language.
    /// </summary>
    public async Task<IResult> ReceiveAsync(HttpContext http, int? integrationId)
    {
        var watch = Stopwatch.StartNew();
        var ct = http.RequestAborted;
        var remote = http.Connection.RemoteIpAddress;
        var delivery = new WebhookDelivery
        {
            IntegrationId = integrationId,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
            SourceIp = Normalize(remote)?.ToString(),
            HeadersJson = SelectedHeaders(http.Request.Headers),
            Signature = SignatureVerdict.NotChecked,
            Status = DeliveryStatus.Rejected,
        };

        var settings = options.CurrentValue.Moota;
        if (!IsAllowed(remote, settings.AllowedIps))
            return await FinishAsync(http, delivery, watch, StatusCodes.Status403Forbidden, SignatureVerdict.IpRefused,
                Refusal.Of("Webhook.IpRefused", delivery.SourceIp ?? "?"));

        var body = await ReadCappedAsync(http.Request, ct);
        if (body is null)
            return await FinishAsync(http, delivery, watch, StatusCodes.Status413PayloadTooLarge, SignatureVerdict.NotChecked,
                Refusal.Of("Webhook.TooLarge", MaxBodyBytes / 1024));
        delivery.Body = body;

        var secret = await inbox.SecretAsync(integrationId, settings, ct);
        if (secret.Refusal is { } noSecret)
            return await FinishAsync(http, delivery, watch, integrationId is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status404NotFound,
                SignatureVerdict.NotChecked, noSecret);

        // The signature is checked on the raw bytes before anything reads the JSON.
        var verdict = MootaSignature.Verify(body, http.Request.Headers["Signature"].ToString(), secret.Value!);
        if (verdict != SignatureVerdict.Valid)
            return await FinishAsync(http, delivery, watch, StatusCodes.Status401Unauthorized, verdict,
                Refusal.Of(verdict == SignatureVerdict.Missing ? "Webhook.SignatureMissing" : "Webhook.SignatureInvalid"));

        // A body that is not one JSON array (or has comments around its elements) is refused with 400, not accepted and failed
        // later: Moota then records the delivery as failed on its side too, and the merchant sees it there (decision 017).
        if (MootaWebhookPayload.CheckBody(body) is { } problem)
        {
            delivery.Status = DeliveryStatus.Malformed;
            delivery.ProblemsJson = DeliveryProblems.ForReason(problem).ToJson();
            return await FinishAsync(http, delivery, watch, StatusCodes.Status400BadRequest, verdict, new Refusal(problem.Key, [.. problem.Args]));
        }

        delivery.Status = DeliveryStatus.Pending;
        return await FinishAsync(http, delivery, watch, StatusCodes.Status200OK, verdict, null);
    }

    private async Task<IResult> FinishAsync(HttpContext http, WebhookDelivery delivery, Stopwatch watch, int status, SignatureVerdict verdict, Refusal? refusal)
    {
        delivery.Signature = verdict;
        // Kept as a key with its arguments: the delivery page says it in the reader's language.
        delivery.Error = refusal?.ToStored();
        // Measured up to the commit; the commit itself is the rest of the answer time (see docs/performance.md).
        delivery.AnswerMs = watch.Elapsed.TotalMilliseconds;
        // Not cancellable: once read, a delivery is kept even if Moota hangs up while we write it.
        await inbox.KeepAsync(delivery);
        metrics.WebhookAnswered(watch.Elapsed, status);
        if (refusal is not null)
        {
            metrics.Failed("webhook", refusal.Code);
            logger.LogWarning("Webhook delivery {DeliveryId} from {Ip} refused with {Status}: {Reason} {Args}", delivery.Id, delivery.SourceIp, status,
                refusal.Key, refusal.Args);
            return ApiProblem.Refused(http, status, refusal, text, new Dictionary<string, object?> { ["deliveryId"] = delivery.Id });
        }
        return Results.Json(new { status = "accepted", deliveryId = delivery.Id });
    }

    /// <summary>The whole body, or null when it is over the limit (then reading stops early).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var ms = request.ContentLength is long len ? new MemoryStream((int)len) : new MemoryStream();
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (ms.Length + read > MaxBodyBytes) return null;
                ms.Write(buffer, 0, read);
            }
            return ms.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string SelectedHeaders(IHeaderDictionary headers)
    {
        var kept = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in KeptHeaders)
            if (headers.TryGetValue(name, out var value) && value.Count > 0)
                kept[name] = Truncate(value.ToString(), 300);
        return JsonSerializer.Serialize(kept);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    private static IPAddress? Normalize(IPAddress? ip) => ip is { IsIPv4MappedToIPv6: true } ? ip.MapToIPv4() : ip;

    /// <summary>Empty list = everyone (the default); otherwise the address must fall in one of the CIDR ranges.</summary>
    public static bool IsAllowed(IPAddress? remote, IReadOnlyCollection<string> allowed)
    {
        if (allowed.Count == 0) return true;
        var ip = Normalize(remote);
        if (ip is null) return false;
        foreach (var entry in allowed)
        {
            var text = entry.Trim();
            if (text.Length == 0) continue;
            if (!text.Contains('/')) text += ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "/32" : "/128";
            if (IPNetwork.TryParse(text, out var network) && network.Contains(ip)) return true;
        }
        return false;
    }
}
