using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform.Layout;

namespace MootaDesk.Web.Tests.Platform;

public class NavMenuTests : BunitContext
{
    public NavMenuTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
    }

    private string[] Links(params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(roles);
        var menu = Render<NavMenu>();
        return menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "").Where(h => h.Length > 0).ToArray();
    }

    [Fact]
    public void CS_sees_mutations_proof_and_orders_only() =>
        Links(Roles.CS).ShouldBe(["mutasi", "sweep/tugas", "bukti", "pesanan"], ignoreOrder: true);

    [Fact]
    // The income rhythm link shows to Finance too: the page itself says when the Owner has not allowed it (a business setting
    // the menu does not read).
    public void Finance_sees_the_daily_work_accounts_and_the_income_rhythm_but_not_other_owner_areas() =>
        Links(Roles.Finance).ShouldBe(["mutasi", "sweep", "sweep/tugas", "bukti", "pesanan", "rekening", "laporan/ritme"], ignoreOrder: true);

    [Fact]
    public void Ops_sees_integrations_but_not_the_sweep_or_proof() =>
        Links(Roles.Ops).ShouldBe(["mutasi", "pesanan", "rekening", "integrasi"], ignoreOrder: true);

    [Fact]
    public void Owner_sees_every_area() =>
        Links(Roles.Owner).ShouldBe(["mutasi", "sweep", "sweep/tugas", "bukti", "pesanan", "rekening", "integrasi", "laporan", "laporan/ritme", "pengaturan"], ignoreOrder: true);

    [Fact]
    public void The_menu_speaks_Indonesian_by_default()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(Roles.Finance);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new("id-ID");
        try
        {
            Render<NavMenu>().Markup.ShouldContain("Mutasi");
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = previous; }
    }

    [Fact]
    public void Each_link_shows_its_area_name_and_the_home_link_comes_first()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(Roles.Owner);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new("id-ID");
        try
        {
            var links = Render<NavMenu>().FindAll(".mud-nav-link");
            links[0].TextContent.ShouldContain("Beranda");
            links.Select(a => a.TextContent.Trim()).ShouldContain(t => t.Contains("Laporan Owner"));
            links.Select(a => a.TextContent.Trim()).ShouldContain(t => t.Contains("Bukti Transfer"));
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = previous; }
    }
}
