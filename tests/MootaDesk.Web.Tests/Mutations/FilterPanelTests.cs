using MootaDesk.Core.BankAccounts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Direction = MootaDesk.Core.Mutations.Direction;
using MudBlazor.Services;
using MootaDesk.Core.Mutations;
using MootaDesk.Web.Mutations;

namespace MootaDesk.Web.Tests.Mutations;

public class FilterPanelTests : BunitContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover services dispose only asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    public FilterPanelTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
    }

    private (IRenderedComponent<MutationFilterPanel> Panel, List<MutationFilter> Applied) Render(MutationFilter start)
    {
        var applied = new List<MutationFilter>();
        Render<MudPopoverProvider>();
        var panel = Render<MutationFilterPanel>(p => p
            .Add(x => x.Filter, start)
            .Add(x => x.Accounts, [new AccountOption(1, "BCA Ops", "bca", "1234566789", "PT Toko", false)])
            .Add(x => x.Tags, [new TagOption(3, "DP", "#0891b2", null, false), new TagOption(4, "COD", "#ca8a04", null, false)])
            .Add(x => x.OnApply, EventCallback.Factory.Create<MutationFilter>(this, applied.Add)));
        return (panel, applied);
    }

    [Fact]
    public void Typing_text_and_amounts_then_applying_yields_that_filter()
    {
        var (panel, applied) = Render(new MutationFilter { Preset = DatePreset.Today, TagsAny = [3] });
        panel.Find("input[name=q]").Input("budi");
        panel.Find("input[name=min]").Input("Rp 1.500.000");
        panel.Find("input[name=max]").Input("2.000.000,50");
        panel.WaitForAssertion(() => panel.Find("input[name=max]").GetAttribute("value").ShouldBe("2.000.000,50"));
        panel.Find("[data-testid=filter-apply]").Click();

        panel.WaitForAssertion(() => applied.Count.ShouldBe(1, panel.Markup));
        applied[0].ShouldBe(new MutationFilter { Preset = DatePreset.Today, TagsAny = [3], Text = "budi", AmountMin = 1_500_000m, AmountMax = 2_000_000.5m });
        applied[0].ToQueryString().ShouldBe("tgl=hari-ini&min=1500000&maks=2000000.5&q=budi&tag=3");
    }

    [Fact]
    public void A_filter_from_the_url_fills_the_panel_and_an_unreadable_amount_is_reported_not_dropped()
    {
        var (panel, applied) = Render(MutationFilter.Parse("maks=250000&tanpa-catatan=1"));
        panel.Find("input[name=max]").GetAttribute("value").ShouldBe("Rp 250.000");
        panel.Find("input[name=max]").Input("dua ratus");
        panel.Find("[data-testid=filter-apply]").Click();
        applied.ShouldBeEmpty();
        panel.Find("[role=alert]").TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Reset_hands_back_the_empty_filter()
    {
        var (panel, applied) = Render(new MutationFilter { Direction = Direction.Debit, UntaggedOnly = true });
        panel.Find("[data-testid=filter-reset]").Click();
        applied.Single().ShouldBe(MutationFilter.Empty);
    }

    [Fact]
    public void The_panel_takes_its_colours_from_the_theme_so_it_follows_dark_mode()
    {
        var (panel, _) = Render(MutationFilter.Empty);
        panel.Find("[data-testid=filter-panel] .mud-paper").ShouldNotBeNull();
        panel.Markup.ShouldNotContain("#fff");
        panel.Markup.ShouldNotContain("rz-");
    }

    [Fact]
    public void Labels_are_field_labels_so_they_stay_visible_once_a_field_is_filled()
    {
        var (panel, _) = Render(MutationFilter.Parse("q=budi"));
        var text = panel.Find("input[name=q]");
        text.GetAttribute("value").ShouldBe("budi");
        // MudBlazor keeps an outlined field's label above the value ("shrunk"), unlike a placeholder, which disappears.
        text.Closest(".mud-input-control")!.QuerySelector("label.mud-input-label")!.TextContent.ShouldBe("Cari");
    }
}
