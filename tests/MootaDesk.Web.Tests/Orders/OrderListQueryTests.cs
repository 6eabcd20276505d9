using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Orders;

public class OrderListQueryTests
{
    [Fact]
    public async Task The_list_filters_by_effective_status_and_finds_orders_by_reference_name_or_amount()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var open = await kit.CreateAsync(account, "INV-OPEN", 100_000m, customer: "Sari Wulandari");
        await kit.CreateAsync(account, "INV-SHORT", 50_000m, TimeSpan.FromMinutes(10));
        var paid = await kit.CreateAsync(account, "INV-PAID", 75_000m);
        await kit.CreditAsync(account, paid.PayableAmount);
        test.Time.Advance(TimeSpan.FromMinutes(20));
        var query = new OrderListQuery(test, test.Clock);

        (await query.LoadAsync(new OrderFilter(), 0, 25)).Total.ShouldBe(3);
        (await query.LoadAsync(new OrderFilter(OrderListStatus.Pending), 0, 25)).Items.Single().Reference.ShouldBe("INV-OPEN");
        // Not yet written as expired by the sweeper, but shown as expired already.
        var expired = (await query.LoadAsync(new OrderFilter(OrderListStatus.Expired), 0, 25)).Items.Single();
        expired.Reference.ShouldBe("INV-SHORT");
        expired.Status.ShouldBe(OrderStatus.Expired);
        (await query.LoadAsync(new OrderFilter(OrderListStatus.Paid), 0, 25)).Items.Single().MatchedMutationId.ShouldNotBeNull();
        (await query.LoadAsync(new OrderFilter(Search: "wulan"), 0, 25)).Items.Single().Id.ShouldBe(open.Id);
        (await query.LoadAsync(new OrderFilter(Search: Money.Format(open.PayableAmount)), 0, 25)).Items.Single().Id.ShouldBe(open.Id);
        (await query.LoadAsync(new OrderFilter(), 1, 1)).Items.Single().Reference.ShouldBe("INV-SHORT");
    }
}
