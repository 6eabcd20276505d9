using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Tests.Integrations.Moota;

/// <summary>Issue 10 "What was seen" 5 and 10: Moota's clock is Jakarta's, whatever zone the business keeps.</summary>
public class MootaTimeTests
{
    [Theory]
    [InlineData("2026-11-20 14:01:55", 2026, 11, 20, 7, 1, 55, true)]
    [InlineData("2026-11-20 00:00:00", 2026, 11, 19, 17, 0, 0, false)]
    [InlineData("2026-11-20", 2026, 11, 19, 17, 0, 0, false)]
    [InlineData("2026-11-20 14:01", 2026, 11, 20, 7, 1, 0, true)]
    [InlineData("2026-11-29T23:00:00.000000Z", 2026, 11, 29, 23, 0, 0, true)]
    [InlineData("2026-11-30T06:00:00+07:00", 2026, 11, 29, 23, 0, 0, true)]
    [InlineData("2026-11-30T08:00:00+09:00", 2026, 11, 29, 23, 0, 0, true)]
    public void Wall_times_are_Jakarta_time_and_instants_say_their_own_zone(string text, int y, int mo, int d, int h, int mi, int s, bool hasTime)
    {
        var read = MootaTime.Parse(text).ShouldNotBeNull();
        read.Utc.ShouldBe(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc));
        read.HasTimeOfDay.ShouldBe(hasTime);
        read.TooEarly.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Asia/Jakarta")]
    [InlineData("Asia/Makassar")]
    [InlineData("Asia/Jayapura")]
    public void The_business_zone_never_changes_the_instant(string zone)
    {
        var clock = new BusinessClock(TimeProvider.System, zone);
        var utc = MootaTime.Parse("2026-11-20 14:01:55")!.Value.Utc;
        utc.ShouldBe(new DateTime(2026, 11, 20, 7, 1, 55, DateTimeKind.Utc));
        // Shown in the business zone: 15.01 WITA, 16.01 WIT.
        clock.ToLocal(utc).Hour.ShouldBe(zone switch { "Asia/Makassar" => 15, "Asia/Jayapura" => 16, _ => 14 });
    }

    [Theory]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("1999-12-31 23:59:59")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void Dates_before_2000_are_read_as_too_early_without_throwing(string text) =>
        MootaTime.Parse(text)!.Value.TooEarly.ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("11-30-2026")]
    [InlineData("30/11/2026 10:00")]
    [InlineData("2026-11-30T10:00:00.000000")] // an instant without its zone is not a wall time Moota writes
    public void Anything_else_is_unreadable(string text) => MootaTime.Parse(text).ShouldBeNull();

    [Fact]
    public void A_UTC_instant_is_written_back_as_Moota_writes_it() =>
        MootaTime.Format(new DateTime(2026, 11, 20, 7, 1, 55, DateTimeKind.Utc)).ShouldBe("2026-11-20 14:01:55");
}
