using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Platform.Search;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Layout;
using Direction = MootaDesk.Core.Mutations.Direction;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform.Layout;

/// <summary>The shell's parts that decide what a person sees: search results, the keyboard help, the person's name, the bell.</summary>
public class ShellComponentsTests : IndonesianComponentTest
{
    private readonly BusinessClock clock = new(TestTime.Create());

    public ShellComponentsTests()
    {
        Services.AddSingleton(clock);
    }

    private AppSearchResult Found() => new("hendra",
        [new MutationHit(42, 3, new DateOnly(2026, 11, 21), clock.UtcNow, true, "BCA Toko", "TRSF CR HENDRA", "HENDRA SAPUTRA", 150_123m, Direction.Credit, false)],
        [new OrderHit(7, "INV-0042", "Hendra Saputra", 150_123m, OrderStatus.Pending, clock.UtcNow, IsSandbox: true)],
        [new CustomerHit("Hendra Saputra", "6281234567890", 2, clock.UtcNow)],
        [new ProofHit(12, "K7QX-3M9P", 150_123m, "HENDRA SAPUTRA", "INV-0042", clock.UtcNow, false, false)]);

    [Fact]
    public void Search_results_come_grouped_in_Indonesian_each_linking_to_its_page()
    {
        var view = Render<AppSearchResults>(p => p.Add(x => x.Result, Found()));

        view.Find("[data-testid=search-group-mutations]").TextContent.ShouldBe("Mutasi");
        view.Find("[data-testid=search-group-orders]").TextContent.ShouldBe("Pesanan");
        view.Find("[data-testid=search-group-customers]").TextContent.ShouldBe("Pelanggan");
        view.Find("[data-testid=search-group-proofs]").TextContent.ShouldBe("Bukti transfer");
        var links = view.FindAll("[data-testid=search-hit]").Select(a => a.GetAttribute("href")).ToList();
        links[0].ShouldStartWith("mutasi?");
        links[0].ShouldEndWith("buka=42");
        links[1].ShouldBe("pesanan/7");
        MutationFilter.Parse(links[2]!.Split('?')[1]).Text.ShouldBe("Hendra Saputra");
        links[3].ShouldBe("bukti/12");
        view.Markup.ShouldContain("+Rp 150.123");
        view.Markup.ShouldContain("menunggu pembayaran");
        view.Markup.ShouldContain("2 pesanan");
        view.FindAll("[data-testid=demo-badge]").Count.ShouldBe(1); // the sandbox order only
    }

    [Fact]
    public void A_search_that_finds_nothing_says_so_in_a_sentence_with_what_to_try()
    {
        var view = Render<AppSearchResults>(p => p.Add(x => x.Result, AppSearchResult.None("zzz")));

        view.Find("[data-testid=app-search-empty]").TextContent.ShouldContain("Tidak ada yang cocok dengan “zzz”");
    }

    [Fact]
    public void Enter_opens_the_first_result_in_the_order_the_list_shows_them()
    {
        AppSearchBox.FirstLink(Found())!.ShouldEndWith("buka=42");
        AppSearchBox.FirstLink(Found() with { Mutations = [] }).ShouldBe("pesanan/7");
        AppSearchBox.FirstLink(AppSearchResult.None("x")).ShouldBeNull();
    }

    [Fact]
    public void Go_shortcuts_follow_the_menu_CS_cannot_jump_to_the_sweep_Finance_can()
    {
        KeyboardShortcuts.Target("g m", [Roles.CS]).ShouldBe("mutasi");
        KeyboardShortcuts.Target("g s", [Roles.CS]).ShouldBeNull();
        KeyboardShortcuts.Target("g s", [Roles.Finance]).ShouldBe("sweep");
        KeyboardShortcuts.Target("g k", [Roles.Finance]).ShouldBeNull();
        KeyboardShortcuts.Target("g k", [Roles.Owner]).ShouldBe("pengaturan");
        KeyboardShortcuts.Target("g h", [Roles.Ops]).ShouldBe("./");
        KeyboardShortcuts.Target("g x", [Roles.Owner]).ShouldBeNull();
    }

    [Fact]
    public void Every_go_letter_is_used_once()
    {
        var keys = KeyboardShortcuts.App(Roles.All).Select(s => s.Keys).ToList();
        keys.ShouldBeUnique();
        keys.ShouldContain("?");
        keys.ShouldContain("/");
    }

    [Fact]
    public async Task The_help_dialog_lists_the_app_s_shortcuts_and_Mutasi_s_own_in_Indonesian()
    {
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<ShortcutsDialog>
        {
            { d => d.AppShortcuts, KeyboardShortcuts.App([Roles.CS]) },
            { d => d.ShowMutations, true },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ShortcutsDialog>("Pintasan keyboard", parameters));

        var app = provider.Find("[data-testid=shortcuts-app]").TextContent;
        app.ShouldContain("Pindah ke kotak pencarian");
        app.ShouldContain("Buka Mutasi");
        app.ShouldNotContain("Sweep");
        var mutations = provider.Find("[data-testid=shortcuts-mutations]").TextContent;
        mutations.ShouldContain("Urungkan perubahan terakhir");
        provider.FindAll("[data-testid=shortcuts-app] kbd").Select(k => k.TextContent).ShouldContain("g");
        provider.Markup.ShouldContain("selama Anda mengetik");
    }

    [Fact]
    public void The_app_bar_shows_the_person_s_display_name_and_their_roles_in_words_never_the_login_name()
    {
        var badge = Render<UserBadge>(p => p.Add(x => x.DisplayName, "Sari Wulandari").Add(x => x.Roles, [Roles.Owner, Roles.Finance]));

        badge.Find("[data-testid=user-name]").TextContent.Trim().ShouldBe("Sari Wulandari");
        badge.Find("[data-testid=user-name]").GetAttribute("title").ShouldBe("Keamanan akun (Owner, Finance)");
        badge.Find("a").GetAttribute("href").ShouldBe("akun/dua-langkah");
    }

    [Fact]
    public void The_bell_s_empty_state_is_a_sentence()
    {
        var list = Render<NotificationList>(p => p.Add(x => x.Rows, []));

        list.Find("[data-testid=notification-empty]").TextContent.ShouldBe("Belum ada pemberitahuan.");
    }

    [Fact]
    public void The_bell_lists_notices_with_their_time_in_the_business_zone()
    {
        var menu = Render<NotificationList>(p => p.Add(x => x.Rows,
            [new NotificationRow(1, "Debit penting Rp 7.500.000 dari BCA Toko", "mutasi?buka=1", clock.UtcNow, false)]));

        menu.Markup.ShouldContain("Debit penting Rp 7.500.000");
        menu.Markup.ShouldContain("WIB");
        menu.FindAll("[data-testid=notification-empty]").ShouldBeEmpty();
    }
}
