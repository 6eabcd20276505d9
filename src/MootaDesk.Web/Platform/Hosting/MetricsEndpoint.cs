using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Metrics;
using MootaDesk.Web.Platform;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// OpenTelemetry metrics (the Meter "MootaDesk", ASP.NET Core's request metrics) exported as Prometheus text at
/// <c>GET /metrics</c>, for signed-in Owners and Ops (<see cref="Actions.ReadMetrics"/>) or a scraper sending the configured
/// <c>MootaDesk:Metrics:ScrapeToken</c> as <c>Authorization: Bearer</c>. Not under /api: it is an operator's endpoint, not
/// the integrators' API, and stays out of the OpenAPI document.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IServiceCollection AddMootaDeskMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("MootaDesk"))
            .WithMetrics(m => m
                .AddMeter(MootaDeskMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        // Only this endpoint reads the scraper token: its scheme falls back to the person's cookie.
        app.MapPrometheusScrapingEndpoint(Path)
            .WithMetadata(new PermissionAttribute(Actions.ReadMetrics) { AuthenticationSchemes = MetricsAuthentication.SchemeName });
        return app;
    }
}

/// <summary>
/// Authentication on <c>/metrics</c>: a valid scraper token (<c>Authorization: Bearer</c>, constant-time compare) signs in the
/// scraper, who may read metrics and nothing else (no other endpoint uses this scheme); otherwise the person's cookie decides.
/// Refusals are bare problem details (401 without credentials, 403 for a role that may not read metrics), never a redirect
/// to the sign-in page: a scraper cannot follow one.
/// </summary>
public sealed class MetricsAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<MootaDeskOptions> appOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MetricsScraper";

    /// <summary>The scraper's name in logs and the role it reads metrics under (Ops may; the scheme reaches no other endpoint).</summary>
    public const string ScraperName = "metrics-scraper";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var expected = appOptions.CurrentValue.Metrics.ScrapeToken;
            var sent = header["Bearer ".Length..].Trim();
            // Hashing both sides first makes the comparison constant-time whatever the lengths.
            if (string.IsNullOrEmpty(expected)
                || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
                return AuthenticateResult.Fail("Unknown metrics scrape token.");
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, ScraperName), new Claim(ClaimTypes.Role, Roles.Ops)], SchemeName);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
        }
        return await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: ApiProblem.Title(Context, StatusCodes.Status401Unauthorized),
            detail: Text("Metrics.SignIn")).ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: ApiProblem.Title(Context, StatusCodes.Status403Forbidden),
            detail: Text("Metrics.Forbidden")).ExecuteAsync(Context);

    private string Text(string key) => Context.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>()[key];
}
