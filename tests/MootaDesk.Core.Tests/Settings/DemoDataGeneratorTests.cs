using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Settings;

namespace MootaDesk.Core.Tests.Settings;

public class DemoDataGeneratorTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 16, 0, 0);

    [Fact]
    public void The_same_seed_gives_the_same_shop()
    {
        var a = new DemoDataGenerator().Generate(Now);
        var b = new DemoDataGenerator().Generate(Now);
        a.Mutations.Count.ShouldBe(b.Mutations.Count);
        a.Mutations.Select(m => (m.SourceId, m.Amount, m.Description)).ShouldBe(b.Mutations.Select(m => (m.SourceId, m.Amount, m.Description)));
    }

    [Fact]
    public void Ninety_days_with_payday_peaks_refunds_suppliers_and_payroll()
    {
        var data = new DemoDataGenerator().Generate(Now);
        data.Mutations.Min(m => m.TransactionTimeLocal).Date.ShouldBe(Now.Date.AddDays(-89));
        data.Mutations.ShouldAllBe(m => m.TransactionTimeLocal <= Now && m.Amount > 0);
        data.Mutations.ShouldContain(m => m.Tags.Contains("Refund") && m.Direction == Direction.Debit);
        data.Mutations.ShouldContain(m => m.Tags.Contains("Supplier"));
        data.Mutations.ShouldContain(m => m.Tags.Contains("Gaji"));
        data.Mutations.Select(m => m.AccountKey).Distinct().Count().ShouldBe(DemoDataGenerator.Accounts.Count);

        double PerDay(Func<int, bool> days) => data.Mutations.Where(m => days(m.TransactionTimeLocal.Day))
            .GroupBy(m => m.TransactionTimeLocal.Date).Average(g => g.Count());
        PerDay(d => d >= 25 || d <= 5).ShouldBeGreaterThan(PerDay(d => d is > 8 and < 22) * 1.3);
    }

    [Fact]
    public void Balances_follow_every_mutation_per_account()
    {
        var data = new DemoDataGenerator().Generate(Now);
        foreach (var account in DemoDataGenerator.Accounts)
        {
            var balance = account.OpeningBalance;
            foreach (var m in data.Mutations.Where(x => x.AccountKey == account.Key))
            {
                balance += m.Direction == Direction.Credit ? m.Amount : -m.Amount;
                m.Balance.ShouldBe(balance);
            }
        }
    }

    [Fact]
    public void Open_orders_exist_and_paid_orders_point_at_a_credit()
    {
        var data = new DemoDataGenerator().Generate(Now);
        data.Orders.ShouldContain(o => o.Status == OrderStatus.Pending);
        var ids = data.Mutations.ToDictionary(m => m.SourceId);
        foreach (var paid in data.Orders.Where(o => o.Status == OrderStatus.Paid))
        {
            var m = ids[paid.PaidBySourceId!];
            m.Direction.ShouldBe(Direction.Credit);
            m.Amount.ShouldBe(paid.Amount + paid.UniqueCode);
        }
    }
}

public class DemoBalanceTests
{
    [Fact]
    public void No_demo_account_is_ever_overdrawn()
    {
        var data = new DemoDataGenerator().Generate(new DateTime(2026, 11, 21, 16, 0, 0));
        data.Mutations.ShouldAllBe(m => m.Balance >= 0);
    }
}
