using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// The HTTP API described for integrators: an OpenAPI 3.1 document built from the endpoints at
/// <c>/openapi/v1.json</c> and a Scalar reference page at <c>/api/referensi</c>, both readable without signing
/// in (they describe the API; calling it still takes a key). Only <c>/api/…</c> endpoints are listed: pages,
/// downloads and Blazor's own endpoints are the app's business. docs/api.md stays the guide (rules, examples).
/// </summary>
public static partial class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/referensi";
    public const string ApiKeyScheme = "ApiKey";

    public static IServiceCollection AddMootaDeskApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "MootaDesk API",
                    Version = "v1",
                    Description = "Mutations, orders, proofs of payment and owner summaries of one MootaDesk business, and the Moota webhook. " +
                                  "Money is a decimal string with two decimals; times are ISO 8601 with the business zone's offset. " +
                                  "The guide with rules and examples is docs/api.md in the repository; the reference page is " + ReferencePath + ".",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthentication.HeaderName,
                    Description = "A key made by the Owner in Integrasi → Kunci API (or provisioned by configuration). Each key has scopes and a role; a CS key never sees a debit or a balance.",
                };
                return Task.CompletedTask;
            });
            // The generator tags each operation with its declaring class (OrdersApi, ProofFeature…); the area names
            // below replace them, so the document lists only those.
            o.AddDocumentTransformer((document, _, _) =>
            {
                var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(op => op.Tags ?? new HashSet<OpenApiTagReference>())
                    .Select(t => t.Name).OfType<string>().ToHashSet();
                document.Tags = used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag { Name = name }).ToHashSet();
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var path = context.Description.RelativePath ?? "";
                operation.Tags = new HashSet<OpenApiTagReference> { new(TagFor(path), context.Document) };
                // The endpoint's action in the permission matrix says which scope opens it and to which roles.
                var permission = context.Description.ActionDescriptor.EndpointMetadata.OfType<PermissionAttribute>()
                    .Select(a => PermissionMatrix.Get(a.Action)).FirstOrDefault(p => p.Scope is not null);
                if (permission is { Scope: { } scope })
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [scope] }];
                    operation.Description = $"Needs an API key with the scope `{scope}` and one of the roles {string.Join(", ", permission.Roles.Order(StringComparer.Ordinal))}.";
                }
                else if (path.StartsWith("api/webhooks/", StringComparison.Ordinal))
                {
                    operation.Description = "Called by Moota. Authenticated by the `Signature` header: lowercase hex HMAC-SHA256 of the raw body with the webhook secret.";
                }
                else if (path == "api/notifications")
                {
                    operation.Description = "Called by a phone's notification forwarder (MootaDesk JSON, SmsForwarder, Incoming SMS gateway; docs/api.md). "
                                            + "Authenticated by the `X-Device-Token` header: the token shown once when the phone was registered in Integrasi → Notifikasi HP.";
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// Lets the reference page's own inline start-up script run under the app's Content-Security-Policy, and nothing else
    /// inline: the page's HTML (a few hundred bytes) is buffered, each inline script is hashed, and the hashes join
    /// <c>script-src</c> for that answer only. Scalar writes the script from its options, so the hashes follow any upgrade.
    /// </summary>
    public static IApplicationBuilder UseApiReferenceScriptHashes(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(ReferencePath, out var rest) || rest.HasValue && rest.Value != "/")
        {
            await next(context);
            return;
        }
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var hashes = InlineScripts().Matches(html)
                .Select(m => "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(m.Groups[1].Value))) + "'")
                .Distinct().ToList();
            if (hashes.Count > 0) context.Items[SecurityHeaders.InlineScriptHashesKey] = string.Join(' ', hashes);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    });

    [System.Text.RegularExpressions.GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex InlineScripts();

    public static IEndpointRouteBuilder MapMootaDeskApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().Public("the API's description for integrators; calling the API still takes a key");
        app.MapScalarApiReference(ReferencePath, o => o
                .WithTitle("MootaDesk API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes(ApiKeyScheme)
                // Nothing on the page calls out: no AI agent, MCP, telemetry, web fonts or hosted developer tools.
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .DisableDefaultFonts()
                .HideDeveloperTools())
            .Public("the API reference page for integrators; it reads only the public OpenAPI document");
        return app;
    }

    /// <summary>"api/orders/{reference}" → "orders": the area an endpoint belongs to, as its first path segment names it.</summary>
    private static string TagFor(string relativePath) => relativePath.Split('/') is [_, var area, ..] ? area : "api";
}
