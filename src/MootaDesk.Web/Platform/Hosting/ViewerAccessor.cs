using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;

namespace MootaDesk.Web.Platform.Hosting;

public static class ClaimsPrincipalExtensions
{
    /// <summary>
    /// The viewer an HTTP request's claims describe. Cookies are checked against the store on every request and API keys are
    /// read from it, so these claims are current; circuits use <see cref="CurrentUser"/> instead.
    /// </summary>
    public static Viewer ToViewer(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? new(user.Identity.Name ?? "anonymous", user.FindFirstValue(ClaimTypes.NameIdentifier),
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(), EndpointAccess.ScopesOf(user))
        : Viewer.Nobody("anonymous");

    public static Actor ToActor(this ClaimsPrincipal user, string? ip = null) =>
        new(user.Identity?.Name ?? "anonymous", user.FindFirstValue(ClaimTypes.NameIdentifier), ip);
}

/// <summary>
/// The signed-in person as components see them: their data scope (<see cref="Viewer"/>, read from the store on each call so a
/// command in an open tab uses the person's current roles) and their audit identity (<see cref="Actor"/>, with the IP
/// captured when the circuit started).
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider auth, CircuitClientInfo client, SessionCheck sessions)
{
    public async Task<Viewer> ViewerAsync() => await sessions.ViewerAsync((await auth.GetAuthenticationStateAsync()).User);

    /// <summary>Whether the person may take <paramref name="action"/> now, by their current roles in the store.</summary>
    public async Task<bool> CanAsync(string action) => (await ViewerAsync()).Can(action);

    public async Task<Actor> ActorAsync() => (await auth.GetAuthenticationStateAsync()).User.ToActor(client.RemoteIp);
}

/// <summary>Holds the client's IP for the lifetime of a circuit; set from the first HTTP request (HttpContext is gone later).</summary>
public sealed class CircuitClientInfo
{
    public string? RemoteIp { get; set; }
}
