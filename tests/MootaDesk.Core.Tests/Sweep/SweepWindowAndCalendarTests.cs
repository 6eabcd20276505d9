using Microsoft.Extensions.Time.Testing;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Sweep;

public class SweepWindowAndCalendarTests
{
    private static readonly DateOnly Saturday = new(2026, 11, 21);

    private static (FakeTimeProvider Time, BusinessClock Clock) Jakarta(int day, int hour, int minute = 0)
    {
        var time = TestTime.Create(TestTime.Jakarta(2026, 11, day, hour, minute));
        return (time, new BusinessClock(time));
    }

    [Fact]
    public void Without_a_signed_off_sweep_the_window_starts_at_midnight_business_time()
    {
        var (_, clock) = Jakarta(21, 16, 30);
        var w = SweepWindow.Compute(Saturday, null, clock.UtcNow, clock);
        // 00:00 WIB is 17:00 UTC the day before.
        w.StartUtc.ShouldBe(new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc));
        w.EndUtc.ShouldBe(new DateTime(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void After_a_sign_off_the_window_runs_across_midnight_from_where_it_ended()
    {
        var (_, clock) = Jakarta(23, 16, 30);
        var lastEnd = new DateTime(2026, 11, 21, 9, 45, 0, DateTimeKind.Utc); // Saturday 16:45 WIB
        var w = SweepWindow.Compute(new DateOnly(2026, 11, 23), lastEnd, clock.UtcNow, clock);
        w.StartUtc.ShouldBe(lastEnd);
        w.EndUtc.ShouldBe(clock.UtcNow);
        w.Contains(new DateTime(2026, 11, 22, 17, 30, 0, DateTimeKind.Utc)).ShouldBeTrue(); // Monday 00:30 WIB
    }

    [Fact]
    public void A_past_day_prepared_later_reads_up_to_the_moment_of_preparation()
    {
        // The day's transactions are chosen by bank date, so the cut-off is "what is known now", not midnight.
        var (_, clock) = Jakarta(22, 8, 0);
        var w = SweepWindow.Compute(Saturday, null, clock.UtcNow, clock);
        w.EndUtc.ShouldBe(clock.UtcNow);
    }

    [Fact]
    public void The_window_follows_the_configured_business_time_zone()
    {
        var time = TestTime.Create(new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.Zero)); // 16:30 WITA
        var wita = new BusinessClock(time, "Asia/Makassar");
        var w = SweepWindow.Compute(Saturday, null, wita.UtcNow, wita);
        w.StartUtc.ShouldBe(new DateTime(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Late_reads_are_counted_from_the_previous_sweeps_cut_off_even_when_it_was_prepared_late()
    {
        var (_, clock) = Jakarta(23, 10, 0);
        var previous = new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
        var w = SweepWindow.Compute(Saturday, previous, clock.UtcNow, clock);
        w.StartUtc.ShouldBe(previous);
        // A cut-off that lies ahead of now (clock moved back) says nothing: the day's midnight is used.
        SweepWindow.Compute(Saturday, clock.UtcNow.AddHours(1), clock.UtcNow, clock).StartUtc.ShouldBe(new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData(21, 16, 29, 20)] // Saturday before 16:30: Friday is the latest due day
    [InlineData(21, 16, 30, 21)]
    [InlineData(22, 12, 0, 21)]  // Sunday is not a business day
    [InlineData(23, 9, 0, 21)]   // Monday morning: Saturday's sweep, missed if the app was down
    public void The_latest_due_day_follows_time_and_weekdays(int day, int hour, int minute, int expected)
    {
        var local = new DateTime(2026, 11, day, hour, minute, 0);
        SweepCalendar.Default.LatestDueDay(local).ShouldBe(new DateOnly(2026, 11, expected));
    }

    [Fact]
    public void Holidays_are_skipped_and_the_next_run_is_the_next_business_day()
    {
        var c = new SweepCalendar(new TimeOnly(16, 30), SweepCalendar.ParseWeekdays(["Senin,Selasa,Rabu,Kamis,Jumat"]), SweepCalendar.ParseHolidays(["2026-11-20"]));
        c.LatestDueDay(new DateTime(2026, 11, 21, 18, 0, 0)).ShouldBe(new DateOnly(2026, 11, 19));
        c.NextRunLocal(new DateTime(2026, 11, 19, 17, 0, 0)).ShouldBe(new DateTime(2026, 11, 23, 16, 30, 0));
    }

    [Fact]
    public void Bad_configuration_fails_with_the_key_named()
    {
        Should.Throw<FormatException>(() => SweepCalendar.ParseWeekdays(["Mon,Funday"])).Message.ShouldContain("Weekdays");
        Should.Throw<FormatException>(() => SweepCalendar.ParseHolidays(["25-12-2026"])).Message.ShouldContain("Holidays");
        Should.Throw<FormatException>(() => SweepCalendar.ParseTime("half past four")).Message.ShouldContain("Time");
        SweepCalendar.ParseTime("16.45").ShouldBe(new TimeOnly(16, 45));
    }
}
