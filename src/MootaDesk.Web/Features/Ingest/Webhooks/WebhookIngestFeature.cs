using Microsoft.Extensions.DependencyInjection.Extensions;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Web.Features.Ingest.ApiKeys;
using MootaDesk.Web.Features.Ingest.Sandbox;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Features.Ingest.Webhooks;

/// <summary>Moota webhooks: the signed receiver, the durable inbox and its processor, the log, the sandbox, the read API and its keys.</summary>
public static class WebhookIngestFeature
{
    public static IServiceCollection AddWebhookIngestFeature(this IServiceCollection services)
    {
        // The one insert path every source shares; TryAdd because the pull client and the import register it too.
        services.TryAddSingleton<MutationIngestor>();
        services.AddSingleton<WebhookInboxSignal>();
        services.AddSingleton<InboxWriteGate>();
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton<WebhookInboxProcessor>();
        services.AddSingleton<InboxMonitor>();
        services.AddSingleton<StoredSourceScrub>();
        services.AddHostedService<StoredSourceScrubService>();
        services.AddHostedService<WebhookInboxService>();
        services.AddSingleton<ApiKeyCommands>();
        services.AddSingleton<WebhookLogQuery>();
        services.AddSingleton<IntegrationCommands>();
        services.AddSingleton<SandboxCommands>();
        services.TryAddSingleton(OwnEndpointClient.FromServer);
        return services;
    }

    public static IEndpointRouteBuilder MapWebhookIngestEndpoints(this IEndpointRouteBuilder app)
    {
        // Anonymous on purpose: the HMAC signature is the authentication, and Moota sends no cookie or antiforgery token.
        app.MapPost("/api/webhooks/moota", (HttpContext http, WebhookReceiver receiver) => receiver.ReceiveAsync(http, null))
            .Public("Moota webhook: the HMAC signature and the IP allow-list are the authentication").DisableAntiforgery().WithName("MootaWebhook");
        app.MapPost("/api/webhooks/moota/{integrationId:int}", (HttpContext http, int integrationId, WebhookReceiver receiver) => receiver.ReceiveAsync(http, integrationId))
            .Public("Moota webhook: the HMAC signature and the IP allow-list are the authentication").DisableAntiforgery().WithName("MootaWebhookForIntegration");
        return app;
    }
}
