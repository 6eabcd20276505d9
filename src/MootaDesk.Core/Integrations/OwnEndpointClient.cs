namespace MootaDesk.Core.Integrations;

/// <summary>
/// An HTTP client aimed at this app's own listening address, so the sandbox's simulated webhooks travel the real path
/// (HTTP, signature, inbox). The web host makes it from the server's addresses; tests hand in the in-memory server's
/// client instead: that is the seam.
/// </summary>
public sealed class OwnEndpointClient(Func<HttpClient> create)
{
    public HttpClient Create() => create();
}
