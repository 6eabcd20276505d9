using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.OwnerReports;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.OwnerReports;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.OwnerReports;

/// <summary>Laporan Owner: labels that never run together, account names never cut, Indonesian figures.</summary>
public class OwnerReportViewTests : IndonesianComponentTest
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    public OwnerReportViewTests()
    {
        Services.AddSingleton(new BusinessClock(TestTime.Create()));
    }

    private const string LongName = "BCA Rekening Operasional Toko Batik Sari Cabang Pekalongan (gaji & supplier)";

    private static OwnerReport Report(SummaryRow? latest = null) => new(
        latest, latest is null ? [] : [latest],
        Enumerable.Range(0, 30).Select(i => new IncomeDay(Today.AddDays(i - 29), 1_000_000m * (i % 4))).ToList(),
        [new IncomeAccount("Mandiri ·1234", 4_000_000m), new IncomeAccount(LongName, 12_000_000m), new IncomeAccount("BRI kosong", 0m)],
        [new WeekMetrics(new DateOnly(2026, 11, 23), 5_400, 1_234, 12, 200, 190)]);

    [Fact]
    public void Thirty_days_get_one_label_every_five_days_counted_back_from_today()
    {
        var labels = ChartLabels.SparseDays(Enumerable.Range(0, 30).Select(i => Today.AddDays(i - 29)).ToList(), 5, new CultureInfo("id-ID"));

        labels.Length.ShouldBe(30);
        labels.Count(l => l.Length > 0).ShouldBe(6);
        labels[^1].ShouldBe("30 Nov");
        labels[^6].ShouldBe("25 Nov");
        labels[^2].ShouldBe("");
        labels[4].ShouldBe("5 Nov");
        labels[0].ShouldBe("");
    }

    [Fact]
    public void The_day_chart_uses_those_labels_and_reads_its_axis_in_millions()
    {
        var view = Render<OwnerReportView>(p => p.Add(x => x.Report, Report()));

        view.Instance.DayLabels.Count(l => l.Length > 0).ShouldBe(6);
        view.Instance.DaySeries.ShouldHaveSingleItem().Name.ShouldBe("Pemasukan");
        view.Instance.DayOptions.YAxisToStringFunc!(12_500_000).ShouldBe("Rp 12,5 jt");
        view.Find("[data-testid=chart-days]").TextContent.ShouldContain("Rp 43.000.000");
    }

    [Fact]
    public void Accounts_show_their_full_names_richest_first_with_their_share_and_none_without_income()
    {
        var view = Render<OwnerReportView>(p => p.Add(x => x.Report, Report()));

        var rows = view.FindAll("[data-testid=account-income]");
        rows.Count.ShouldBe(2);
        rows[0].TextContent.ShouldContain(LongName);
        rows[0].TextContent.ShouldContain("Rp 12.000.000");
        rows[0].TextContent.ShouldContain("75");
        rows[1].TextContent.ShouldContain("Mandiri ·1234");
        view.Instance.AccountRows[0].BarPercent.ShouldBe(100);
        view.Instance.AccountRows[1].BarPercent.ShouldBe(100.0 / 3, 0.01);
    }

    [Fact]
    public void Weekly_figures_use_Indonesian_grouping_and_minutes_rather_than_seconds()
    {
        var view = Render<OwnerReportView>(p => p.Add(x => x.Report, Report()));

        var week = view.Find("[data-testid=weekly-metrics] tbody tr").TextContent;
        week.ShouldContain("1.234");
        week.ShouldContain("1 jam 30 menit");
        week.ShouldContain("95,0");
    }

    [Fact]
    public void Without_a_signed_off_sweep_both_summary_cards_say_so()
    {
        var view = Render<OwnerReportView>(p => p.Add(x => x.Report, Report()));

        view.Find("[data-testid=latest-summary]").TextContent.ShouldContain("Belum ada ringkasan yang ditandatangani.");
        view.Find("[data-testid=past-summaries]").TextContent.ShouldContain("Belum ada ringkasan yang ditandatangani.");
    }

    [Fact]
    public void A_demo_summary_carries_the_demo_badge()
    {
        var summary = new SummaryRow(Today, new OwnerSummary("Pemasukan Rp 1.000.000", "-", "-", "-", "-"), DateTime.UtcNow, "fina", IsDemo: true);
        var view = Render<OwnerReportView>(p => p.Add(x => x.Report, Report(summary)));

        view.Find("[data-testid=latest-summary]").TextContent.ShouldContain("Demo");
        view.Find("[data-testid=latest-summary]").TextContent.ShouldContain("Pemasukan Rp 1.000.000");
    }

    [Theory]
    [InlineData("1500000", 3, "1,5jt")]
    [InlineData("250000", 1, "250rb")]
    [InlineData("0", 0, "")]
    public void Heatmap_cells_read_in_Indonesian_short_figures(string amount, int count, string text)
    {
        var cell = IncomeRhythmPage.Heat(decimal.Parse(amount, CultureInfo.InvariantCulture), count, 3_000_000m, "Jumat 19.00");

        cell.Text.ShouldBe(text);
        if (count > 0) cell.Title.ShouldContain(Money.Format(decimal.Parse(amount, CultureInfo.InvariantCulture)));
        else cell.Style.ShouldBeEmpty();
    }
}
