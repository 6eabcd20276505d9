using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// `X-Api-Key` authentication for other tools. Keys come from the database (created by the Owner, only a
/// hash stored) or from configuration (scripted deployments). A key carries scopes and the role whose data
/// rules it follows: the key acts as that role narrowed by its scopes (<see cref="PermissionMatrix"/>).
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCommands keys,
    IOptionsMonitor<MootaDeskOptions> appOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
            return AuthenticateResult.NoResult();

        var hash = ApiKeySecret.Hash(values.ToString().Trim());

        foreach (var configured in appOptions.CurrentValue.Api.Keys)
        {
            if (string.IsNullOrEmpty(configured.Key)) continue;
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ApiKeySecret.Hash(configured.Key.Trim())), Encoding.ASCII.GetBytes(hash)))
                return Success(configured.Name, configured.Role, configured.Scopes);
        }

        if (await keys.UseAsync(hash, Context.RequestAborted) is not { } key)
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        return Success(key.Name, key.Role, key.Scopes);
    }

    private AuthenticateResult Success(string name, string role, string scopes)
    {
        // Configured roles are checked at start-up and stored ones at creation; a role that still does not parse grants nothing.
        if (PermissionMatrix.ParseRole(role) is not string canonical)
            return AuthenticateResult.Fail($"API key {name} has an unknown role.");
        var claims = new List<Claim> { new(ClaimTypes.Name, "api:" + name), new(ClaimTypes.Role, canonical) };
        claims.AddRange(scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => new Claim(ScopeClaim, s.ToLowerInvariant())));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid X-Api-Key header is required.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This API key's role or scopes do not allow this action.").ExecuteAsync(Context);
    }
}
