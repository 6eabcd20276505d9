using Microsoft.Extensions.DependencyInjection;

namespace MootaDesk.Core.OwnerReports;

public static class OwnerReportsServices
{
    /// <summary>The owner's page: past summaries, income per day and account, weekly figures.</summary>
    public static IServiceCollection AddOwnerReports(this IServiceCollection services)
    {
        services.AddSingleton<OwnerReportsQuery>();
        services.AddSingleton<IncomeRhythm.IncomeRhythmQuery>();
        services.AddSingleton<IncomeRhythm.IncomeRhythmExport>();
        return services;
    }
}
