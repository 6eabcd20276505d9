using MootaDesk.Web.Features.Admin;
using MootaDesk.Web.Features.Home;
using MootaDesk.Web.Features.Mutations;
using MootaDesk.Web.Features.Orders;

namespace MootaDesk.Web.Features;

/// <summary>
/// Each working area registers its own services and endpoints here: one line per area, so areas can be
/// built side by side without touching each other's files.
/// </summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddMootaDeskFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAdminFeature();
        services.AddHomeFeature();
        services.AddMutationsFeature();
        services.AddOrdersFeature(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapMootaDeskFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMutationsEndpoints();
        app.MapOrdersEndpoints();
        return app;
    }
}
