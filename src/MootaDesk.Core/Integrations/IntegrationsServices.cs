using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Mutations.Ingest;

namespace MootaDesk.Core.Integrations;

public static class IntegrationsServices
{
    /// <summary>
    /// Moota: the webhook inbox (storage, processor, monitor, the scrub of stored secrets), the API pull (client, sync, scheduler,
    /// the integration given by configuration), the sandbox, API keys, the webhook log and the Moota conflicts review.
    /// </summary>
    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<WebhookInboxSignal>();
        services.AddSingleton<InboxWriteGate>();
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<WebhookInboxProcessor>();
        services.AddSingleton<InboxMonitor>();
        services.AddSingleton<StoredSourceScrub>();
        services.AddHostedService<StoredSourceScrubService>();
        services.AddHostedService<WebhookInboxService>();
        services.AddSingleton<InboxCheckpointer>();
        services.AddHostedService<InboxCheckpointService>();
        services.AddSingleton<ApiKeyCommands>();
        services.AddSingleton<WebhookLogQuery>();
        services.AddSingleton<IntegrationCommands>();
        services.AddSingleton<SandboxCommands>();
        services.AddSingleton<MootaConflicts>();

        // Phone notifications (docs/decisions/024-*): devices, the inbox, the log; configured phones at start-up.
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<NotificationOptions>, NotificationOptionsValidation>();
        services.AddSingleton(sp => new ProvisionalWindow(TimeSpan.FromMinutes(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.AttachWindowMinutes)));
        services.AddSingleton<NotificationDeviceCommands>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<NotificationInboxSignal>();
        services.AddHostedService<NotificationInboxService>();
        services.AddSingleton<NotificationLogQuery>();
        services.AddSingleton<NotificationSandbox>();
        services.AddSingleton<ProvisionalCreditDismissal>();
        services.AddHostedService<NotificationStartup>();

        services.AddOptions<MootaPullOptions>().Bind(configuration.GetSection(MootaPullOptions.Section));
        services.AddMootaApiClient();
        services.AddSingleton<MootaSyncLocks>();
        services.AddTransient<MootaSync>();
        services.AddSingleton<MootaIntegrationSettings>();
        // Before the scheduler: a token given by configuration is an integration by the time the first round looks.
        services.AddHostedService<ConfiguredMootaIntegration>();
        services.AddHostedService<MootaSyncScheduler>();
        return services;
    }
}
