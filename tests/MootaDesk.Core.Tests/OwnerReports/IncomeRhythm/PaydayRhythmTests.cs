using MootaDesk.Core.OwnerReports.IncomeRhythm;
using static MootaDesk.Core.Tests.OwnerReports.IncomeRhythm.Zones;

namespace MootaDesk.Core.Tests.OwnerReports.IncomeRhythm;

public class PaydayRhythmTests
{
    private static readonly IncomeRhythmWindows Windows = IncomeRhythmWindows.Default;

    private static IncomeRhythmEntry Credit(DateTime utc, decimal amount) => new(utc, true, amount);

    [Theory]
    [InlineData(2026, 12, 25, IncomeWindow.Payday)]
    [InlineData(2026, 12, 31, IncomeWindow.Payday)]
    [InlineData(2027, 1, 1, IncomeWindow.Payday)]
    [InlineData(2027, 1, 5, IncomeWindow.Payday)]
    [InlineData(2027, 1, 6, IncomeWindow.Other)]
    [InlineData(2027, 1, 11, IncomeWindow.Other)]
    [InlineData(2027, 1, 12, IncomeWindow.Booster)]
    [InlineData(2027, 1, 14, IncomeWindow.Booster)]
    [InlineData(2027, 1, 15, IncomeWindow.Other)]
    [InlineData(2027, 1, 18, IncomeWindow.Booster)]
    [InlineData(2027, 1, 20, IncomeWindow.Booster)]
    [InlineData(2027, 1, 24, IncomeWindow.Other)]
    [InlineData(2027, 2, 28, IncomeWindow.Payday)]
    public void Days_fall_in_the_default_windows(int year, int month, int day, IncomeWindow expected) =>
        Windows.WindowOf(new DateOnly(year, month, day)).ShouldBe(expected);

    [Theory]
    // The window 25 Dec – 5 Jan belongs to January, the month it ends in; 24 Dec is still December's cycle.
    [InlineData("2026-12-24", "2026-12-01")]
    [InlineData("2026-12-25", "2027-01-01")]
    [InlineData("2026-12-31", "2027-01-01")]
    [InlineData("2027-01-05", "2027-01-01")]
    [InlineData("2027-01-24", "2027-01-01")]
    [InlineData("2027-01-25", "2027-02-01")]
    public void A_payday_window_over_the_year_end_belongs_to_the_month_it_ends_in(string day, string month) =>
        Windows.MonthOf(DateOnly.Parse(day)).ShouldBe(DateOnly.Parse(month));

    [Theory]
    [InlineData("2027-01-01", "2026-12-25", "2027-01-24")]
    [InlineData("2027-03-01", "2027-02-25", "2027-03-24")] // from a 28-day February
    [InlineData("2028-03-01", "2028-02-25", "2028-03-24")] // from a leap February
    [InlineData("2027-02-01", "2027-01-25", "2027-02-24")]
    public void A_rhythm_month_is_the_cycle_from_the_25th_before_to_its_24th(string month, string from, string to) =>
        Windows.CycleOf(DateOnly.Parse(month)).ShouldBe((DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void A_payday_start_beyond_February_s_last_day_starts_March_s_cycle_on_the_first()
    {
        // Payday 30–5: February 2027 has no 30th, so the window ending 5 March starts on 1 March, and February's cycle
        // (30 Jan – 28 Feb) ends with February.
        var w = IncomeRhythmWindows.Create(new DayRange(30, 5), [new DayRange(14, 16)]);
        w.CycleOf(new DateOnly(2027, 3, 1)).ShouldBe((new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 29)));
        w.CycleOf(new DateOnly(2027, 2, 1)).ShouldBe((new DateOnly(2027, 1, 30), new DateOnly(2027, 2, 28)));
        w.MonthOf(new DateOnly(2027, 2, 28)).ShouldBe(new DateOnly(2027, 2, 1));
        w.WindowOf(new DateOnly(2027, 2, 28)).ShouldBe(IncomeWindow.Other);
        w.WindowOf(new DateOnly(2027, 3, 1)).ShouldBe(IncomeWindow.Payday);
    }

    [Fact]
    public void A_payday_window_that_does_not_wrap_makes_the_rhythm_month_the_calendar_month()
    {
        var w = IncomeRhythmWindows.Create(new DayRange(1, 5), []);
        w.CycleOf(new DateOnly(2027, 2, 10)).ShouldBe((new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28)));
        w.MonthOf(new DateOnly(2027, 1, 31)).ShouldBe(new DateOnly(2027, 1, 1));
    }

    [Theory]
    [InlineData(25, 5, 12, 14, null)]
    [InlineData(0, 5, 12, 14, IncomeRhythmWindows.Problems.DayOutOfRange)]
    [InlineData(25, 5, 12, 32, IncomeRhythmWindows.Problems.DayOutOfRange)]
    [InlineData(25, 5, 14, 12, IncomeRhythmWindows.Problems.BoosterReversed)]
    [InlineData(25, 5, 4, 8, IncomeRhythmWindows.Problems.Overlap)]
    [InlineData(25, 5, 20, 26, IncomeRhythmWindows.Problems.Overlap)]
    [InlineData(6, 5, 12, 14, IncomeRhythmWindows.Problems.PaydayWholeMonth)]
    public void Windows_that_cannot_work_are_refused_with_a_message_key(int paydayFrom, int paydayTo, int boosterFrom, int boosterTo, string? problem)
    {
        IncomeRhythmWindows.Problem(new DayRange(paydayFrom, paydayTo), [new DayRange(boosterFrom, boosterTo)]).ShouldBe(problem);
        if (problem is not null)
            Should.Throw<ArgumentException>(() => IncomeRhythmWindows.Create(new DayRange(paydayFrom, paydayTo), [new DayRange(boosterFrom, boosterTo)]))
                .Message.ShouldContain(problem);
    }

    [Fact]
    public void Two_boosters_on_the_same_day_are_refused()
    {
        IncomeRhythmWindows.Problem(new DayRange(25, 5), [new DayRange(12, 14), new DayRange(14, 16)]).ShouldBe(IncomeRhythmWindows.Problems.Overlap);
    }

    /// <summary>
    /// Period 25 Dec 2026 – 24 Feb 2027 (the January and February 2027 cycles, both whole), WIB. December's cycle
    /// (25 Nov – 24 Dec) lies in the lookback: only the change uses it.
    ///
    /// December 2026:  payday  28 Nov 100.000                                          = 100.000 (1)
    ///                 booster 13 Dec  50.000                                          =  50.000 (1)
    ///                 other    8 Dec  30.000                                          =  30.000 (1)      total 180.000 (3), avg 60.000
    /// January 2027:   payday  25 Dec 200.000 · 31 Dec 23.59 100.000 · 1 Jan 00.00 100.000 · 5 Jan 60.000 = 460.000 (4), avg 115.000
    ///                 booster 12 Jan 70.000 · 20 Jan 50.000                           = 120.000 (2), avg  60.000
    ///                 other    6 Jan 40.000 · 24 Jan 20.000                           =  60.000 (2), avg  30.000
    ///                                                                        total 640.000 (8), avg  80.000
    /// February 2027:  payday  25 Jan 300.000 · 5 Feb 160.000                          = 460.000 (2), avg 230.000
    ///                 booster 14 Feb 90.000                                           =  90.000 (1)
    ///                 other   24 Feb 45.000                                           =  45.000 (1)      total 595.000 (4)
    ///
    /// January vs December: payday +360.000 (+360 %), booster +70.000 (+140 %), other +30.000 (+100 %),
    ///                      total +460.000 (460/180 = +255,55… % → +255,6 %), 5 more payments, average +20.000.
    /// February vs January: payday ±0 (0 %), 2 fewer payments, average +115.000; booster −30.000 (−25 %); other −15.000
    ///                      (−25 %); total −45.000 (−45/640 = −7,03… % → −7 %).
    /// </summary>
    private static readonly IncomeRhythmEntry[] TwoCycles =
    [
        Credit(AtWib(2026, 11, 28), 100_000m), Credit(AtWib(2026, 12, 13), 50_000m), Credit(AtWib(2026, 12, 8), 30_000m),
        Credit(AtWib(2026, 12, 25), 200_000m), Credit(AtWib(2026, 12, 31, 23, 59), 100_000m), Credit(AtWib(2027, 1, 1, 0, 0), 100_000m),
        Credit(AtWib(2027, 1, 5), 60_000m), Credit(AtWib(2027, 1, 12), 70_000m), Credit(AtWib(2027, 1, 20), 50_000m),
        Credit(AtWib(2027, 1, 6), 40_000m), Credit(AtWib(2027, 1, 24), 20_000m),
        Credit(AtWib(2027, 1, 25), 300_000m), Credit(AtWib(2027, 2, 5), 160_000m), Credit(AtWib(2027, 2, 14), 90_000m), Credit(AtWib(2027, 2, 24), 45_000m),
    ];

    [Fact]
    public void Each_month_has_one_whole_payday_window_its_boosters_and_the_rest_with_the_change_against_the_month_before()
    {
        var r = IncomeRhythmAnalysis.Analyse(TwoCycles, Wib, new IncomeRhythmPeriod(new DateOnly(2026, 12, 25), new DateOnly(2027, 2, 24)));

        r.Months.Count.ShouldBe(2);
        var jan = r.Months[0];
        (jan.Year, jan.Month, jan.CycleFrom, jan.CycleTo, jan.IsWhole).ShouldBe((2027, 1, new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 24), true));
        jan.Payday.Figures.ShouldBe(new MoneyFigures(460_000m, 4, 115_000m));
        jan.Booster.Figures.ShouldBe(new MoneyFigures(120_000m, 2, 60_000m));
        jan.Other.Figures.ShouldBe(new MoneyFigures(60_000m, 2, 30_000m));
        jan.Total.Figures.ShouldBe(new MoneyFigures(640_000m, 8, 80_000m));
        jan.Payday.Change.ShouldBe(new WindowChange(new MoneyFigures(100_000m, 1, 100_000m), 360_000m, 360m, 3, 15_000m));
        jan.Booster.Change.ShouldBe(new WindowChange(new MoneyFigures(50_000m, 1, 50_000m), 70_000m, 140m, 1, 10_000m));
        jan.Other.Change!.AmountPercent.ShouldBe(100m);
        jan.Total.Change.ShouldBe(new WindowChange(new MoneyFigures(180_000m, 3, 60_000m), 460_000m, 255.6m, 5, 20_000m));

        var feb = r.Months[1];
        (feb.Year, feb.Month, feb.IsWhole).ShouldBe((2027, 2, true));
        feb.Payday.Figures.ShouldBe(new MoneyFigures(460_000m, 2, 230_000m));
        feb.Payday.Change.ShouldBe(new WindowChange(jan.Payday.Figures, 0m, 0m, -2, 115_000m));
        feb.Booster.Change!.AmountPercent.ShouldBe(-25m);
        feb.Other.Change!.AmountDelta.ShouldBe(-15_000m);
        feb.Total.Figures.ShouldBe(new MoneyFigures(595_000m, 4, 148_750m));
        feb.Total.Change!.AmountPercent.ShouldBe(-7m);

        // The same money in every view: windows, months and the period's money in agree.
        r.Windows.ShouldBe(new IncomeWindows(new MoneyFigures(920_000m, 6, 153_333m), new MoneyFigures(210_000m, 3, 70_000m), new MoneyFigures(105_000m, 3, 35_000m)));
        r.MoneyIn.Amount.ShouldBe(1_235_000m);
        r.Months.Sum(m => m.Total.Figures.Amount).ShouldBe(r.MoneyIn.Amount);
    }

    [Fact]
    public void A_calendar_month_period_cuts_the_cycles_so_its_months_are_partial_and_give_no_change()
    {
        // 1–31 Jan 2027: January's cycle is covered 1–24 Jan (payday 1 Jan 100.000 + 5 Jan 60.000 = 160.000; the 25 and
        // 31 Dec credits are outside the period), February's 25–31 Jan (payday 25 Jan 300.000). 31 Dec 23.59 WIB is not in.
        var r = IncomeRhythmAnalysis.Analyse(TwoCycles, Wib, new IncomeRhythmPeriod(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)));

        r.Months.Select(m => (m.Month, m.CoveredFrom, m.CoveredTo, m.IsWhole)).ShouldBe([
            (1, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 24), false),
            (2, new DateOnly(2027, 1, 25), new DateOnly(2027, 1, 31), false),
        ]);
        r.Months[0].Payday.Figures.ShouldBe(new MoneyFigures(160_000m, 2, 80_000m));
        r.Months[1].Payday.Figures.ShouldBe(new MoneyFigures(300_000m, 1, 300_000m));
        r.Months.ShouldAllBe(m => m.Payday.Change == null && m.Booster.Change == null && m.Other.Change == null && m.Total.Change == null);
        r.Months.Sum(m => m.Total.Figures.Amount).ShouldBe(r.MoneyIn.Amount);
        r.MoneyIn.Amount.ShouldBe(640_000m - 200_000m - 100_000m + 300_000m);
    }

    [Fact]
    public void Without_money_in_the_month_before_there_is_no_change()
    {
        var january = TwoCycles.Where(e => e.TransactionTimeUtc >= AtWib(2026, 12, 25, 0, 0)).ToList();
        var r = IncomeRhythmAnalysis.Analyse(january, Wib, new IncomeRhythmPeriod(new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 24)));

        r.Months.Single().Total.Figures.Amount.ShouldBe(640_000m);
        r.Months.Single().Total.Change.ShouldBeNull();
        r.Months.Single().Payday.Change.ShouldBeNull();
    }

    [Fact]
    public void A_window_that_was_empty_the_month_before_has_a_delta_but_no_percent()
    {
        // December: only an "other" day (8 Dec 30.000). January: booster 70.000 against nothing.
        var r = IncomeRhythmAnalysis.Analyse([Credit(AtWib(2026, 12, 8), 30_000m), Credit(AtWib(2027, 1, 12), 70_000m)], Wib,
            new IncomeRhythmPeriod(new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 24)));

        r.Months.Single().Booster.Change.ShouldBe(new WindowChange(MoneyFigures.None, 70_000m, null, 1, null));
        r.Months.Single().Other.Change.ShouldBe(new WindowChange(new MoneyFigures(30_000m, 1, 30_000m), -30_000m, -100m, -1, null));
    }

    [Theory]
    // 16:30 UTC 24 Jan 2027: 23.30 WIB on the 24th (January's quiet day), 00.30 WITA and 01.30 WIT on the 25th
    // (February's payday).
    [InlineData("Asia/Jakarta", 1, IncomeWindow.Other)]
    [InlineData("Asia/Makassar", 2, IncomeWindow.Payday)]
    [InlineData("Asia/Jayapura", 2, IncomeWindow.Payday)]
    public void The_business_zone_decides_on_which_side_of_a_window_a_late_evening_credit_falls(string zoneId, int month, IncomeWindow window)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var r = IncomeRhythmAnalysis.Analyse([Credit(new DateTime(2027, 1, 24, 16, 30, 0, DateTimeKind.Utc), 80_000m)], zone,
            new IncomeRhythmPeriod(new DateOnly(2026, 12, 25), new DateOnly(2027, 2, 24)));

        var row = r.Months.Single(m => m.Total.Figures.Count == 1);
        row.Month.ShouldBe(month);
        (window == IncomeWindow.Payday ? row.Payday : row.Other).Figures.Amount.ShouldBe(80_000m);
        (window == IncomeWindow.Payday ? r.Windows.Payday : r.Windows.Other).Amount.ShouldBe(80_000m);
    }

    [Fact]
    public void February_s_cycle_is_short_and_its_payday_window_still_whole()
    {
        // March 2027's cycle is 25 Feb – 24 Mar: 25–28 Feb and 1–5 Mar are its payday (9 days, February has 28).
        var r = IncomeRhythmAnalysis.Analyse([
            Credit(AtWib(2027, 2, 25), 10_000m), Credit(AtWib(2027, 2, 28, 23, 59), 20_000m), Credit(AtWib(2027, 3, 1, 0, 0), 30_000m),
            Credit(AtWib(2027, 3, 5), 40_000m), Credit(AtWib(2027, 3, 6), 50_000m),
        ], Wib, new IncomeRhythmPeriod(new DateOnly(2027, 2, 25), new DateOnly(2027, 3, 24)));

        var march = r.Months.Single();
        (march.Month, march.CycleFrom, march.CycleTo, march.IsWhole).ShouldBe((3, new DateOnly(2027, 2, 25), new DateOnly(2027, 3, 24), true));
        march.Payday.Figures.ShouldBe(new MoneyFigures(100_000m, 4, 25_000m));
        march.Other.Figures.ShouldBe(new MoneyFigures(50_000m, 1, 50_000m));
    }

    [Fact]
    public void An_empty_period_still_lists_its_months_with_zeros_and_no_averages()
    {
        var r = IncomeRhythmAnalysis.Analyse([], Wib, new IncomeRhythmPeriod(new DateOnly(2026, 12, 25), new DateOnly(2027, 2, 24)));

        r.Months.Select(m => m.Month).ShouldBe([1, 2]);
        r.Months.ShouldAllBe(m => m.Total.Figures == MoneyFigures.None && m.Total.Change == null);
        r.Windows.ShouldBe(new IncomeWindows(MoneyFigures.None, MoneyFigures.None, MoneyFigures.None));
    }
}
