namespace MootaDesk.Web.Features.Home;

public static class HomeFeature
{
    public static IServiceCollection AddHomeFeature(this IServiceCollection services)
    {
        services.AddSingleton<DashboardQuery>();
        return services;
    }
}
