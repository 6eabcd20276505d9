using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Orders;

public class OrderExpiryTests
{
    [Fact]
    public async Task The_background_service_expires_overdue_orders_with_an_audit_row_and_leaves_open_ones()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var overdue = await kit.CreateAsync(account, "OVERDUE", 10_000m, TimeSpan.FromMinutes(30));
        await kit.CreateAsync(account, "OPEN", 20_000m, TimeSpan.FromHours(5));
        test.Time.Advance(TimeSpan.FromHours(1));

        var service = new OrderExpiryService(kit.Expiry, test.Time, NullLogger<OrderExpiryService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                await using var poll = test.CreateDbContext();
                if ((await poll.Orders.SingleAsync(o => o.Reference == "OVERDUE")).Status == OrderStatus.Expired) break;
                await Task.Delay(50);
            }
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        await using var db = test.CreateDbContext();
        (await db.Orders.SingleAsync(o => o.Reference == "OVERDUE")).Status.ShouldBe(OrderStatus.Expired);
        (await db.Orders.SingleAsync(o => o.Reference == "OPEN")).Status.ShouldBe(OrderStatus.Pending);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "order.expire");
        audit.EntityId.ShouldBe(overdue.Id.ToString());
        audit.Actor.ShouldBe("system");
    }

    [Fact]
    public async Task The_credit_side_lists_ambiguous_credits_first_and_offers_their_orders()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test, new OrderOptions { UniqueCodeMin = 7, UniqueCodeMax = 7 });
        var account = await kit.AddAccountAsync();
        var a = await kit.CreateAsync(account, "A", 100_000m, TimeSpan.FromHours(1));
        test.Time.Advance(TimeSpan.FromHours(2));
        await kit.CreateAsync(account, "B", 100_000m);
        var stray = await kit.CreditAsync(account, 12_345m);
        var midnightLocal = test.Clock.ToUtc(test.Clock.Today.ToDateTime(TimeOnly.MinValue));
        var ambiguous = await kit.CreditAsync(account, a.PayableAmount, atUtc: midnightLocal, hasTime: false);

        var query = new UnmatchedCreditsQuery(test, test.Clock);
        var all = await query.LoadAsync(Viewer.ForRoles("cs", Roles.CS), attentionOnly: false);
        all.Select(c => c.Id).ShouldBe([ambiguous, stray]);
        (await query.LoadAsync(Viewer.ForRoles("cs", Roles.CS), attentionOnly: true)).Single().Id.ShouldBe(ambiguous);
    }
}
