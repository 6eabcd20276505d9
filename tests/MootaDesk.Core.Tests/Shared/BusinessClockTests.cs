using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Shared;

public class BusinessClockTests
{
    [Fact]
    public void A_WIB_day_starts_at_17_00_UTC_the_day_before()
    {
        var clock = new BusinessClock(TestTime.Create());
        var (start, end) = clock.DayRangeUtc(new DateOnly(2026, 11, 21));
        start.ShouldBe(new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc));
        end.ShouldBe(new DateTime(2026, 11, 21, 17, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Just_after_midnight_WIB_is_already_the_next_business_day()
    {
        var time = TestTime.Create();
        time.SetJakarta(2026, 11, 22, 0, 5);
        var clock = new BusinessClock(time);
        clock.Today.ShouldBe(new DateOnly(2026, 11, 22));
        clock.UtcNow.Day.ShouldBe(21);
    }

    [Fact]
    public void Local_and_UTC_convert_both_ways()
    {
        var clock = new BusinessClock(TestTime.Create());
        var local = new DateTime(2026, 11, 21, 16, 30, 0);
        var utc = clock.ToUtc(local);
        utc.ShouldBe(new DateTime(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc));
        clock.ToLocal(utc).ShouldBe(local);
    }

    [Theory]
    [InlineData("Asia/Jakarta", "WIB")]
    [InlineData("Asia/Makassar", "WITA")]
    [InlineData("Asia/Jayapura", "WIT")]
    [InlineData("Europe/London", "UTC")]
    public void Indonesian_zones_have_their_own_names(string zone, string abbreviation) =>
        new BusinessClock(TestTime.Create(), zone).ZoneAbbreviation.ShouldBe(abbreviation);
}
