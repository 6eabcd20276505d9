using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// The authentication state of an open tab (a Blazor circuit), re-checked against the store every
/// <see cref="SessionOptions.RevalidationInterval"/> (a minute at most). When the person was disabled, demoted, given a new
/// password or signed out elsewhere, the tab's state becomes anonymous: pages re-render as not authorised and send the
/// person to sign in. Framework's <c>RevalidatingServerAuthenticationStateProvider</c> waits on the real clock; this one
/// waits on <see cref="TimeProvider"/> so the promise can be tested without waiting a minute.
/// </summary>
public sealed class CircuitRevalidation : ServerAuthenticationStateProvider, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<CircuitRevalidation> _logger;
    private CancellationTokenSource? _loop;

    public CircuitRevalidation(IServiceScopeFactory scopes, TimeProvider time, IOptions<SessionOptions> options, ILogger<CircuitRevalidation> logger)
    {
        _scopes = scopes;
        _time = time;
        _interval = options.Value.RevalidationInterval;
        _logger = logger;
        AuthenticationStateChanged += Restart;
    }

    private void Restart(Task<AuthenticationState> state)
    {
        var previous = Interlocked.Exchange(ref _loop, new CancellationTokenSource());
        previous?.Cancel();
        previous?.Dispose();
        _ = LoopAsync(state, _loop!.Token);
    }

    private async Task LoopAsync(Task<AuthenticationState> stateTask, CancellationToken ct)
    {
        try
        {
            var user = (await stateTask).User;
            if (user.Identity?.IsAuthenticated != true) return;
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(_interval, _time, ct);
                if (await StillValidAsync(user, ct)) continue;
                _logger.LogInformation("Session of {UserName} in an open tab ended: disabled, roles or password changed, or signed out", user.Identity.Name);
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
                return;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // A store that cannot be read must not leave the tab authorised forever.
            _logger.LogError(ex, "Revalidating an open tab failed; signing the tab out");
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    private async Task<bool> StillValidAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionCheck>();
        var current = await sessions.CurrentAsync(user, ct);
        // Roles are compared too: a role change without a new stamp (another tool writing the store) still counts.
        return current is not null && current.Roles.SetEquals(user.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= Restart;
        _loop?.Cancel();
        _loop?.Dispose();
    }
}
