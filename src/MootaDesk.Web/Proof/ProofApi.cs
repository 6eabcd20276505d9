using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Proof;

/// <summary>The proof files for the back office and for link holders, and POST /api/mutations/{id}/proof.</summary>
public static class ProofApi
{
    public const string PublicRateLimitPolicy = "proof-public";

    /// <summary>The name shown as the actor for things done on the public pages.</summary>
    public const string PublicActorName = "publik";

    /// <summary>The public pages' per-address rate limit (the rest of the area is registered by Core's AddProof).</summary>
    public static IServiceCollection AddProofRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o => o.AddPolicy<string, PublicProofRateLimit>(PublicRateLimitPolicy));

    /// <summary>The address links and QR codes point at: configured, or else the one this request came in on.</summary>
    public static string BaseUrl(this HttpRequest request, ProofOptions options) =>
        !string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? options.PublicBaseUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static IEndpointRouteBuilder MapProofApi(this IEndpointRouteBuilder app)
    {
        // Downloads from the back office: the viewer's scope applies and each download is logged.
        app.MapGet("/bukti/{id:long}/pdf", (long id, HttpContext http, CancellationToken ct) => DownloadAsync(id, http, ProofEventKind.Pdf, ct))
            .RequirePermission(Actions.CreateProof);
        app.MapGet("/bukti/{id:long}/png", (long id, HttpContext http, CancellationToken ct) => DownloadAsync(id, http, ProofEventKind.Png, ct))
            .RequirePermission(Actions.CreateProof);

        // The same files for whoever holds a valid link (the customer, a shop's chat bot): no sign-in, rate-limited per IP.
        app.MapGet("/v/{token}/pdf", (string token, HttpContext http, CancellationToken ct) => PublicFileAsync(token, http, "pdf", ct))
            .Public("proof check: the signed token is the credential").RequireRateLimiting(PublicRateLimitPolicy);
        app.MapGet("/v/{token}/png", (string token, HttpContext http, CancellationToken ct) => PublicFileAsync(token, http, "png", ct))
            .Public("proof check: the signed token is the credential").RequireRateLimiting(PublicRateLimitPolicy);

        app.MapPost("/api/mutations/{id:long}/proof", CreateViaApiAsync)
            .RequirePermission(Actions.CreateProof, apiKey: true);
        return app;
    }

    private static async Task<IResult> DownloadAsync(long id, HttpContext http, ProofEventKind kind, CancellationToken ct)
    {
        var services = http.RequestServices;
        var view = await services.GetRequiredService<ProofCardQuery>()
            .LoadAsync(id, http.User.ToViewer(), http.Request.BaseUrl(services.GetRequiredService<IOptions<ProofOptions>>().Value), ct);
        if (view is null) return Results.NotFound();
        // A revoked or expired proof is not handed out again, not even from the back office.
        if (!view.IsActive)
            return Results.Text("Bukti ini sudah dicabut atau kedaluwarsa. / This proof was revoked or has expired.", "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status410Gone);
        var format = kind == ProofEventKind.Pdf ? "pdf" : "png";
        await services.GetRequiredService<RecordProofShareCommand>()
            .RecordAsync(id, kind, http.User.ToActor(http.Connection.RemoteIpAddress?.ToString()), format, view.Card.OrderReference, ct);
        return File(view, format, services.GetRequiredService<BusinessClock>());
    }

    private static async Task<IResult> PublicFileAsync(string token, HttpContext http, string format, CancellationToken ct)
    {
        var services = http.RequestServices;
        var result = await services.GetRequiredService<ProofCardQuery>()
            .LoadPublicAsync(token, http.Request.BaseUrl(services.GetRequiredService<IOptions<ProofOptions>>().Value), ct);
        if (result.View is null) return Results.NotFound();
        await services.GetRequiredService<RecordProofShareCommand>()
            .RecordAsync(result.View.ProofId, ProofEventKind.ViewedPublic, new Actor(PublicActorName, null, http.Connection.RemoteIpAddress?.ToString()), format, null, ct);
        http.Response.Headers.CacheControl = "no-store";
        return File(result.View, format, services.GetRequiredService<BusinessClock>());
    }

    private static IResult File(ProofView view, string format, BusinessClock clock) => format == "pdf"
        ? Results.File(ProofCardRenderer.Pdf(view.Card, clock), "application/pdf", $"bukti-{view.Card.VerificationCode}.pdf")
        : Results.File(ProofCardRenderer.Png(view.Card, clock), "image/png", $"bukti-{view.Card.VerificationCode}.png");

    private static async Task<IResult> CreateViaApiAsync(long id, HttpContext http, IssueProofCommand issue, ProofCardQuery cards,
        IOptions<ProofOptions> options, BusinessClock clock, IStringLocalizer<ProofText> text, CancellationToken ct)
    {
        var viewer = http.User.ToViewer();
        var result = await issue.IssueAsync(id, viewer, http.User.ToActor(http.Connection.RemoteIpAddress?.ToString()), "api", reuseActive: false, ct);
        switch (result.Outcome)
        {
            case IssueProofOutcome.NotFound:
                return ApiProblem.Refused(http, StatusCodes.Status404NotFound, Refusal.Of("Api.NoMutation", id), text);
            case IssueProofOutcome.Debit:
                return ApiProblem.Refused(http, StatusCodes.Status422UnprocessableEntity, Refusal.Of("Api.Debit", id), text);
            case IssueProofOutcome.Provisional:
                return ApiProblem.Refused(http, StatusCodes.Status409Conflict, Refusal.Of("Api.Provisional", id), text);
        }
        var view = await cards.LoadAsync(result.ProofId, viewer, http.Request.BaseUrl(options.Value), ct);
        if (view is null) return Results.NotFound();
        return Results.Json(new ProofApiResponse(
            view.ProofId, view.MutationId, view.Card.VerificationCode, view.Card.OrderReference, view.Card.Amount,
            ProofWhatsAppText.Build(view.Card, clock), view.VerificationUrl, view.VerificationUrl + "/pdf", view.VerificationUrl + "/png", view.ExpiresAt),
            statusCode: StatusCodes.Status201Created);
    }

    public sealed record ProofApiResponse(long ProofId, long MutationId, string VerificationCode, string? OrderReference, decimal Amount,
        string Text, string VerificationUrl, string PdfUrl, string ImageUrl, DateTime ExpiresAt);
}

/// <summary>Per-IP fixed window for the public proof pages, so tokens cannot be tried in bulk and the pages cannot be hammered.</summary>
public sealed class PublicProofRateLimit(IOptions<ProofOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.Headers.RetryAfter = "60";
        context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await context.HttpContext.Response.WriteAsync("Terlalu banyak permintaan. Coba lagi dalam satu menit. / Too many requests; try again in a minute.", ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.PublicRequestsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
