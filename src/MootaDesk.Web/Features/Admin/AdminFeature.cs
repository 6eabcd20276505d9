using MootaDesk.Core.Settings;

namespace MootaDesk.Web.Features.Admin;

public static class AdminFeature
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddSingleton<BusinessSettings>();
        services.AddSingleton<DemoDataStore>();
        services.AddScoped<UserAdministration>();
        services.AddHostedService<DemoDataStartup>();
        return services;
    }
}
