using Microsoft.Extensions.DependencyInjection;

namespace MootaDesk.Core.Home;

public static class HomeServices
{
    /// <summary>The home page's figures.</summary>
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddSingleton<DashboardQuery>();
        return services;
    }
}
