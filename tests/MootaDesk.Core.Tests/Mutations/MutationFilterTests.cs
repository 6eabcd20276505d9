using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Mutations;

public class MutationFilterTests
{
    [Fact]
    public void Every_field_survives_a_trip_through_the_url()
    {
        var filter = new MutationFilter
        {
            From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 20), AccountIds = [3, 1], Direction = Direction.Debit,
            AmountExact = 150_123.5m, AmountMin = 1_000m, AmountMax = 5_000_000m, Text = "budi & co/50%", TagsAny = [2, 5], TagsAll = [7],
            TagsNone = [9], UntaggedOnly = true, WithoutNote = true, WithoutOrderReference = true,
            Statuses = [ReconciliationStatus.NeedsAttention, ReconciliationStatus.New], Sources = [MutationSource.Webhook, MutationSource.Import],
            Sandbox = SandboxFilter.Only, Sort = MutationSort.AmountDesc,
        };
        var query = filter.ToQueryString();
        var back = MutationFilter.Parse("/mutasi?" + query);
        back.ShouldBe(filter);
        back.Text.ShouldBe("budi & co/50%");
        back.AccountIds.ShouldBe([1, 3]);
        back.AmountExact.ShouldBe(150_123.5m);
        query.ShouldContain("arah=debit");
        query.ShouldContain("tag=2%2C5");
    }

    [Fact]
    public void The_empty_filter_is_an_empty_query_and_means_no_sandbox()
    {
        MutationFilter.Empty.ToQueryString().ShouldBe("");
        MutationFilter.Parse("").ShouldBe(MutationFilter.Empty);
        MutationFilter.Parse((string?)null).Sandbox.ShouldBe(SandboxFilter.Exclude);
    }

    [Fact]
    public void A_hand_edited_link_with_nonsense_still_opens_with_what_can_be_read()
    {
        var f = MutationFilter.Parse("?arah=sideways&min=abc&maks=500000&tag=1,x,-3,2&status=cocok,unknown&tgl=kapan&dari=2026-13-45&zzz=1");
        f.Direction.ShouldBeNull();
        f.AmountMin.ShouldBeNull();
        f.AmountMax.ShouldBe(500_000m);
        f.TagsAny.ShouldBe([1, 2]);
        f.Statuses.ShouldBe([ReconciliationStatus.Matched]);
        f.Preset.ShouldBe(DatePreset.None);
        f.From.ShouldBeNull();
    }

    [Fact]
    public void A_preset_wins_over_explicit_dates_in_the_url()
    {
        var f = MutationFilter.Parse("tgl=kemarin&dari=2026-01-01&sampai=2026-01-31");
        f.Preset.ShouldBe(DatePreset.Yesterday);
        f.From.ShouldBeNull();
        f.ToQueryString().ShouldBe("tgl=kemarin");
    }

    [Theory]
    [InlineData("2026-11-21", "2026-10-25", "2026-11-05")] // between periods: the one that just ended
    [InlineData("2026-11-25", "2026-11-25", "2026-12-05")] // first day of a period
    [InlineData("2026-12-31", "2026-12-25", "2027-01-05")] // across the year end
    [InlineData("2027-01-05", "2026-12-25", "2027-01-05")] // last day of a period
    [InlineData("2026-11-06", "2026-10-25", "2026-11-05")]
    public void The_payroll_period_runs_from_the_25th_to_the_5th(string today, string from, string to)
    {
        var (f, t) = MutationFilter.PayrollPeriod(DateOnly.Parse(today));
        f.ShouldBe(DateOnly.Parse(from));
        t.ShouldBe(DateOnly.Parse(to));
    }

    [Fact]
    public void Presets_are_half_open_utc_ranges_of_business_days()
    {
        var time = TestTime.Create(TestTime.Jakarta(2026, 11, 21, 0, 5)); // five past midnight WIB, still the 20th in UTC
        var clock = new BusinessClock(time);

        var (start, end) = new MutationFilter { Preset = DatePreset.Today }.TimeRangeUtc(clock);
        start.ShouldBe(new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc));
        end.ShouldBe(new DateTime(2026, 11, 21, 17, 0, 0, DateTimeKind.Utc));

        new MutationFilter { Preset = DatePreset.Yesterday }.TimeRangeUtc(clock).StartUtc.ShouldBe(new DateTime(2026, 11, 19, 17, 0, 0, DateTimeKind.Utc));
        new MutationFilter { Preset = DatePreset.Last7Days }.TimeRangeUtc(clock).StartUtc.ShouldBe(new DateTime(2026, 11, 14, 17, 0, 0, DateTimeKind.Utc));
        new MutationFilter { Preset = DatePreset.ThisMonth }.TimeRangeUtc(clock).StartUtc.ShouldBe(new DateTime(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc));
        new MutationFilter().TimeRangeUtc(clock).ShouldBe((null, null));
    }
}
