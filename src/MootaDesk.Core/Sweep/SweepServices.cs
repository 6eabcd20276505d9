using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MootaDesk.Core.Sweep;

public static class SweepServices
{
    /// <summary>The 16:30 sweep: preparation (and its scheduler), the checklist, sign-off with the summary's mail, and CS tasks.</summary>
    public static IServiceCollection AddSweep(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SweepOptions>().Bind(configuration.GetSection(SweepOptions.Section))
            // Fail at start-up, with the key's name, rather than at 16:30.
            .Validate(o => { o.Calendar(); o.Thresholds(); return true; });
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<PrepareSweepCommand>();
        services.AddSingleton<SweepQuery>();
        services.AddSingleton<SweepCommands>();
        services.AddSingleton<CsTaskCommands>();
        services.AddSingleton<ISummaryEmailSender, SmtpSummaryEmailSender>();
        services.AddSingleton<SweepScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<SweepScheduler>());
        return services;
    }
}
