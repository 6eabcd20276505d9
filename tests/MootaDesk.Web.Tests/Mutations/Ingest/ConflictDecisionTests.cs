using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Orders;
using MootaDesk.Web.Tests.Sweep;

namespace MootaDesk.Web.Tests.Mutations.Ingest;

/// <summary>"Pakai versi baru / tetap versi lama": Ops decides a Moota conflict, audited, and money already paid to an order is never silently rewritten.</summary>
public class ConflictDecisionTests
{
    private static readonly Viewer Ops = Viewer.ForRoles("opi", Roles.Ops);
    private static readonly Actor Opi = new("opi", "u-opi", "10.0.0.9");

    private static IncomingMutation Moota(TestDatabase test, int accountId, string id, decimal amount, MutationSource source = MutationSource.Webhook) => new()
    {
        Source = source, SourceId = id, AccountId = accountId, TransactionTimeUtc = test.Clock.UtcNow.AddMinutes(-5), Description = "TRF DARI BUDI HARTONO " + amount,
        Amount = amount, Direction = Direction.Credit,
    };

    /// <summary>Replays changed-resend in small: replay00001 stored as Rp 150.000, then sent again as Rp 1.500.000.</summary>
    private static async Task<(OrderTestKit Kit, Account Account, long MutationId, long ConflictId)> ConflictAsync(TestDatabase test, decimal? orderFor = null)
    {
        test.Time.SetJakarta(2026, 11, 30, 5, 30);
        // Unique code 0: an order's payable amount is its amount, so a test can name the credit that pays it.
        var kit = new OrderTestKit(test, new OrderOptions { UniqueCodeMin = 0, UniqueCodeMax = 0 });
        var account = await kit.AddAccountAsync("7788990011", bank: "mandiriOnlineV2");
        if (orderFor is decimal amount) await kit.CreateAsync(account, "INV-REPLAY", amount);
        test.Time.SetJakarta(2026, 11, 30, 5, 45);
        var first = await kit.Ingestor.IngestAsync([Moota(test, account.Id, "replay00001", 150_000m)], Actor.System);
        (await kit.Ingestor.IngestAsync([Moota(test, account.Id, "replay00001", 1_500_000m, MutationSource.Api)], Actor.System)).Conflicts.ShouldBe(1);
        await using var db = test.CreateDbContext();
        return (kit, account, first.NewMutationIds[0], (await db.MutationConflicts.SingleAsync()).Id);
    }

    private static MootaConflicts Conflicts(OrderTestKit kit) => new(kit.Db, kit.Ingestor, kit.Db.Clock);

    [Fact]
    public async Task Keeping_the_old_version_changes_nothing_but_the_decision_which_is_audited()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (kit, _, mutationId, conflictId) = await ConflictAsync(test);

        var outcome = await Conflicts(kit).DecideAsync(conflictId, ConflictDecision.KeepOld, Ops, Opi);

        outcome.Succeeded.ShouldBeTrue();
        await using var db = test.CreateDbContext();
        (await db.Mutations.SingleAsync()).Amount.ShouldBe(150_000m);
        var conflict = await db.MutationConflicts.SingleAsync();
        (conflict.Status, conflict.ResolvedBy, conflict.ResolvedById, conflict.ResolvedAt).ShouldBe((ConflictStatus.KeptOld, "opi", "u-opi", test.Clock.UtcNow));
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "mutation.conflict.keep-old");
        (audit.EntityId, audit.Actor, audit.Ip).ShouldBe((mutationId.ToString(), "opi", "10.0.0.9"));
        (await Conflicts(kit).OpenCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Using_the_new_version_rewrites_the_row_audits_before_and_after_and_lets_matching_look_again()
    {
        await using var test = await TestDatabase.CreateAsync();
        // An order waits for exactly the corrected amount: only the new version can pay it.
        var (kit, _, mutationId, conflictId) = await ConflictAsync(test, orderFor: 1_500_000m);
        await using (var before = test.CreateDbContext())
            (await before.Orders.SingleAsync()).Status.ShouldBe(OrderStatus.Pending);

        var outcome = await Conflicts(kit).DecideAsync(conflictId, ConflictDecision.UseNew, Ops, Opi);

        outcome.Succeeded.ShouldBeTrue();
        await using var db = test.CreateDbContext();
        var row = await db.Mutations.SingleAsync();
        (row.Id, row.Amount, row.Description).ShouldBe((mutationId, 1_500_000m, "TRF DARI BUDI HARTONO 1500000"));
        (await db.MutationConflicts.SingleAsync()).Status.ShouldBe(ConflictStatus.UsedNew);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "mutation.conflict.use-new");
        audit.Before!.ShouldContain("150000");
        audit.After!.ShouldContain("1500000");
        var order = await db.Orders.SingleAsync();
        (order.Status, order.MatchedMutationId).ShouldBe((OrderStatus.Paid, (long?)mutationId));
    }

    [Fact]
    public async Task The_new_version_is_refused_while_the_old_one_pays_an_order()
    {
        await using var test = await TestDatabase.CreateAsync();
        test.Time.SetJakarta(2026, 11, 30, 5, 30);
        var kit = new OrderTestKit(test, new OrderOptions { UniqueCodeMin = 0, UniqueCodeMax = 0 });
        var account = await kit.AddAccountAsync("7788990011");
        var order = await kit.CreateAsync(account, "INV-150", 150_000m);
        test.Time.SetJakarta(2026, 11, 30, 5, 45);
        await kit.Ingestor.IngestAsync([Moota(test, account.Id, "replay00001", 150_000m)], Actor.System);
        await kit.Ingestor.IngestAsync([Moota(test, account.Id, "replay00001", 1_500_000m)], Actor.System);
        await using var db = test.CreateDbContext();
        (await db.Orders.SingleAsync()).Status.ShouldBe(OrderStatus.Paid);

        var outcome = await Conflicts(kit).DecideAsync((await db.MutationConflicts.SingleAsync()).Id, ConflictDecision.UseNew, Ops, Opi);

        (outcome.RefusalKey, outcome.Detail).ShouldBe(("MatchedToOrder", order.Reference));
        (await db.Mutations.SingleAsync()).Amount.ShouldBe(150_000m);
        (await db.MutationConflicts.SingleAsync()).Status.ShouldBe(ConflictStatus.Open);
    }

    [Fact]
    public async Task Only_Ops_or_the_Owner_decide_and_a_decision_is_made_once()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (kit, _, _, conflictId) = await ConflictAsync(test);
        var conflicts = Conflicts(kit);

        (await conflicts.DecideAsync(conflictId, ConflictDecision.UseNew, Viewer.ForRoles("fina", Roles.Finance), new Actor("fina"))).RefusalKey.ShouldBe("NotAllowed");
        (await conflicts.DecideAsync(conflictId, ConflictDecision.KeepOld, Viewer.ForRoles("owner", Roles.Owner), new Actor("owner"))).Succeeded.ShouldBeTrue();
        var again = await conflicts.DecideAsync(conflictId, ConflictDecision.UseNew, Ops, Opi);

        (again.RefusalKey, again.Detail).ShouldBe(("AlreadyDecided", "owner"));
    }

    [Fact]
    public async Task The_conflicts_list_shows_the_stored_row_and_the_new_version_side_by_side()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (kit, account, mutationId, _) = await ConflictAsync(test);

        var view = (await Conflicts(kit).ListAsync()).Single();

        (view.MutationId, view.MootaMutationId, view.Channel, view.Fields, view.Status).ShouldBe((mutationId, "replay00001", MutationSource.Api, ConflictFields.Amount, ConflictStatus.Open));
        (view.Stored.Amount, view.Incoming.Amount).ShouldBe((150_000m, 1_500_000m));
        view.Stored.Account.ShouldBe("mandiriOnlineV2 7788990011");
        view.MutationLink.ShouldEndWith($"rek={account.Id}&jumlah=150000&buka={mutationId}");
    }

    [Fact]
    public async Task An_open_conflict_is_an_anomaly_in_the_sweep_until_Ops_decides()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (kit, _, mutationId, conflictId) = await ConflictAsync(test);
        test.Time.SetJakarta(2026, 11, 30, 16, 30);
        var sweep = new SweepFixture(test);
        var day = new DateOnly(2026, 11, 30);

        await sweep.Prepare.PrepareAsync(day, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        var view = (await sweep.Query.LoadAsync(day)).ShouldNotBeNull();
        var (items, _) = await sweep.Query.ItemsAsync(view.Header.Id, [SweepItemKind.MootaConflict], false, 0, 50);
        var item = items.Single();
        item.MutationId.ShouldBe(mutationId);
        item.Detail.ShouldContain("replay00001");
        item.Detail.ShouldContain("Rp 150.000 → Rp 1.500.000");
        SweepAnalysis.AnomalyKinds.ShouldContain(SweepItemKind.MootaConflict);

        await Conflicts(kit).DecideAsync(conflictId, ConflictDecision.KeepOld, Ops, Opi);
        await sweep.Prepare.PrepareAsync(day, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance), refresh: true);
        (await sweep.Query.ItemsAsync(view.Header.Id, [SweepItemKind.MootaConflict], false, 0, 50)).Item2.ShouldBe(0);
    }
}
