using Microsoft.AspNetCore.Components.Server.Circuits;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>Captures the client IP when a circuit opens, for audit rows written later in that circuit.</summary>
internal sealed class CircuitIpCapture(IHttpContextAccessor http, CircuitClientInfo info) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        info.RemoteIp ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return Task.CompletedTask;
    }
}
