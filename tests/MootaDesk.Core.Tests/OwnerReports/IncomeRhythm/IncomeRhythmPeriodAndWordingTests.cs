using System.Globalization;
using MootaDesk.Core.OwnerReports.IncomeRhythm;
using static MootaDesk.Core.Tests.OwnerReports.IncomeRhythm.Zones;

namespace MootaDesk.Core.Tests.OwnerReports.IncomeRhythm;

public class IncomeRhythmPeriodAndWordingTests
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    // 1 Nov 00:00 local minus 90 days = 3 Aug 00:00 local; 30 Nov ends at 1 Dec 00:00 local.
    [InlineData("Asia/Jakarta", 17)] // 3 Aug 00:00 WIB = 2 Aug 17:00 UTC
    [InlineData("Asia/Makassar", 16)]
    [InlineData("Asia/Jayapura", 15)]
    public void A_loader_reads_from_90_days_before_the_first_day_to_the_end_of_the_last_in_the_business_zone(string zoneId, int utcHour)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var period = new IncomeRhythmPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        period.LookbackFrom.ShouldBe(new DateOnly(2026, 8, 3));
        period.UtcRange(zone).ShouldBe((new DateTime(2026, 8, 2, utcHour, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, utcHour, 0, 0, DateTimeKind.Utc)));
        period.UtcRange(zone, withLookback: false).StartUtc.ShouldBe(new DateTime(2026, 10, 31, utcHour, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        Should.Throw<ArgumentException>(() => new IncomeRhythmPeriod(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 1)));
        new IncomeRhythmPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1)).Days.ShouldBe(1);
    }

    [Fact]
    public void A_credit_of_zero_or_a_machine_local_time_is_a_caller_s_mistake_not_a_figure()
    {
        var period = new IncomeRhythmPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        Should.Throw<ArgumentException>(() => IncomeRhythmAnalysis.Analyse([new IncomeRhythmEntry(AtWib(2026, 11, 2), true, 0m)], Wib, period));
        Should.Throw<ArgumentException>(() => IncomeRhythmAnalysis.Analyse([new IncomeRhythmEntry(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Local), true, 1m)], Wib, period));
    }

    [Fact]
    public void Grouped_facts_give_the_same_report_as_the_single_mutations_they_came_from()
    {
        // What a database query would return for two credits on Mon 2 Nov 2026 (one at 09.xx WIB, one day-only) and a refund.
        var period = new IncomeRhythmPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        IncomeRhythmEntry[] entries =
        [
            new(AtWib(2026, 11, 2, 9, 15), true, 100_000m, CounterpartyName: "ANDI"),
            new(AtWib(2026, 11, 2, 0, 0), false, 50_000m, CounterpartyName: "ANDI"),
            new(AtWib(2026, 11, 3, 8, 0), true, 20_000m, IsRefund: true),
        ];
        var facts = new IncomeRhythmFacts(
            [new IncomeBucket(new DateOnly(2026, 11, 2), 9, 100_000m, 1), new IncomeBucket(new DateOnly(2026, 11, 2), null, 50_000m, 1)],
            [new PayerDay(new DateOnly(2026, 11, 2), new PayerFields("ANDI", null, null, null), 150_000m, 2)],
            [new IncomeBucket(new DateOnly(2026, 11, 3), null, 20_000m, 1)]);

        var fromEntries = IncomeRhythmAnalysis.Analyse(entries, Wib, period);
        var fromFacts = IncomeRhythmAnalysis.Analyse(facts, Wib, period);

        fromFacts.Cells.ShouldBe(fromEntries.Cells);
        fromFacts.TimeUnknown.ShouldBe(fromEntries.TimeUnknown);
        fromFacts.Busiest.ShouldBe(fromEntries.Busiest);
        fromFacts.Windows.ShouldBe(fromEntries.Windows);
        fromFacts.Months.ShouldBe(fromEntries.Months);
        fromFacts.Customers.ShouldBe(fromEntries.Customers);
        fromFacts.Customers.RefundPercent.ShouldBe(13.3m); // 20.000 / 150.000 = 13,33… %
        fromFacts.TimeZoneId.ShouldBe("Asia/Jakarta");
    }

    [Theory]
    [InlineData("Asia/Jakarta")]
    [InlineData("Asia/Makassar")]
    [InlineData("Asia/Jayapura")]
    public void Totals_grouped_by_UTC_hour_become_the_same_local_buckets_as_the_single_mutations(string zoneId)
    {
        // 16:59 and 16:05 UTC Fri 20 Nov fall in UTC hour 16; 17:00 UTC in hour 17, once with a time and once day-only.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        IncomeRhythmEntry[] entries =
        [
            new(new DateTime(2026, 11, 20, 16, 59, 0, DateTimeKind.Utc), true, 10_000m),
            new(new DateTime(2026, 11, 20, 16, 5, 0, DateTimeKind.Utc), true, 5_000m),
            new(new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc), true, 20_000m),
            new(new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc), false, 40_000m),
        ];
        var hours = IncomeRhythmFacts.BucketsFromUtcHours([
            new UtcHourTotal(new DateTime(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc), true, 15_000m, 2),
            new UtcHourTotal(new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc), true, 20_000m, 1),
            new UtcHourTotal(new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc), false, 40_000m, 1),
        ], zone);

        hours.OrderBy(b => b.Day).ThenBy(b => b.Hour).ShouldBe(IncomeRhythmFacts.FromEntries(entries, zone).Credits.OrderBy(b => b.Day).ThenBy(b => b.Hour));
    }

    [Fact]
    public void A_zone_off_the_whole_hour_cannot_be_read_from_UTC_hours()
    {
        var india = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"); // UTC+5:30
        Should.Throw<ArgumentException>(() => IncomeRhythmFacts.BucketsFromUtcHours([new UtcHourTotal(new DateTime(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc), true, 1m, 1)], india));
        Should.Throw<ArgumentException>(() => IncomeRhythmFacts.BucketsFromUtcHours([new UtcHourTotal(new DateTime(2026, 11, 20, 16, 30, 0, DateTimeKind.Utc), true, 1m, 1)], Wib));
    }

    [Theory]
    [InlineData(14, "14%", "14%")]
    [InlineData(13.75, "13,8%", "13.8%")]
    [InlineData(0.05, "0,1%", "0.1%")]
    [InlineData(0.04, "0%", "0%")]
    [InlineData(100, "100%", "100%")]
    [InlineData(1234.5, "1234,5%", "1234.5%")]
    public void Percentages_are_written_as_the_app_writes_them_with_at_most_one_decimal(decimal percent, string indonesian, string english)
    {
        IncomeRhythmWording.Percent(percent, Id).ShouldBe(indonesian);
        IncomeRhythmWording.Percent(percent, En).ShouldBe(english);
    }

    [Theory]
    [InlineData(12.5, "+12,5%")]
    [InlineData(-3, "-3%")]
    [InlineData(0, "0%")]
    [InlineData(-0.04, "0%")]
    public void A_change_carries_its_sign(decimal percent, string expected) => IncomeRhythmWording.SignedPercent(percent, Id).ShouldBe(expected);

    [Fact]
    public void Weekdays_and_hours_read_as_people_write_them()
    {
        Enumerable.Range(1, 7).Select(d => IncomeRhythmWording.WeekdayName(d, Id)).ShouldBe(["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]);
        IncomeRhythmWording.WeekdayName(7, En).ShouldBe("Sunday");
        IncomeRhythmWording.HourRange(8, 9, Id).ShouldBe("08.00–09.00");
        IncomeRhythmWording.HourRange(23, 24, En).ShouldBe("23:00–24:00");
        Should.Throw<ArgumentOutOfRangeException>(() => IncomeRhythmWording.WeekdayName(0, Id));
    }
}
