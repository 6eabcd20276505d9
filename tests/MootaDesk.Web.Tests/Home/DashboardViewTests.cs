using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Home;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Home;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Home;

public class DashboardViewTests : IndonesianComponentTest
{
    public DashboardViewTests()
    {
        Services.AddSingleton(new BusinessClock(TestTime.Create()));
    }

    private static DashboardModel Model(decimal? moneyOut, bool demo = false, int recent = 1) => new(
        IsDemo: demo,
        Today: new DateOnly(2026, 11, 29),
        MoneyInToday: 1_500_000m,
        MoneyOutToday: moneyOut,
        MutationsToday: 12,
        UntaggedToday: 3,
        PendingOrders: 2,
        PendingOrdersTotal: 350_000m,
        LastReadTime: null,
        Days: [new(new DateOnly(2026, 11, 28), 2_000_000m, moneyOut ?? 0), new(new DateOnly(2026, 11, 29), 1_500_000m, moneyOut ?? 0)],
        Recent: Enumerable.Range(1, recent).Select(i => new RecentMutation(i, new DateTime(2026, 11, 29, 3, 0, 0, DateTimeKind.Utc), true, "BCA ·6789",
            "TRSF E-BANKING CR", "HENDRA SAPUTRA", 1_500_000m, Direction.Credit)).ToList());

    [Fact]
    public void Finance_sees_money_in_and_money_out_tiles_and_both_bars()
    {
        var view = Render<DashboardView>(p => p.Add(x => x.Model, Model(moneyOut: 7_000_000m)));

        view.Find("[data-testid=tile-in]").TextContent.ShouldContain("Rp 1.500.000");
        view.Find("[data-testid=tile-out]").TextContent.ShouldContain("Rp 7.000.000");
        view.Instance.Series.Select(s => s.Name).ShouldBe(["Masuk", "Keluar"]);
        view.Instance.Labels.ShouldBe(["28 Nov", "29"]);
        view.FindAll("[data-testid=demo-notice]").ShouldBeEmpty();
    }

    [Fact]
    public void CS_gets_no_money_out_tile_and_no_money_out_bars()
    {
        var view = Render<DashboardView>(p => p.Add(x => x.Model, Model(moneyOut: null)));

        view.FindAll("[data-testid=tile-out]").ShouldBeEmpty();
        view.Instance.Series.Select(s => s.Name).ShouldBe(["Masuk"]);
        view.Markup.ShouldNotContain("Uang keluar");
    }

    [Fact]
    public void Demo_figures_say_so_and_an_empty_store_says_where_mutations_come_from()
    {
        var view = Render<DashboardView>(p => p.Add(x => x.Model, Model(moneyOut: 0, demo: true, recent: 0)));

        view.Find("[data-testid=demo-notice]").TextContent.ShouldContain("data contoh");
        view.Find("[data-testid=dashboard-recent]").TextContent.ShouldContain("Hubungkan Moota");
        view.Find("[data-testid=tile-last-read]").TextContent.ShouldContain("Belum ada mutasi");
    }

    [Fact]
    public void The_latest_mutations_show_the_counterparty_and_a_signed_amount()
    {
        var view = Render<DashboardView>(p => p.Add(x => x.Model, Model(moneyOut: 0, recent: 2)));

        var rows = view.FindAll("[data-testid=dashboard-recent] tbody tr");
        rows.Count.ShouldBe(2);
        rows[0].TextContent.ShouldContain("HENDRA SAPUTRA");
        rows[0].TextContent.ShouldContain("+Rp 1.500.000");
        rows[0].TextContent.ShouldContain("WIB");
    }

    [Theory]
    [InlineData("12500000", "Rp 12,5 jt")]
    [InlineData("1000000", "Rp 1 jt")]
    [InlineData("750000", "Rp 750.000")]
    public void Chart_axis_labels_read_in_millions(string value, string expected) =>
        DashboardView.AxisLabel(decimal.Parse(value, CultureInfo.InvariantCulture)).ShouldBe(expected);
}
