using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Sweep;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Sweep;

public class SweepItemsGridTests : BunitContext
{
    [Fact]
    public async Task Ticking_a_step_2_row_tells_the_page_so_the_assign_button_counts_it()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        var f = new SweepFixture(test);
        var shop = await f.SeedShopAsync(new DateOnly(2026, 11, 21));
        var sweep = await f.Prepare.PrepareAsync(new DateOnly(2026, 11, 21), SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddLocalization();
        AddAuthorization();
        Services.AddSingleton(f.Query);
        Services.AddSingleton(f.Commands);
        Services.AddSingleton<BusinessClock>(test.Clock);
        Services.AddSingleton(sp => new CurrentUser(sp.GetRequiredService<AuthenticationStateProvider>(), new CircuitClientInfo(), null!));

        var selected = new HashSet<long>();
        var told = 0;
        var grid = Render<SweepItemsGrid>(p => p
            .Add(x => x.SweepId, sweep.SweepId)
            .Add(x => x.Kinds, [SweepItemKind.CreditWithoutReference])
            .Add(x => x.Selectable, true)
            .Add(x => x.Selected, selected)
            .Add(x => x.SelectedChanged, EventCallback.Factory.Create(this, () => told++)));

        grid.WaitForAssertion(() => grid.FindAll(".rz-chkbox-box").Count.ShouldBeGreaterThan(1));
        // The first box is "only open"; the next is the step-2 credit's row.
        grid.FindAll(".rz-chkbox-box")[1].Click();

        told.ShouldBe(1);
        var (items, _) = await f.Query.ItemsAsync(sweep.SweepId, [SweepItemKind.CreditWithoutReference], false, 0, 10);
        selected.ShouldBe([items.Single(i => i.MutationId == shop.Credit1).Id]);
    }
}
