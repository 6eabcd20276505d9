using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using MootaDesk.Core.Access;
using MootaDesk.Core.Auditing;

namespace MootaDesk.Web.Hosting;

public static class ClaimsPrincipalExtensions
{
    public static Viewer ToViewer(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "anonymous",
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());

    public static Actor ToActor(this ClaimsPrincipal user, string? ip = null) =>
        new(user.Identity?.Name ?? "anonymous", user.FindFirstValue(ClaimTypes.NameIdentifier), ip);
}

/// <summary>
/// The signed-in person as components see them: their data scope (<see cref="Viewer"/>) and their audit
/// identity (<see cref="Actor"/>, with the IP captured when the circuit started).
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider auth, CircuitClientInfo client)
{
    public async Task<Viewer> ViewerAsync() => (await auth.GetAuthenticationStateAsync()).User.ToViewer();

    public async Task<Actor> ActorAsync() => (await auth.GetAuthenticationStateAsync()).User.ToActor(client.RemoteIp);
}

/// <summary>Holds the client's IP for the lifetime of a circuit; set from the first HTTP request (HttpContext is gone later).</summary>
public sealed class CircuitClientInfo
{
    public string? RemoteIp { get; set; }
}
