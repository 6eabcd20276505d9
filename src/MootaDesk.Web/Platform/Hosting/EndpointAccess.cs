using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// A page or endpoint's action in the permission matrix (<see cref="Actions"/>). On a page: <c>@attribute [Permission(Actions.X)]</c>;
/// on a minimal endpoint: <see cref="EndpointAccess.RequirePermission{TBuilder}"/>. It is both the authorization rule and the
/// metadata the endpoint test reads, so an endpoint cannot be guarded without saying by what.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PermissionAttribute : AuthorizeAttribute
{
    public PermissionAttribute(string action)
    {
        Action = PermissionMatrix.Get(action).Action;
        Policy = EndpointAccess.PolicyName(action);
    }

    public string Action { get; }
}

/// <summary>
/// An endpoint anyone may call, with the reason written down (the webhook receiver authenticates by signature, the proof
/// check by its signed token, sign-in has to be reachable before signing in…). The endpoint test accepts an endpoint
/// only with a <see cref="PermissionAttribute"/> or this.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PublicEndpointAttribute(string reason) : Attribute, IAllowAnonymous
{
    public string Reason { get; } = reason;
}

public static class EndpointAccess
{
    public const string PolicyPrefix = "action:";

    public static string PolicyName(string action) => PolicyPrefix + action;

    /// <summary>
    /// Guards a session endpoint (cookie) with an action of the matrix. <paramref name="apiKey"/> makes it an API endpoint
    /// instead: only the X-Api-Key header is read, and the key's scopes must open the action.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string action, bool apiKey = false) where TBuilder : IEndpointConventionBuilder
    {
        var attribute = new PermissionAttribute(action);
        if (apiKey) attribute.AuthenticationSchemes = ApiKeyAuthentication.SchemeName;
        return builder.WithMetadata(attribute);
    }

    /// <summary>Marks an endpoint public on purpose, saying why.</summary>
    public static TBuilder Public<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicEndpointAttribute(reason));

    /// <summary>One policy per action; each asks <see cref="PermissionHandler"/>.</summary>
    public static void Register(AuthorizationOptions options)
    {
        foreach (var p in PermissionMatrix.All)
            options.AddPolicy(PolicyName(p.Action), policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(p.Action)));
    }

    /// <summary>The scopes of a principal authenticated by API key; null for a person (scopes do not narrow people).</summary>
    public static IReadOnlySet<string>? ScopesOf(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == ApiKeyAuthentication.SchemeName)
            ? user.FindAll(ApiKeyAuthentication.ScopeClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal)
            : null;

    /// <summary>What the matrix says about this principal and action, the same answer pages, menus and endpoints get.</summary>
    public static bool Allows(ClaimsPrincipal user, string action) =>
        user.Identity?.IsAuthenticated == true
        && PermissionMatrix.Allows(action, user.FindAll(ClaimTypes.Role).Select(c => c.Value), ScopesOf(user));
}

public sealed record PermissionRequirement(string Action) : IAuthorizationRequirement;

/// <summary>
/// Grants a <see cref="PermissionRequirement"/> when the matrix allows one of the principal's roles (narrowed by scopes for an
/// API key), and the person has passed two-factor sign-in where the Owner requires it.
/// </summary>
public sealed class PermissionHandler(TwoFactorPolicy twoFactor) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (!EndpointAccess.Allows(context.User, requirement.Action)) return;
        // Setting up two-factor sign-in and signing out stay open to someone the Owner's requirement holds back.
        if (requirement.Action is not (Actions.ManageOwnSignIn or Actions.SignOut) && await twoFactor.MustSetUpAsync(context.User)) return;
        context.Succeed(requirement);
    }
}
