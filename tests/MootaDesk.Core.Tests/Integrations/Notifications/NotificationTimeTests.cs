using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Integrations.Notifications;

/// <summary>Times of posts (must name their instant) and times written inside bank texts (extra, never a reason to refuse).</summary>
public class NotificationTimeTests
{
    private static readonly DateTime Now = TestTime.Start.UtcDateTime;

    [Theory]
    [InlineData("2026-11-21T16:30:05+07:00", "2026-11-21T09:30:05Z")]
    [InlineData("2026-11-21T17:30:05+08:00", "2026-11-21T09:30:05Z")]
    [InlineData("2026-11-21T09:30:05Z", "2026-11-21T09:30:05Z")]
    [InlineData("2026-11-21 16:30:05.123+0700", "2026-11-21T09:30:05.123Z")]
    [InlineData("1795253405000", "2026-11-21T09:30:05Z")]
    public void A_post_time_with_an_offset_or_in_epoch_milliseconds_becomes_its_utc_instant(string written, string expected)
    {
        var utc = NotificationTime.ReadInstant(written, Now, out var problem);
        problem.ShouldBeNull();
        utc.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
        utc!.Value.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("2026-11-21 16:30:05", NotificationProblems.TimeNoOffset)]
    [InlineData("2026-11-21T16:30", NotificationProblems.TimeNoOffset)]
    [InlineData("1795253405", NotificationProblems.TimeInSeconds)]
    [InlineData("0", NotificationProblems.TimeOutOfRange)]
    [InlineData("1999-12-31T23:59:59Z", NotificationProblems.TimeOutOfRange)]
    [InlineData("2026-11-23T09:30:06Z", NotificationProblems.TimeOutOfRange)]
    [InlineData("9999999999999999", NotificationProblems.TimeOutOfRange)]
    [InlineData("kemarin sore", NotificationProblems.TimeUnreadable)]
    [InlineData("2026-02-30T10:00:00+07:00", NotificationProblems.TimeUnreadable)]
    public void A_post_time_without_offset_in_seconds_or_outside_2000_to_tomorrow_is_refused_with_its_reason(string written, string key)
    {
        NotificationTime.ReadInstant(written, Now, out var problem).ShouldBeNull();
        problem!.Key.ShouldBe(key);
        problem.Args.ShouldBe([written]);
    }

    [Theory]
    [InlineData("06/05/2026 22:53:10", "2026-05-06T15:53:10Z")]
    [InlineData("28 Agu 2026 20:43 WIB", "2026-08-28T13:43:00Z")]
    [InlineData("28 Aug 2026 21:43 WITA", "2026-08-28T13:43:00Z")]
    [InlineData("13 Nov 2024 15:53:45", "2024-11-13T08:53:45Z")]
    [InlineData("1 Desember 2025, 09.05 WIT", "2025-12-01T00:05:00Z")]
    public void A_time_written_in_a_bank_text_is_read_as_jakarta_time_unless_it_names_another_zone(string written, string expected) =>
        NotificationTime.ReadStated(written, Now).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);

    [Theory]
    [InlineData("")]
    [InlineData("31/02/2026 10:00:00")]
    [InlineData("06/05/1999 10:00:00")]
    [InlineData("23/11/2026 10:00:00")]
    [InlineData("28 Foo 2026 20:43")]
    public void An_impossible_old_future_or_unknown_text_time_is_simply_not_taken(string written) =>
        NotificationTime.ReadStated(written, Now).ShouldBeNull();
}
