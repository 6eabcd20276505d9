using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.OwnerReports;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Settings;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Sweep;

namespace MootaDesk.Web.Tests.OwnerReports;

public class DemoSummaryTests
{
    [Fact]
    public async Task The_demo_shops_sweep_is_marked_demo_and_leaves_the_owners_pages_once_real_data_arrives()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        await new DemoDataStore(test, test.Clock).LoadIfEmptyAsync();
        var f = new SweepFixture(test);
        var day = new DateOnly(2026, 11, 21);
        var sweep = await f.Prepare.PrepareAsync(day, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        var view = (await f.Query.LoadAsync(day))!;
        view.IsDemo.ShouldBeTrue();
        await f.Commands.SignOffAsync(sweep.SweepId, view.Header.Summary, SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance));
        var reports = new OwnerReportsQuery(test, test.Clock, f.Options, new ProofMetricsQuery(test));
        (await reports.LatestAsync()).ShouldNotBeNull().IsDemo.ShouldBeTrue();

        await using (var db = test.CreateDbContext())
        {
            db.Accounts.Add(new Account { BankCode = "bca", AccountNumber = "999", Label = "BCA Asli", CreatedAt = test.Clock.UtcNow });
            await db.SaveChangesAsync();
        }
        (await reports.LatestAsync()).ShouldBeNull();
        (await reports.LoadAsync()).Past.ShouldBeEmpty();
        // The sweep stays what it was: demo, still labelled so on its own page.
        (await f.Query.LoadAsync(day))!.IsDemo.ShouldBeTrue();
    }
}
