using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Ingest;
using MootaDesk.Web.Hosting;

namespace MootaDesk.Web.Features.MootaPull;

public static class MootaPullFeature
{
    public static IServiceCollection AddMootaPullFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<MutationIngestor>();
        services.AddOptions<MootaPullOptions>().Bind(configuration.GetSection(MootaPullOptions.Section));
        services.AddHttpClient<IMootaApiClient, MootaApiClient>((sp, http) =>
        {
            var baseUrl = sp.GetRequiredService<IOptions<MootaDeskOptions>>().Value.Moota.ApiBaseUrl;
            // Relative paths ("bank", "mutation") resolve under the base only when it ends with a slash.
            http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            // Polly owns the per-attempt timeout; this only bounds a whole call with its retries.
            http.Timeout = TimeSpan.FromMinutes(5);
        });
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
