using Bunit;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Sweep;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Sweep;

/// <summary>"Tugas saya" on MudBlazor: a CS agent places a credit of the sweep by order number or note.</summary>
public class CsTasksPageTests : PageTestContext
{
    private static readonly DateOnly Saturday = new(2026, 11, 21);

    private async Task<(SweepFixture F, string CsId)> AssignedAsync()
    {
        var f = new SweepFixture(Test);
        var shop = await f.SeedShopAsync(Saturday);
        var sweep = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        var csId = await AddUserAsync("cece", Roles.CS);
        var (items, _) = await f.Query.ItemsAsync(sweep.SweepId, [SweepItemKind.CreditWithoutReference], false, 0, 10);
        await f.Commands.AssignAsync(sweep.SweepId, [items.Single(i => i.MutationId == shop.Credit1).Id], csId, Test.Clock.UtcNow.AddHours(4),
            SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance));
        // The business keeps its orders here, so an order number must name one of them.
        await using var db = Test.CreateDbContext();
        db.Orders.Add(new Order
        {
            Reference = "INV-2026-0007", CustomerName = "Budi", Amount = 150_000m, PayableAmount = 150_000m, AccountId = shop.Bca,
            CreatedAt = Test.Clock.UtcNow, ExpiresAt = Test.Clock.UtcNow.AddDays(1),
        });
        await db.SaveChangesAsync();
        return (f, csId);
    }

    private async Task<IRenderedComponent<CsTasksPage>> RenderAsCsAsync(string csId)
    {
        await ActAsAsync(csId, "cece", Roles.CS);
        var page = RenderPage<CsTasksPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=task-done]").Count.ShouldBe(1));
        return page;
    }

    [Fact]
    public async Task An_order_number_that_does_not_exist_is_refused_under_the_task_and_what_was_typed_stays()
    {
        var (_, csId) = await AssignedAsync();
        var page = await RenderAsCsAsync(csId);

        page.Find("[data-testid=task-reference]").Change("INV-2026-9999");
        page.Find("[data-testid=task-done]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=task-error]").TextContent.ShouldContain("tidak ditemukan"));
        page.Find("[data-testid=task-reference]").GetAttribute("value").ShouldBe("INV-2026-9999");
        await using var db = Test.CreateDbContext();
        (await db.CsTasks.SingleAsync()).Status.ShouldBe(CsTaskStatus.Open);
    }

    [Fact]
    public async Task A_known_order_number_completes_the_task_as_the_order_writes_it()
    {
        var (_, csId) = await AssignedAsync();
        var page = await RenderAsCsAsync(csId);

        page.Find("[data-testid=task-reference]").Change("inv-2026-0007");
        page.Find("[data-testid=task-done]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=task-done]").ShouldBeEmpty());
        page.Markup.ShouldContain("Selesai");
        await using var db = Test.CreateDbContext();
        (await db.CsTasks.SingleAsync()).Status.ShouldBe(CsTaskStatus.Done);
        (await db.Mutations.SingleAsync(m => m.SourceId == "c1")).OrderReference.ShouldBe("INV-2026-0007");
    }
}
