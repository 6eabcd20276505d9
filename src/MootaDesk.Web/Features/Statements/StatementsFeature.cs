using Microsoft.Extensions.DependencyInjection.Extensions;
using MootaDesk.Core.Mutations.Ingest;

namespace MootaDesk.Web.Features.Statements;

public static class StatementsFeature
{
    public static IServiceCollection AddStatementsFeature(this IServiceCollection services)
    {
        // The shared insert path; other ingest areas register it too, so only the first registration counts.
        services.TryAddSingleton<MutationIngestor>();
        services.AddSingleton<StatementImporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapStatementsEndpoints(this IEndpointRouteBuilder app)
    {
        StatementsApi.Map(app);
        return app;
    }
}
