using System.Globalization;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;

namespace MootaDesk.Core.Orders;

/// <summary>Thrown when someone the matrix does not allow to create orders (Ops, or an API key of another role) tries to change orders.</summary>
public sealed class OrdersWriteDeniedException() : UnauthorizedAccessException("Only Owner, Finance and CS may change orders.");

public static class OrdersAccess
{
    public static bool CanWrite(Viewer viewer) => viewer.Can(Actions.CreateOrders);

    public static void EnsureCanWrite(Viewer viewer)
    {
        if (!CanWrite(viewer)) throw new OrdersWriteDeniedException();
    }
}

/// <summary>Creates one order (form, API) or many (CSV import, all or nothing), for people allowed to.</summary>
public sealed class CreateOrdersCommand(OrderCreator creator)
{
    public Task<OrderCreationResult> CreateAsync(IReadOnlyList<OrderRequest> requests, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        OrdersAccess.EnsureCanWrite(viewer);
        return creator.CreateAsync(requests, actor, ct);
    }

    public Task<OrderCreationResult> PreviewAsync(IReadOnlyList<OrderRequest> requests, Viewer viewer, CancellationToken ct = default)
    {
        OrdersAccess.EnsureCanWrite(viewer);
        return creator.PreviewAsync(requests, ct);
    }
}

/// <summary>Manual match, unmatch and cancel, for people allowed to; every one leaves an audit row.</summary>
public sealed class SettleOrderCommand(OrderSettlement settlement)
{
    public Task<OrderChangeResult> MatchAsync(int orderId, long mutationId, Viewer viewer, Actor actor, int? expectedVersion = null, CancellationToken ct = default)
    {
        OrdersAccess.EnsureCanWrite(viewer);
        return settlement.MatchAsync(orderId, mutationId, actor, expectedVersion, ct);
    }

    public Task<OrderChangeResult> UnmatchAsync(int orderId, Viewer viewer, Actor actor, int? expectedVersion = null, CancellationToken ct = default)
    {
        OrdersAccess.EnsureCanWrite(viewer);
        return settlement.UnmatchAsync(orderId, actor, expectedVersion, ct);
    }

    public Task<OrderChangeResult> CancelAsync(int orderId, Viewer viewer, Actor actor, int? expectedVersion = null, CancellationToken ct = default)
    {
        OrdersAccess.EnsureCanWrite(viewer);
        return settlement.CancelAsync(orderId, actor, expectedVersion, ct);
    }
}
