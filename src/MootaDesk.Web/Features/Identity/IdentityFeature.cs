using Microsoft.Extensions.DependencyInjection.Extensions;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations.Ingest;

namespace MootaDesk.Web.Features.Identity;

/// <summary>One row per bank transaction: Moota conflicts for Ops and the cross-source duplicates review for Finance.</summary>
public static class IdentityFeature
{
    public static IServiceCollection AddIdentityFeature(this IServiceCollection services)
    {
        services.TryAddSingleton<MutationIngestor>();
        services.AddSingleton<MootaConflicts>();
        return services;
    }
}
