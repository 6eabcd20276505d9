using Bunit;
using Microsoft.AspNetCore.Components;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Sweep;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Sweep;

/// <summary>A step's checklist on MudBlazor: its rows come page by page from the store, and "Sudah dicek" records who.</summary>
public class SweepItemsGridTests : PageTestContext
{
    private static readonly DateOnly Saturday = new(2026, 11, 21);

    [Fact]
    public async Task Sudah_dicek_records_who_checked_with_the_note_and_tells_the_page()
    {
        var f = new SweepFixture(Test);
        await f.SeedShopAsync(Saturday);
        var sweep = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        await SignInAsync("fina", Roles.Finance);
        var told = 0;
        var grid = RenderPage<SweepItemsGrid>(p => p
            .Add(x => x.SweepId, sweep.SweepId)
            .Add(x => x.Kinds, SweepAnalysis.Step3Kinds)
            .Add(x => x.TestId, "step3")
            .Add(x => x.Changed, EventCallback.Factory.Create(this, () => told++)));
        grid.WaitForAssertion(() => grid.FindAll("[data-testid=check-item]").Count.ShouldBeGreaterThan(0));
        var open = grid.FindAll("[data-testid=check-item]").Count;

        grid.Find("[data-testid=note-step3]").Input("dicek dengan nota supplier");
        grid.FindAll("[data-testid=check-item]")[0].Click();

        grid.WaitForAssertion(() => grid.FindAll("[data-testid=check-item]").Count.ShouldBe(open - 1));
        told.ShouldBe(1);
        grid.Markup.ShouldContain("dicek dengan nota supplier");
        var (items, _) = await f.Query.ItemsAsync(sweep.SweepId, SweepAnalysis.Step3Kinds, false, 0, 50);
        items.Count(i => i.CheckedBy == "fina").ShouldBe(1);
    }

    [Fact]
    public async Task A_read_only_checklist_offers_no_check_button_and_no_note()
    {
        var f = new SweepFixture(Test);
        await f.SeedShopAsync(Saturday);
        var sweep = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        await SignInAsync("fina", Roles.Finance);

        var grid = RenderPage<SweepItemsGrid>(p => p
            .Add(x => x.SweepId, sweep.SweepId)
            .Add(x => x.Kinds, SweepAnalysis.Step3Kinds)
            .Add(x => x.ReadOnly, true)
            .Add(x => x.TestId, "step3"));

        grid.WaitForAssertion(() => grid.Find("[data-testid=grid-step3]").TextContent.ShouldContain("CV KAIN"));
        grid.FindAll("[data-testid=check-item]").ShouldBeEmpty();
        grid.FindAll("[data-testid=note-step3]").ShouldBeEmpty();
    }
}
