using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Home;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Settings;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Settings;

public class DemoDataTests
{
    [Fact]
    public async Task Demo_data_loads_only_into_an_empty_database_and_is_all_sandbox()
    {
        await using var test = await TestDatabase.CreateAsync();
        var demo = new DemoDataStore(test, test.Clock);
        (await demo.LoadIfEmptyAsync()).ShouldBeTrue();
        (await demo.LoadIfEmptyAsync()).ShouldBeFalse();

        await using var db = test.CreateDbContext();
        (await db.Accounts.CountAsync()).ShouldBe(6);
        (await db.Accounts.AllAsync(a => a.IsDemo && a.IsSandbox && a.Label.StartsWith("Demo"))).ShouldBeTrue();
        (await db.Mutations.AllAsync(m => m.IsSandbox)).ShouldBeTrue();
        (await db.Mutations.CountAsync()).ShouldBeGreaterThan(1000);
        (await db.Orders.AnyAsync(o => o.Status == OrderStatus.Pending)).ShouldBeTrue();
    }

    [Fact]
    public async Task Demo_money_never_enters_real_totals()
    {
        await using var test = await TestDatabase.CreateAsync();
        await new DemoDataStore(test, test.Clock).LoadIfEmptyAsync();
        await using (var db = test.CreateDbContext())
        {
            var real = new Account { BankCode = "bca", AccountNumber = "999", Label = "BCA Asli", CreatedAt = test.Clock.UtcNow };
            db.Accounts.Add(real);
            db.Mutations.Add(new Mutation { Account = real, SourceId = "real-1", Description = "TRSF", Amount = 10_000m, Direction = Direction.Credit, TransactionTime = test.Clock.UtcNow, ReadTime = test.Clock.UtcNow });
            await db.SaveChangesAsync();
        }
        var dashboard = await new DashboardQuery(test, test.Clock).LoadAsync(Viewer.ForRoles("o", Roles.Owner));
        dashboard.IsDemo.ShouldBeFalse();
        dashboard.MoneyInToday.ShouldBe(10_000m);
        dashboard.PendingOrders.ShouldBe(0);
    }

    [Fact]
    public async Task The_Owner_removes_every_trace_of_demo_data_in_one_audited_action()
    {
        await using var test = await TestDatabase.CreateAsync();
        var demo = new DemoDataStore(test, test.Clock);
        await demo.LoadIfEmptyAsync();
        await using (var db = test.CreateDbContext())
        {
            var real = new Account { BankCode = "bca", AccountNumber = "999", CreatedAt = test.Clock.UtcNow };
            db.Accounts.Add(real);
            db.Mutations.Add(new Mutation { Account = real, SourceId = "real-1", Description = "x", Amount = 1m, TransactionTime = test.Clock.UtcNow, ReadTime = test.Clock.UtcNow });
            await db.SaveChangesAsync();
        }

        var removed = await demo.RemoveAsync(new Actor("owner"));
        removed.ShouldBeGreaterThan(1000);

        await using var check = test.CreateDbContext();
        (await check.Accounts.CountAsync()).ShouldBe(1);
        (await check.Mutations.CountAsync()).ShouldBe(1);
        (await check.Orders.CountAsync()).ShouldBe(0);
        (await check.MutationNotes.CountAsync()).ShouldBe(0);
        (await check.AuditEvents.SingleAsync(a => a.Action == "demo.remove")).Actor.ShouldBe("owner");
        (await demo.AnyAsync()).ShouldBeFalse();
    }
}
