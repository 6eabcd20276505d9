using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Home;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.OwnerReports;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Settings;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.BankAccounts;
using MootaDesk.Web.Features.Identity;
using MootaDesk.Web.Features.Ingest.Webhooks;
using MootaDesk.Web.Features.MootaPull;
using MootaDesk.Web.Mutations;
using MootaDesk.Web.Orders;
using MootaDesk.Web.Proof;
using MootaDesk.Web.Sweep;

namespace MootaDesk.Web.Features;

/// <summary>
/// Each working area registers its own services and endpoints here: one line per area, so areas can be
/// built side by side without touching each other's files.
/// </summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddMootaDeskFeatures(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSettings();
        services.AddHome();
        services.AddMootaPullFeature(configuration);
        services.AddBankAccounts();
        services.AddMutations();
        services.AddOrders(configuration);
        services.AddProof(environment);
        services.AddProofRateLimit();
        services.AddWebhookIngestFeature();
        services.AddSweep(configuration);
        services.AddOwnerReports();
        services.AddIdentityFeature();
        return services;
    }

    public static IEndpointRouteBuilder MapMootaDeskFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMutationsApi();
        app.MapOrdersApi();
        app.MapProofApi();
        app.MapWebhookIngestEndpoints();
        app.MapSweepApi();
        app.MapBankAccountsApi();
        app.MapMootaPullEndpoints();
        return app;
    }
}
