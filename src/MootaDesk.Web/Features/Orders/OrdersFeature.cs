using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;

namespace MootaDesk.Web.Features.Orders;

public static class OrdersFeature
{
    public static IServiceCollection AddOrdersFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.Section)).Validate(o =>
        {
            o.Validate();
            return true;
        }).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OrderOptions>>().Value);
        services.AddSingleton<UniqueCodeAllocator>();
        services.AddSingleton<OrderExpiry>();
        services.AddSingleton<OrderCreator>();
        services.AddSingleton<OrderSettlement>();
        services.AddSingleton<OrderCandidates>();
        services.AddSingleton<OrderCsvReader>();
        services.AddSingleton<PendingOrdersQuery>();
        // The shared insert path; TryAdd because the ingest area registers it too and one instance must serve all sources.
        services.TryAddSingleton<MutationIngestor>();
        services.AddSingleton<OrderMatchingStep>();
        services.AddSingleton<IPostIngestStep>(sp => sp.GetRequiredService<OrderMatchingStep>());
        services.AddSingleton<CreateOrdersCommand>();
        services.AddSingleton<SettleOrderCommand>();
        services.AddSingleton<SimulateTransferCommand>();
        services.AddSingleton<OrderListQuery>();
        services.AddSingleton<OrderDetailQuery>();
        services.AddSingleton<UnmatchedCreditsQuery>();
        services.AddHostedService<OrderExpiryService>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrdersEndpoints(this IEndpointRouteBuilder app)
    {
        OrdersApi.Map(app);
        return app;
    }
}
