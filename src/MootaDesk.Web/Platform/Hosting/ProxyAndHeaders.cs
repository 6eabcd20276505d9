using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>The `MootaDesk:Proxy` configuration section: which reverse proxies may tell the app the client's address and scheme.</summary>
public sealed class ProxyOptions
{
    public const string Section = "MootaDesk:Proxy";

    /// <summary>Addresses of trusted proxies, e.g. "127.0.0.1" for nginx on the same machine.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Trusted proxy networks in CIDR form, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Forwarded headers from known proxies only. With none configured, X-Forwarded-* is ignored entirely (a client could
/// otherwise choose its own address for the webhook allow-list, the rate limits and the audit trail). With a proxy
/// configured, the client's address and the original scheme (so cookies get <c>Secure</c> and HSTS is sent over HTTPS)
/// come from the proxy's headers.
/// </summary>
public static class ProxySetup
{
    public static void Configure(ForwardedHeadersOptions options, ProxyOptions proxy)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        // The framework trusts loopback by default; MootaDesk trusts only what the configuration names.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var (text, i) in proxy.KnownProxies.Select((t, i) => (t, i)))
        {
            if (!IPAddress.TryParse(text?.Trim(), out var address))
                throw new InvalidOperationException($"MootaDesk:Proxy:KnownProxies:{i} (\"{text}\") is not an IP address.");
            options.KnownProxies.Add(address);
            // An IPv4 proxy reached over a dual-stack socket shows up as ::ffff:a.b.c.d.
            if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) options.KnownProxies.Add(address.MapToIPv6());
        }
        foreach (var (text, i) in proxy.KnownNetworks.Select((t, i) => (t, i)))
        {
            if (!System.Net.IPNetwork.TryParse(text?.Trim(), out var network))
                throw new InvalidOperationException($"MootaDesk:Proxy:KnownNetworks:{i} (\"{text}\") is not a network in CIDR form (e.g. 10.0.0.0/24).");
            options.KnownIPNetworks.Add(network);
        }
        // One proxy in front: the right-most address it appended is the client.
        options.ForwardLimit = 1;
    }

    /// <summary>True when at least one proxy or network is configured (forwarded headers are read only then).</summary>
    public static bool Any(ProxyOptions proxy) => proxy.KnownProxies.Count > 0 || proxy.KnownNetworks.Count > 0;
}

/// <summary>
/// Security headers on every answer. The Content-Security-Policy allows scripts from this origin only (Blazor Server and
/// MudBlazor need no inline script or eval), inline styles (Blazor and MudBlazor set style attributes), images from here and
/// data: URLs (QR codes), and connections (the circuit's WebSocket) to this origin only.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A page that must run an inline script it did not write (the API reference page's start-up module) puts the script's
    /// CSP source expressions (<c>'sha256-…'</c>) here before its answer starts; only those exact scripts are then allowed.
    /// </summary>
    public const string InlineScriptHashesKey = "mootadesk.csp.inline-script-hashes";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Items[InlineScriptHashesKey] is string hashes
                ? ContentSecurityPolicy.Replace("script-src 'self'", "script-src 'self' " + hashes, StringComparison.Ordinal)
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
