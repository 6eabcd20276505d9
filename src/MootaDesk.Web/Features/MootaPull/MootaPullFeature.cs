using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations.Ingest;

namespace MootaDesk.Web.Features.MootaPull;

public static class MootaPullFeature
{
    public static IServiceCollection AddMootaPullFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<MutationIngestor>();
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

    public static IEndpointRouteBuilder MapMootaPullEndpoints(this IEndpointRouteBuilder app)
    {
        MootaSyncEndpoint.Map(app);
        return app;
    }
}
