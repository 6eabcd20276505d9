using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Sweep;

public class SweepPreparationTests
{
    private static readonly DateOnly Saturday = new(2026, 11, 21);

    [Fact]
    public async Task Preparing_a_day_builds_the_checklist_and_a_summary_without_sandbox_or_own_transfers()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        var f = new SweepFixture(test);
        var shop = await f.SeedShopAsync(Saturday);

        var result = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        result.Created.ShouldBeTrue();

        var view = (await f.Query.LoadAsync(Saturday)).ShouldNotBeNull();
        view.Header.Summary.Lines.Count.ShouldBe(5);
        view.Header.Summary.Income.ShouldBe("Pemasukan: Rp 400.000 (2 transaksi)");
        view.Header.Summary.Outflows.ShouldBe("Pengeluaran penting: CV KAIN Rp 7.000.000");
        view.Header.Summary.Refunds.ShouldBe("Refund: 1 (Rp 50.000)");
        view.Header.Summary.PendingOrders.ShouldBe("Pesanan menunggu bayar: tidak ada");

        var (step2, count2) = await f.Query.ItemsAsync(view.Header.Id, [SweepItemKind.CreditWithoutReference], false, 0, 50);
        count2.ShouldBe(1);
        step2.Single().MutationId.ShouldBe(shop.Credit1);

        var (step3, _) = await f.Query.ItemsAsync(view.Header.Id, SweepAnalysis.Step3Kinds, false, 0, 50);
        step3.Select(r => (r.Kind, r.MutationId)).OrderBy(x => x.Kind).ShouldBe(
        [
            (SweepItemKind.Refund, shop.Refund),
            (SweepItemKind.Supplier, shop.Supplier),
            (SweepItemKind.RefundWithoutOriginal, shop.Refund),
        ]);

        var bca = view.Accounts.Single(a => a.AccountId == shop.Bca);
        (bca.Count, bca.MoneyIn, bca.MoneyOut, bca.ClosingBalance).ShouldBe((4, 400_000m, 1_050_000m, (decimal?)350_000m));

        await using var db = test.CreateDbContext();
        (await db.Notifications.CountAsync(n => n.Role == Roles.Finance && n.Link == "sweep/2026-11-21")).ShouldBe(1);
        (await db.AuditEvents.CountAsync(a => a.Action == "sweep.prepare" && a.EntityId == "2026-11-21")).ShouldBe(1);
    }

    [Fact]
    public async Task Refreshing_keeps_checks_and_a_second_prepare_of_the_same_day_changes_nothing()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        var f = new SweepFixture(test);
        await f.SeedShopAsync(Saturday);
        var first = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        var (items, _) = await f.Query.ItemsAsync(first.SweepId, SweepAnalysis.Step3Kinds, false, 0, 50);
        await f.Commands.CheckItemsAsync(first.SweepId, [items[0].Id], true, "sudah dicek", SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance));

        var again = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Api, SweepFixture.ActorOf(SweepFixture.Finance));
        again.Created.ShouldBeFalse();
        again.SweepId.ShouldBe(first.SweepId);

        test.Time.Advance(TimeSpan.FromMinutes(20));
        await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance), refresh: true);
        var (after, _) = await f.Query.ItemsAsync(first.SweepId, SweepAnalysis.Step3Kinds, false, 0, 50);
        after.Single(r => r.Id == items[0].Id).CheckedBy.ShouldBe("fina");
        after.Count.ShouldBe(items.Count);

        await using var db = test.CreateDbContext();
        (await db.Sweeps.CountAsync()).ShouldBe(1);
        (await db.Notifications.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_day_that_has_not_come_cannot_be_prepared()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        var f = new SweepFixture(test);
        var ex = await Should.ThrowAsync<SweepRefusedException>(() => f.Prepare.PrepareAsync(Saturday.AddDays(1), SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance)));
        ex.Code.ShouldBe("future");
    }

    [Fact]
    public async Task After_a_sign_off_the_next_window_starts_where_the_signed_off_one_ended()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        var f = new SweepFixture(test);
        await f.SeedShopAsync(Saturday);
        var sat = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Scheduled, SweepFixture.ActorOf(SweepFixture.Finance));
        var view = (await f.Query.LoadAsync(Saturday))!;
        await f.Commands.SignOffAsync(sat.SweepId, view.Header.Summary, SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance));

        test.Time.SetJakarta(2026, 11, 23, 16, 30);
        var monday = await f.Prepare.PrepareAsync(new DateOnly(2026, 11, 23), SweepTrigger.Scheduled, SweepFixture.ActorOf(SweepFixture.Finance));
        var mon = (await f.Query.LoadAsync(new DateOnly(2026, 11, 23)))!;
        mon.Header.WindowStartUtc.ShouldBe(view.Header.WindowEndUtc);
        mon.Header.WindowEndUtc.ShouldBe(test.Clock.UtcNow);
        // Saturday's money was swept on Saturday; Monday's window holds none of it.
        mon.Header.Summary.Income.ShouldBe("Pemasukan: Rp 0 (0 transaksi)");
        monday.Created.ShouldBeTrue();
    }

    [Fact]
    public async Task CS_links_an_assigned_credit_and_the_step_counts_it_done()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        var f = new SweepFixture(test);
        var shop = await f.SeedShopAsync(Saturday);
        var csId = await AddUserAsync(test, "cece", Roles.CS);
        var cs = new Viewer("cece", csId, new HashSet<string> { Roles.CS });
        var sweep = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        var (items, _) = await f.Query.ItemsAsync(sweep.SweepId, [SweepItemKind.CreditWithoutReference], false, 0, 50);

        (await f.Commands.AssignAsync(sweep.SweepId, [items[0].Id], csId, test.Clock.UtcNow.AddHours(2), SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance))).ShouldBe(1);
        var tasks = await f.Tasks.ListAsync(cs);
        tasks.Single().MutationId.ShouldBe(shop.Credit1);
        (await f.Tasks.ListAsync(new Viewer("other", "other-id", new HashSet<string> { Roles.CS }))).ShouldBeEmpty();

        await Should.ThrowAsync<SweepRefusedException>(() => f.Tasks.CompleteAsync(tasks[0].Id, " ", null, cs, new("cece", csId)));
        await f.Tasks.CompleteAsync(tasks[0].Id, "INV-77", "Budi, chat WA 16:10", cs, new("cece", csId));

        var view = (await f.Query.LoadAsync(Saturday))!;
        view.Steps[1].ShouldBe(new StepProgress(2, 1, 1));
        await using var db = test.CreateDbContext();
        var m = await db.Mutations.SingleAsync(x => x.Id == shop.Credit1);
        (m.OrderReference, m.HasNote).ShouldBe(("INV-77", true));
        (await db.AuditEvents.CountAsync(a => a.Action == "cstask.done")).ShouldBe(1);
        (await db.AuditEvents.CountAsync(a => a.Action == "mutation.order-reference" && a.EntityId == shop.Credit1.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task CS_cannot_complete_a_task_with_an_order_number_that_does_not_exist_and_nothing_is_stored()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        var f = new SweepFixture(test);
        var shop = await f.SeedShopAsync(Saturday);
        await using (var db = test.CreateDbContext())
        {
            db.Orders.Add(new MootaDesk.Core.Orders.Order { Reference = "INV-77", CustomerName = "Budi", Amount = 150_000m, PayableAmount = 150_000m,
                AccountId = shop.Bca, CreatedAt = test.Clock.UtcNow.AddHours(-8), ExpiresAt = test.Clock.UtcNow.AddDays(1) });
            await db.SaveChangesAsync();
        }
        var csId = await AddUserAsync(test, "cece", Roles.CS);
        var cs = new Viewer("cece", csId, new HashSet<string> { Roles.CS });
        var sweep = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        var (items, _) = await f.Query.ItemsAsync(sweep.SweepId, [SweepItemKind.CreditWithoutReference], false, 0, 50);
        await f.Commands.AssignAsync(sweep.SweepId, [items[0].Id], csId, test.Clock.UtcNow.AddHours(2), SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance));
        var task = (await f.Tasks.ListAsync(cs)).Single();

        var ex = await Should.ThrowAsync<SweepRefusedException>(() => f.Tasks.CompleteAsync(task.Id, "INV-999", "transfer Budi", cs, new("cece", csId)));
        ex.Code.ShouldBe("unknown-order");
        ex.Message.ShouldContain("tidak ditemukan");
        await using (var db = test.CreateDbContext())
        {
            var m = await db.Mutations.SingleAsync(x => x.Id == shop.Credit1);
            (m.OrderReference, m.HasNote).ShouldBe((null, false));
            (await db.CsTasks.SingleAsync()).Status.ShouldBe(CsTaskStatus.Open);
        }

        // The order's own number, in any case, is taken as the order writes it.
        await f.Tasks.CompleteAsync(task.Id, "inv-77", null, cs, new("cece", csId));
        await using var check = test.CreateDbContext();
        (await check.Mutations.SingleAsync(x => x.Id == shop.Credit1)).OrderReference.ShouldBe("INV-77");
    }

    internal static async Task<string> AddUserAsync(TestDatabase test, string name, string role)
    {
        await using var db = test.CreateDbContext();
        var r = await db.Roles.FirstOrDefaultAsync(x => x.Name == role);
        if (r is null) db.Roles.Add(r = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        var u = new AppUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, CreatedAt = test.Clock.UtcNow };
        db.Users.Add(u);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = u.Id, RoleId = r.Id });
        await db.SaveChangesAsync();
        return u.Id;
    }
}
