using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;

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
    IDbContextFactory<MootaDeskDbContext> dbFactory,
    IOptionsMonitor<MootaDeskOptions> appOptions,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "scope";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: "mdk_" and 32 random bytes, URL-safe. Shown once, then only its hash exists.</summary>
    public static string NewKey() => "mdk_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
            return AuthenticateResult.NoResult();

        var hash = Hash(values.ToString().Trim());

        foreach (var configured in appOptions.CurrentValue.Api.Keys)
        {
            if (string.IsNullOrEmpty(configured.Key)) continue;
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(configured.Key.Trim())), Encoding.ASCII.GetBytes(hash)))
                return Success(configured.Name, configured.Role, configured.Scopes);
        }

        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, Context.RequestAborted);
        if (key is null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");

        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
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
