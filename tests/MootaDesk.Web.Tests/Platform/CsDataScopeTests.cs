using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Home;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform;

public class CsDataScopeTests
{
    private static async Task SeedAsync(TestDatabase test)
    {
        await using var db = test.CreateDbContext();
        var account = new Account { BankCode = "bca", AccountNumber = "0123", CreatedAt = test.Clock.UtcNow };
        db.Accounts.Add(account);
        var now = test.Clock.UtcNow;
        db.Mutations.Add(new Mutation { Account = account, SourceId = "in", Description = "TRSF E-BANKING CR", Amount = 150_123m, Direction = Direction.Credit, BalanceAfter = 1_000_000m, TransactionTime = now, ReadTime = now });
        db.Mutations.Add(new Mutation { Account = account, SourceId = "out", Description = "SUPPLIER", Amount = 7_000_000m, Direction = Direction.Debit, BalanceAfter = 849_877m, TransactionTime = now, ReadTime = now });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Mutation_queries_for_CS_never_return_a_debit()
    {
        await using var test = await TestDatabase.CreateAsync();
        await SeedAsync(test);
        await using var db = test.CreateDbContext();
        var cs = Viewer.ForRoles("cs", Roles.CS);
        db.Mutations.VisibleTo(cs).ShouldAllBe(m => m.Direction == Direction.Credit);
        db.Mutations.VisibleTo(Viewer.ForRoles("fin", Roles.Finance)).Count().ShouldBe(2);
        // A person with CS and another role is not limited to CS's view.
        db.Mutations.VisibleTo(Viewer.ForRoles("both", Roles.CS, Roles.Finance)).Count().ShouldBe(2);
    }

    [Fact]
    public async Task The_dashboard_shows_CS_no_money_out_and_no_debit_rows()
    {
        await using var test = await TestDatabase.CreateAsync();
        await SeedAsync(test);
        var dashboard = await new DashboardQuery(test, test.Clock).LoadAsync(Viewer.ForRoles("cs", Roles.CS));
        dashboard.MoneyOutToday.ShouldBeNull();
        dashboard.MoneyInToday.ShouldBe(150_123m);
        dashboard.Recent.ShouldAllBe(m => m.Direction == Direction.Credit);
        dashboard.Days.ShouldAllBe(d => d.MoneyOut == 0);

        var finance = await new DashboardQuery(test, test.Clock).LoadAsync(Viewer.ForRoles("fin", Roles.Finance));
        finance.MoneyOutToday.ShouldBe(7_000_000m);
    }
}
