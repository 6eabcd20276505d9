using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MootaDesk.Core.Integrations;

namespace MootaDesk.Web.Integrations;

/// <summary>The sandbox's <see cref="OwnEndpointClient"/>, aimed at the first address Kestrel listens on.</summary>
public static class OwnEndpointAddress
{
    /// <summary>The first address Kestrel listens on, with wildcard hosts turned into loopback.</summary>
    public static OwnEndpointClient Client(IServiceProvider services)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        return new OwnEndpointClient(() =>
        {
            var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The app is not listening on any address yet.");
            var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1"));
            var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(uri.Uri.GetLeftPart(UriPartial.Authority) + "/"), Timeout = TimeSpan.FromSeconds(15) };
            // Our own certificate may be a development one; the request never leaves this machine anyway.
            return client;
        });
    }
}
