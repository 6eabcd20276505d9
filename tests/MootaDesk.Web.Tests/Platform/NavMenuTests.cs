using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using MootaDesk.Core.OwnerReports.IncomeRhythm;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Platform.Layout;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform;

/// <summary>The sidebar asks the permission matrix, and for the income rhythm the Owner's setting (issue 15), over a real store.</summary>
public class NavMenuTests : BunitContext, IAsyncLifetime
{
    private TestDatabase store = default!;

    public NavMenuTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
    }

    public async Task InitializeAsync()
    {
        store = await TestDatabase.CreateAsync();
        Services.AddSingleton<IDbContextFactory<MootaDeskDbContext>>(store);
        Services.AddSingleton(store.Clock);
        Services.AddSingleton<TimeProvider>(store.Time);
        Services.AddSingleton(Options.Create(new MootaDeskOptions()));
        Services.AddSingleton<BusinessSettings>();
        Services.AddOptions<SweepOptions>();
        Services.AddSingleton<IncomeRhythmQuery>();
    }

    async Task IAsyncLifetime.DisposeAsync() => await store.DisposeAsync();


    private string[] Links(params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(roles);
        return Hrefs(Render<NavMenu>());
    }

    private static string[] Hrefs(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "").Where(h => h.Length > 0).ToArray();

    [Fact]
    public void CS_sees_mutations_proof_and_orders_only() =>
        Links(Roles.CS).ShouldBe(["mutasi", "sweep/tugas", "bukti", "pesanan"], ignoreOrder: true);

    [Fact]
    public void Finance_sees_the_daily_work_and_accounts_but_no_owner_area_while_the_Owner_has_not_allowed_the_income_rhythm() =>
        Links(Roles.Finance).ShouldBe(["mutasi", "sweep", "sweep/tugas", "bukti", "pesanan", "rekening"], ignoreOrder: true);

    [Fact]
    public async Task Finance_sees_the_income_rhythm_once_the_Owner_allows_it_and_no_longer_when_withdrawn()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("fina");
        auth.SetRoles(Roles.Finance);
        var settings = Services.GetRequiredService<BusinessSettings>();

        await settings.SetAsync(IncomeRhythmQuery.FinanceAllowedKey, "true", Actor.System);
        Hrefs(Render<NavMenu>()).ShouldContain("laporan/ritme");
        await settings.SetAsync(IncomeRhythmQuery.FinanceAllowedKey, "false", Actor.System);
        Hrefs(Render<NavMenu>()).ShouldNotContain("laporan/ritme");
    }

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
