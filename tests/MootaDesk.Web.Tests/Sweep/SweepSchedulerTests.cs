using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Sweep;

public class SweepSchedulerTests
{
    [Fact]
    public async Task The_scheduler_prepares_each_business_day_once_after_its_time_and_catches_up_a_missed_run()
    {
        // Start-up on Saturday morning: Friday's 16:30 was missed while the app was down.
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 9, 0));
        var f = new SweepFixture(test);
        await f.SeedShopAsync(new DateOnly(2026, 11, 20));
        var scheduler = f.Scheduler().Create();
        var missed = await scheduler.RunDueAsync(atStartUp: true);
        missed.ShouldNotBeNull().Day.ShouldBe(new DateOnly(2026, 11, 20));

        test.Time.SetJakarta(2026, 11, 21, 16, 29);
        (await scheduler.RunDueAsync(false)).ShouldBeNull();

        test.Time.SetJakarta(2026, 11, 21, 16, 30);
        (await scheduler.RunDueAsync(false)).ShouldNotBeNull().Day.ShouldBe(new DateOnly(2026, 11, 21));
        (await scheduler.RunDueAsync(false)).ShouldBeNull();

        // A restart is a new scheduler with no memory: the database still says Saturday is done.
        var restarted = f.Scheduler().Create();
        test.Time.SetJakarta(2026, 11, 21, 18, 0);
        (await restarted.RunDueAsync(atStartUp: true)).ShouldBeNull();

        // Sunday is not a business day.
        test.Time.SetJakarta(2026, 11, 22, 17, 0);
        (await scheduler.RunDueAsync(false)).ShouldBeNull();

        await using var db = test.CreateDbContext();
        var sweeps = await db.Sweeps.OrderBy(s => s.BusinessDate).Select(s => new { s.BusinessDate, s.Trigger }).ToListAsync();
        sweeps.Select(s => (s.BusinessDate, s.Trigger)).ShouldBe([(new DateOnly(2026, 11, 20), SweepTrigger.StartUp), (new DateOnly(2026, 11, 21), SweepTrigger.Scheduled)]);
        (await db.Notifications.CountAsync(n => n.Role == Roles.Finance)).ShouldBe(2);
    }

    [Fact]
    public async Task Holidays_and_configured_weekdays_and_time_are_respected()
    {
        await using var test = await TestDatabase.CreateAsync();
        var f = new SweepFixture(test, new SweepOptions { Time = "17.00", Weekdays = ["Mon,Tue,Wed,Thu,Fri"], Holidays = ["2026-11-20"] });
        await f.SeedShopAsync(new DateOnly(2026, 11, 19));
        var scheduler = f.Scheduler().Create();

        // Saturday is off in this shop and Friday is a holiday, so Thursday is the latest due day.
        test.Time.SetJakarta(2026, 11, 21, 18, 0);
        (await scheduler.RunDueAsync(true)).ShouldNotBeNull().Day.ShouldBe(new DateOnly(2026, 11, 19));

        test.Time.SetJakarta(2026, 11, 23, 16, 45);
        (await scheduler.RunDueAsync(false)).ShouldBeNull();
        test.Time.SetJakarta(2026, 11, 23, 17, 0);
        (await scheduler.RunDueAsync(false)).ShouldNotBeNull().Day.ShouldBe(new DateOnly(2026, 11, 23));
    }

    [Fact]
    public async Task Two_schedulers_racing_for_the_same_day_leave_one_sweep()
    {
        await using var test = await TestDatabase.CreateAsync();
        var f = new SweepFixture(test);
        await f.SeedShopAsync(new DateOnly(2026, 11, 21));
        test.Time.SetJakarta(2026, 11, 21, 16, 31);
        var results = await Task.WhenAll(f.Scheduler().Create().RunDueAsync(false), f.Scheduler().Create().RunDueAsync(false));
        results.Count(r => r is not null).ShouldBeLessThanOrEqualTo(1);
        await using var db = test.CreateDbContext();
        (await db.Sweeps.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_store_without_accounts_gets_no_empty_sweep_at_start_up_and_the_day_is_prepared_once_an_account_exists()
    {
        // The first start of a new install: the scheduler wakes before the demo shop (or the first account) is there.
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 9, 0));
        var f = new SweepFixture(test);
        var scheduler = f.Scheduler().Create();
        (await scheduler.RunDueAsync(atStartUp: true)).ShouldBeNull();
        await using (var db = test.CreateDbContext()) (await db.Sweeps.CountAsync()).ShouldBe(0);

        await f.SeedShopAsync(new DateOnly(2026, 11, 20));
        var prepared = (await scheduler.RunDueAsync(false)).ShouldNotBeNull();
        prepared.Day.ShouldBe(new DateOnly(2026, 11, 20));
    }
}
