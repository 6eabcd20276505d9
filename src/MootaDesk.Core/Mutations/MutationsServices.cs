using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Mutations.Ingest;

namespace MootaDesk.Core.Mutations;

public static class MutationsServices
{
    /// <summary>
    /// The mutation store: the one insert path every source shares (<see cref="MutationIngestor"/>), search, tags, notes,
    /// saved views, auto-tag rules, exports, the read API's query and the cross-source duplicates review.
    /// </summary>
    public static IServiceCollection AddMutations(this IServiceCollection services)
    {
        services.AddSingleton<MutationIngestor>();
        services.AddSingleton<MutationQueries>();
        services.AddSingleton<MutationReadQuery>();
        services.AddSingleton<TagMutationsCommand>();
        services.AddSingleton<TagCatalog>();
        services.AddSingleton<SavedViewStore>();
        services.AddSingleton<AutoTagRuleRunner>();
        // Auto-tag rules run on every new mutation, whichever source brought it in.
        services.AddSingleton<IPostIngestStep>(sp => sp.GetRequiredService<AutoTagRuleRunner>());
        services.AddSingleton<AutoTagRuleStore>();
        services.AddSingleton<MutationExportService>();
        services.AddSingleton<CrossSourceDuplicates>();
        services.AddSingleton<MutationMerger>();
        services.AddHostedService<SavedViewDefaultsStartup>();
        services.AddHostedService<TextIndexCatchUpService>();
        return services;
    }
}
