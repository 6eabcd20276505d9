using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Web.Features.Ingest.Webhooks;

/// <summary>
/// The Moota webhook endpoint. It only verifies and stores: every request, good or forged, becomes one
/// <see cref="WebhookDelivery"/> row in the inbox file, committed before the answer, and the inbox processor does the rest.
/// </summary>
public sealed class WebhookReceiver(
    IDbContextFactory<MootaDeskDbContext> factory,
    IDbContextFactory<InboxDbContext> inboxFactory,
    IOptionsMonitor<MootaDeskOptions> options,
    WebhookInboxSignal signal,
    InboxWriteGate gate,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Headers kept with each delivery. Never a secret: the Signature is a digest of the body, not the key.</summary>
    public static readonly string[] KeptHeaders =
        ["Content-Type", "Content-Length", "User-Agent", "X-MOOTA-USER", "X-MOOTA-WEBHOOK", "Signature", "X-Forwarded-For"];

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
            return await FinishAsync(delivery, watch, StatusCodes.Status403Forbidden, SignatureVerdict.IpRefused,
                $"Source address {delivery.SourceIp ?? "(unknown)"} is not in MootaDesk:Moota:AllowedIps.", ct);

        var body = await ReadCappedAsync(http.Request, ct);
        if (body is null)
            return await FinishAsync(delivery, watch, StatusCodes.Status413PayloadTooLarge, SignatureVerdict.NotChecked,
                $"Body larger than {MaxBodyBytes / 1024} KiB; not stored.", ct);
        delivery.Body = body;

        string? secret;
        string? secretProblem = null;
        if (integrationId is int id)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var integration = await db.Integrations.AsNoTracking().Where(i => i.Id == id)
                .Select(i => new { i.IsActive, i.WebhookSecret }).FirstOrDefaultAsync(ct);
            secret = integration is { IsActive: true } ? integration.WebhookSecret : null;
            if (integration is null) secretProblem = $"Integration {id} does not exist.";
            else if (!integration.IsActive) secretProblem = $"Integration {id} is deactivated.";
            else if (string.IsNullOrEmpty(secret)) secretProblem = $"Integration {id} has no webhook secret.";
        }
        else
        {
            secret = settings.WebhookSecret;
            if (string.IsNullOrEmpty(secret)) secretProblem = "No secret configured for the default integration (MootaDesk:Moota:WebhookSecret).";
        }
        if (secretProblem is not null)
            return await FinishAsync(delivery, watch, integrationId is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status404NotFound,
                SignatureVerdict.NotChecked, secretProblem, ct);

        // The signature is checked on the raw bytes before anything reads the JSON.
        var verdict = MootaSignature.Verify(body, http.Request.Headers["Signature"].ToString(), secret!);
        if (verdict != SignatureVerdict.Valid)
            return await FinishAsync(delivery, watch, StatusCodes.Status401Unauthorized, verdict,
                verdict == SignatureVerdict.Missing ? "No Signature header." : "Signature does not match the body.", ct);

        // A body that is not one JSON array (or has comments around its elements) is refused with 400, not accepted and failed
        // later: Moota then records the delivery as failed on its side too, and the merchant sees it there (decision 017).
        if (MootaWebhookPayload.CheckBody(body) is { } problem)
        {
            delivery.Status = DeliveryStatus.Malformed;
            delivery.ProblemsJson = DeliveryProblems.ForReason(problem).ToJson();
            return await FinishAsync(delivery, watch, StatusCodes.Status400BadRequest, verdict, Explain(problem), ct);
        }

        delivery.Status = DeliveryStatus.Pending;
        var result = await FinishAsync(delivery, watch, StatusCodes.Status200OK, verdict, null, ct);
        signal.Notify();
        return result;
    }

    private async Task<IResult> FinishAsync(WebhookDelivery delivery, Stopwatch watch, int status, SignatureVerdict verdict, string? error, CancellationToken ct)
    {
        delivery.Signature = verdict;
        delivery.Error = error;
        // Measured up to the commit; the commit itself is the rest of the answer time (see docs/performance.md).
        delivery.AnswerMs = watch.Elapsed.TotalMilliseconds;
        // Not cancellable: once read, a delivery is kept even if Moota hangs up while we write it.
        delivery.Id = await InsertAsync(delivery);
        if (status != StatusCodes.Status200OK)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} from {Ip} refused with {Status}: {Reason}", delivery.Id, delivery.SourceIp, status, error);
            return Results.Json(new { error, deliveryId = delivery.Id }, statusCode: status);
        }
        return Results.Json(new { status = "accepted", deliveryId = delivery.Id });
    }

    /// <summary>What the refusal says to the sender (Moota's log shows it), in English like the rest of the API.</summary>
    private static string Explain(MootaProblem problem) => problem.Key switch
    {
        MootaProblems.BodyNotArray => "The body is not a JSON array of mutations.",
        MootaProblems.BodyComment => "The body has comments outside its mutation objects; JSON has no comments, so it is not read.",
        _ => "The body is not valid JSON: " + string.Join(" ", problem.Args),
    };

    private const string InsertSql = """
        INSERT INTO "WebhookDeliveries" ("IntegrationId", "ReceivedAt", "SourceIp", "HeadersJson", "Body", "Signature", "Status",
            "Attempts", "NextAttemptAt", "Error", "NewCount", "DuplicateCount", "AnswerMs", "ProcessingMs", "ProcessedAt", "ProblemsJson", "BodyRedacted")
        VALUES ($integration, $received, $ip, $headers, $body, $signature, $status, 0, NULL, $error, 0, 0, $answer, NULL, NULL, $problems, 0)
        RETURNING "Id";
        """;

    /// <summary>
    /// One INSERT in autocommit, on a connection opened through EF (so the busy-timeout and WAL settings apply).
    /// This is the hot path Moota waits on; a single statement costs a fraction of a unit of work with change
    /// tracking. Reading the rows back through EF is covered by the endpoint tests.
    /// </summary>
    private async Task<long> InsertAsync(WebhookDelivery d)
    {
        await using var db = await inboxFactory.CreateDbContextAsync(CancellationToken.None);
        using var turn = await gate.EnterForDeliveryAsync(CancellationToken.None);
        await db.Database.OpenConnectionAsync(CancellationToken.None);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = InsertSql;
            void Add(string name, object? value)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                cmd.Parameters.Add(p);
            }
            Add("$integration", d.IntegrationId);
            Add("$received", DateTime.SpecifyKind(d.ReceivedAt, DateTimeKind.Utc));
            Add("$ip", d.SourceIp);
            Add("$headers", d.HeadersJson);
            Add("$body", d.Body);
            Add("$signature", (int)d.Signature);
            Add("$status", (int)d.Status);
            Add("$error", d.Error);
            Add("$answer", d.AnswerMs);
            Add("$problems", d.ProblemsJson);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
