using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Metrics;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Platform.Search;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Platform;

/// <summary>What every area stands on: configuration, the clock, the store (SQLite files or PostgreSQL), audit, settings, notifications (with the important-debit notice), the app-wide search and sessions.</summary>
public static class PlatformServices
{
    /// <param name="contentRoot">Where a relative database path (the default data/mootadesk.db) is resolved.</param>
    /// <param name="isDevelopment">Demo data is loaded into an empty database by default only in Development.</param>
    public static IServiceCollection AddMootaDeskPlatform(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool isDevelopment)
    {
        services.AddOptions<MootaDeskOptions>().Bind(configuration.GetSection(MootaDeskOptions.Section))
            .PostConfigure(o => o.DemoData ??= isDevelopment);
        // A configured API key with an unknown role or scope stops start-up, naming the key (never its secret).
        services.AddSingleton<IValidateOptions<MootaDeskOptions>, ConfiguredApiKeyValidation>();
        services.AddOptions<MootaDeskOptions>().ValidateOnStart();
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section);

        // Tests put a fake clock in first; everything else reads this one.
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
            services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
            new BusinessClock(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<MootaDeskOptions>>().Value.TimeZone));

        var store = StoreLocation.FromConfiguration(configuration, contentRoot);
        services.AddSingleton(store);
        services.AddDbContextFactory<MootaDeskDbContext>(o => DatabaseSetup.Configure(o, store));
        services.AddDbContextFactory<InboxDbContext>(o => DatabaseSetup.ConfigureInbox(o, store));

        services.AddSingleton<StoreHealth>();
        services.AddSingleton<MootaDeskMetrics>();
        services.AddSingleton<ScheduledWork>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<BusinessSettings>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<ImportantDebitAlerts>();
        services.AddSingleton<IPostIngestStep>(sp => sp.GetRequiredService<ImportantDebitAlerts>());
        services.AddSingleton<AppSearch>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<UserProfiles>();
        services.AddSingleton<SignInLockout>();
        return services;
    }
}
