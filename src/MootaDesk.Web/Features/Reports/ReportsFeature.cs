namespace MootaDesk.Web.Features.Reports;

public static class ReportsFeature
{
    public static IServiceCollection AddReportsFeature(this IServiceCollection services)
    {
        services.AddSingleton<OwnerReportsQuery>();
        return services;
    }
}
