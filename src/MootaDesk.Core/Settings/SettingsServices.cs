using Microsoft.Extensions.DependencyInjection;

namespace MootaDesk.Core.Settings;

public static class SettingsServices
{
    /// <summary>Users and roles, and the demo shop (loaded into an empty database when configured).</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddSingleton<DemoDataStore>();
        services.AddScoped<UserAdministration>();
        services.AddHostedService<DemoDataStartup>();
        return services;
    }
}
