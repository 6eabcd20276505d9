using MootaDesk.Core.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations.Ingest;

namespace MootaDesk.Core.Orders;

public static class OrdersServices
{
    /// <summary>Orders with unique codes: creation (form, CSV, API), matching each new credit, settlement, expiry and the lists.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
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
        // Every new credit, whichever source brought it, is offered to the open orders.
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
}
