using System.Globalization;
using MootaDesk.Core.OwnerReports.IncomeRhythm;
using static MootaDesk.Core.Tests.OwnerReports.IncomeRhythm.Zones;

namespace MootaDesk.Core.Tests.OwnerReports.IncomeRhythm;

public class IncomeHeatmapTests
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    // Friday 20 Nov 2026 – Sunday 22 Nov 2026, one week around it.
    private static readonly IncomeRhythmPeriod Week = new(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22));

    private static IncomeRhythmEntry Credit(DateTime utc, decimal amount, bool hasTime = true) => new(utc, hasTime, amount);

    private static HeatmapCell Cell(IncomeRhythmReport r, int weekday, int hour) => r.Cells.Single(c => c.Weekday == weekday && c.Hour == hour);

    [Fact]
    public void A_credit_at_23_59_WIB_is_Friday_night_and_one_at_00_00_WIB_is_Saturday_though_both_are_Friday_in_UTC()
    {
        // 23:59 WIB Fri 20 Nov = 16:59 UTC Fri; 00:00 WIB Sat 21 Nov = 17:00 UTC Fri.
        var r = IncomeRhythmAnalysis.Analyse([
            Credit(new DateTime(2026, 11, 20, 16, 59, 0, DateTimeKind.Utc), 100_000m),
            Credit(new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc), 40_000m),
        ], Wib, Week);

        Cell(r, 5, 23).ShouldBe(new HeatmapCell(5, 23, 100_000m, 1));
        Cell(r, 6, 0).ShouldBe(new HeatmapCell(6, 0, 40_000m, 1));
        r.Cells.Where(c => c.Count > 0).Count().ShouldBe(2);
    }

    [Theory]
    // 15:30 UTC Fri 20 Nov: 22:30 WIB Fri, 23:30 WITA Fri, 00:30 WIT Sat.
    [InlineData("Asia/Jakarta", 5, 22)]
    [InlineData("Asia/Makassar", 5, 23)]
    [InlineData("Asia/Jayapura", 6, 0)]
    public void The_same_instant_falls_in_the_hour_and_weekday_of_the_business_zone(string zoneId, int weekday, int hour)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var r = IncomeRhythmAnalysis.Analyse([Credit(new DateTime(2026, 11, 20, 15, 30, 0, DateTimeKind.Utc), 75_000m)], zone, Week);

        Cell(r, weekday, hour).Amount.ShouldBe(75_000m);
        r.Cells.Sum(c => c.Count).ShouldBe(1);
    }

    [Theory]
    [InlineData("Asia/Jakarta")]
    [InlineData("Asia/Makassar")]
    [InlineData("Asia/Jayapura")]
    public void A_mutation_with_only_its_day_known_goes_to_the_time_unknown_row_never_to_hour_0(string zoneId)
    {
        // Moota sends 00:00:00 Jakarta time for a day-only mutation: 17:00 UTC the day before. That is 00:00 WIB,
        // 01:00 WITA and 02:00 WIT of Saturday 21 Nov in every zone.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var r = IncomeRhythmAnalysis.Analyse([Credit(AtWib(2026, 11, 21, 0, 0), 500_000m, hasTime: false)], zone, Week);

        r.Cells.ShouldAllBe(c => c.Count == 0 && c.Amount == 0);
        r.TimeUnknown.Single(t => t.Weekday == 6).ShouldBe(new TimeUnknownDay(6, 500_000m, 1));
        r.TimeUnknown.Where(t => t.Weekday != 6).ShouldAllBe(t => t.Count == 0);
        r.MoneyIn.Amount.ShouldBe(500_000m);
        r.Busiest.ShouldBeEmpty(); // no hour is known, so no hour can be named busiest
    }

    [Fact]
    public void Cells_are_all_168_weekday_hours_Monday_midnight_first_and_with_the_unknown_row_add_up_to_money_in()
    {
        var r = IncomeRhythmAnalysis.Analyse([
            Credit(AtWib(2026, 11, 16, 9), 10_000m), Credit(AtWib(2026, 11, 22, 23, 30), 20_000m), Credit(AtWib(2026, 11, 18), 30_000m, hasTime: false),
        ], Wib, Week);

        r.Cells.Count.ShouldBe(168);
        r.Cells[0].ShouldBe(new HeatmapCell(1, 0, 0m, 0));
        r.Cells[^1].ShouldBe(new HeatmapCell(7, 23, 20_000m, 1));
        r.Cells[9].ShouldBe(new HeatmapCell(1, 9, 10_000m, 1));
        r.TimeUnknown.Select(t => t.Weekday).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        (r.Cells.Sum(c => c.Amount) + r.TimeUnknown.Sum(t => t.Amount)).ShouldBe(r.MoneyIn.Amount);
        r.MoneyIn.ShouldBe(new MoneyFigures(60_000m, 3, 20_000m));
    }

    [Fact]
    public void Credits_outside_the_period_are_not_in_the_heatmap()
    {
        var r = IncomeRhythmAnalysis.Analyse([Credit(AtWib(2026, 11, 15, 23, 59), 1_000m), Credit(AtWib(2026, 11, 23, 0, 0), 2_000m)], Wib, Week);
        r.MoneyIn.ShouldBe(MoneyFigures.None);
        r.Cells.ShouldAllBe(c => c.Count == 0);
    }

    /// <summary>
    /// Hand-computed week (WIB), money in Rp 2.000.000:
    ///   Fri 19h 2 × 150.000 = 300.000 (the peak) · Fri 20h 200.000 (≥ 150.000, half the peak: joins) · Fri 21h 100.000 (&lt; 150.000: stays out)
    ///   Sat 10h 250.000 · Sat 11h 125.000 (exactly half of 250.000: joins)
    ///   Sun 08h 150.000 · Mon (day only) 875.000, which counts in the shares' base but names no hour.
    /// Stretches: Fri 19–21 = 500.000 = 25 %; Sat 10–12 = 375.000 = 18,75 % → 18,8 % (half away from zero);
    /// Sun 08–09 = 150.000 = 7,5 %. Fri 21h (100.000, 5 %) would be fourth.
    /// </summary>
    [Fact]
    public void The_three_busiest_stretches_grow_from_each_peak_into_neighbours_bringing_at_least_half_as_much()
    {
        var r = IncomeRhythmAnalysis.Analyse([
            Credit(AtWib(2026, 11, 20, 19, 5), 150_000m), Credit(AtWib(2026, 11, 20, 19, 40), 150_000m),
            Credit(AtWib(2026, 11, 20, 20, 15), 200_000m),
            Credit(AtWib(2026, 11, 20, 21, 0), 100_000m),
            Credit(AtWib(2026, 11, 21, 10, 30), 250_000m),
            Credit(AtWib(2026, 11, 21, 11, 59), 125_000m),
            Credit(AtWib(2026, 11, 22, 8, 0), 150_000m),
            Credit(AtWib(2026, 11, 16, 0, 0), 875_000m, hasTime: false),
        ], Wib, Week);

        r.MoneyIn.Amount.ShouldBe(2_000_000m);
        r.Busiest.ShouldBe([
            new BusyHours(5, 19, 21, 500_000m, 3, 25m),
            new BusyHours(6, 10, 12, 375_000m, 2, 18.8m),
            new BusyHours(7, 8, 9, 150_000m, 1, 7.5m),
        ]);
        r.Busiest.Select(b => IncomeRhythmWording.Describe(b, Id)).ShouldBe([
            "Jumat 19.00–21.00: 25% dari pemasukan",
            "Sabtu 10.00–12.00: 18,8% dari pemasukan",
            "Minggu 08.00–09.00: 7,5% dari pemasukan",
        ]);
        IncomeRhythmWording.Describe(r.Busiest[0], En).ShouldBe("Friday 19:00–21:00: 25% of money in");
    }

    [Fact]
    public void A_stretch_never_runs_over_midnight_into_the_next_weekday()
    {
        // Fri 23h and Sat 00h bring the same money: two stretches, Friday's first (earlier weekday on a tie), 50 % each.
        var r = IncomeRhythmAnalysis.Analyse([Credit(AtWib(2026, 11, 20, 23, 30), 100_000m), Credit(AtWib(2026, 11, 21, 0, 30), 100_000m)], Wib, Week);

        r.Busiest.ShouldBe([new BusyHours(5, 23, 24, 100_000m, 1, 50m), new BusyHours(6, 0, 1, 100_000m, 1, 50m)]);
        IncomeRhythmWording.Describe(r.Busiest[0], Id).ShouldBe("Jumat 23.00–24.00: 50% dari pemasukan");
    }

    [Fact]
    public void A_stretch_takes_every_neighbouring_hour_bringing_at_least_half_of_its_peak_on_both_sides()
    {
        // Wed: 09h 60.000, 10h 100.000 (peak), 11h 80.000, 12h 55.000 → 09–13 (every hour ≥ 50.000), 295.000 of 295.000 = 100 %.
        var r = IncomeRhythmAnalysis.Analyse([
            Credit(AtWib(2026, 11, 18, 9), 60_000m), Credit(AtWib(2026, 11, 18, 10), 100_000m),
            Credit(AtWib(2026, 11, 18, 11), 80_000m), Credit(AtWib(2026, 11, 18, 12), 55_000m),
        ], Wib, Week);

        r.Busiest.ShouldBe([new BusyHours(3, 9, 13, 295_000m, 4, 100m)]);
    }

    [Fact]
    public void A_later_stretch_stops_at_an_hour_already_named_and_stretches_are_listed_by_their_money()
    {
        // Wed: 10h 100.000 (first peak; 11h's 45.000 is under its half, 50.000) · 11h 45.000 · 12h 80.000 (second peak,
        // half = 40.000: 11h joins, 10h is taken). Money in 225.000: 11–13 = 125.000 = 55,55… % → 55,6 %; 10–11 = 100.000 = 44,44… % → 44,4 %.
        var r = IncomeRhythmAnalysis.Analyse([
            Credit(AtWib(2026, 11, 18, 10), 100_000m), Credit(AtWib(2026, 11, 18, 11), 45_000m), Credit(AtWib(2026, 11, 18, 12), 80_000m),
        ], Wib, Week);

        r.Busiest.ShouldBe([new BusyHours(3, 11, 13, 125_000m, 2, 55.6m), new BusyHours(3, 10, 11, 100_000m, 1, 44.4m)]);
    }

    [Fact]
    public void An_empty_period_has_empty_cells_and_names_no_busy_hours()
    {
        var r = IncomeRhythmAnalysis.Analyse([], Wib, Week);
        r.Cells.Count.ShouldBe(168);
        r.Cells.ShouldAllBe(c => c.Amount == 0 && c.Count == 0);
        r.TimeUnknown.ShouldAllBe(t => t.Amount == 0 && t.Count == 0);
        r.Busiest.ShouldBeEmpty();
        r.MoneyIn.ShouldBe(new MoneyFigures(0m, 0, null));
    }
}
