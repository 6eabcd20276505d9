using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Sweep;

namespace MootaDesk.Web.Tests.Integrations.Notifications;

/// <summary>
/// Issue 15: a provisional credit the bank will never confirm (a misread notification, a reversed transfer) is dismissed by
/// Owner or Ops from the notification log, with a reason, audited, and then counts nowhere; it can be restored.
/// </summary>
public class ProvisionalCreditDismissalTests
{
    private static ProvisionalCreditDismissal DismissalOf(TestDatabase test) =>
        new(test, new OrderMatchingStep(test, test.Clock, NullLogger<OrderMatchingStep>.Instance), test.Clock);

    [Fact]
    public async Task A_dismissed_credit_is_no_sweep_anomaly_no_likely_payment_no_CS_hit_and_no_row_for_the_bank_to_attach_to()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var orderId = await kit.OrderAsync(150_123m);
        var provisional = (await kit.PostBrimoAsync(150_123m)).MutationId!.Value;
        var dismissal = DismissalOf(test);

        (await dismissal.DismissAsync(provisional, "  Salah baca: transfer dibatalkan bank  ", NotificationKit.Ops, NotificationKit.OpsActor)).ShouldBeNull();

        await using (var db = test.CreateDbContext())
        {
            var row = await db.Mutations.SingleAsync(m => m.Id == provisional);
            (row.IsProvisional, row.DismissedAt, row.DismissedBy, row.DismissReason).ShouldBe(
                (true, (DateTime?)test.Clock.UtcNow, "opi", "Salah baca: transfer dibatalkan bank"));
            (await db.Orders.SingleAsync(o => o.Id == orderId)).LikelyPaidByMutationId.ShouldBeNull();
            var audit = await db.AuditEvents.SingleAsync(a => a.Action == "mutation.dismiss" && a.EntityId == provisional.ToString());
            (audit.Actor, audit.At).ShouldBe(("opi", test.Clock.UtcNow));
            audit.After!.ShouldContain("Salah baca");
        }

        // CS asking "sudah masuk belum, Kak?" finds nothing for it.
        var search = new PaymentSearch(test, test.Clock, Options.Create(new ProofOptions()), test.Time);
        var hits = await search.SearchAsync(new PaymentSearchCriteria(Amount: "150.123"), Viewer.ForRoles("cece", Roles.CS));
        hits.Hits.ShouldBeEmpty();

        // The 16:30 sweep no longer lists it as waiting for the bank.
        test.Time.SetJakarta(2026, 11, 30, 16, 30);
        var f = new SweepFixture(test);
        var sweep = await f.Prepare.PrepareAsync(new DateOnly(2026, 11, 30), SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        await using (var db = test.CreateDbContext())
            (await db.SweepItems.CountAsync(i => i.SweepId == sweep.SweepId && i.Kind == SweepItemKind.UnconfirmedNotification)).ShouldBe(0);

        // A bank mutation of the same amount is its own row, not attached to the dismissed one.
        var result = await kit.Ingestor.IngestAsync([kit.Moota("moota-9", "2026-11-30 11:59:30", 150_123m)], Actor.System);
        (result.New, result.Attached).ShouldBe((1, 0));
        (await kit.MutationsAsync()).Single(m => m.Id == provisional).MootaMutationId.ShouldBeNull();
    }

    [Fact]
    public async Task A_restored_credit_waits_for_the_bank_again_and_marks_its_order_likely_paid_again()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var orderId = await kit.OrderAsync(150_123m);
        var provisional = (await kit.PostBrimoAsync(150_123m)).MutationId!.Value;
        var dismissal = DismissalOf(test);
        (await dismissal.DismissAsync(provisional, "dikira salah baca", NotificationKit.Ops, NotificationKit.OpsActor)).ShouldBeNull();

        (await dismissal.RestoreAsync(provisional, Viewer.ForRoles("olla", Roles.Owner), new Actor("olla"))).ShouldBeNull();

        await using var db = test.CreateDbContext();
        var row = await db.Mutations.SingleAsync(m => m.Id == provisional);
        (row.IsProvisional, row.DismissedAt, row.DismissReason).ShouldBe((true, (DateTime?)null, (string?)null));
        (await db.Orders.SingleAsync(o => o.Id == orderId)).LikelyPaidByMutationId.ShouldBe(provisional);
        (await db.AuditEvents.SingleAsync(a => a.Action == "mutation.restore")).Actor.ShouldBe("olla");
        var page = await new NotificationLogQuery(test).PageAsync(new NotificationLogFilter(null, 0, 25));
        var post = page.Rows.ShouldHaveSingleItem();
        (post.CanDismiss, post.CanRestore).ShouldBe((true, false));
    }

    [Theory]
    [InlineData("Finance", "alasan jelas", "Dismiss.Refused.NotAllowed")]
    [InlineData("CS", "alasan jelas", "Dismiss.Refused.NotAllowed")]
    [InlineData("Ops", "  ", "Dismiss.Refused.Reason")]
    [InlineData("Ops", "ok", "Dismiss.Refused.Reason")]
    public async Task Dismissal_needs_Owner_or_Ops_and_a_reason(string role, string reason, string refusal)
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var provisional = (await kit.PostBrimoAsync(150_123m)).MutationId!.Value;

        (await DismissalOf(test).DismissAsync(provisional, reason, Viewer.ForRoles("someone", role), new Actor("someone"))).ShouldBe(refusal);

        await using var db = test.CreateDbContext();
        (await db.Mutations.SingleAsync(m => m.Id == provisional)).DismissedAt.ShouldBeNull();
        (await db.AuditEvents.CountAsync(a => a.Action == "mutation.dismiss")).ShouldBe(0);
    }

    [Fact]
    public async Task A_credit_the_bank_confirmed_is_real_money_and_cannot_be_dismissed()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var provisional = (await kit.PostBrimoAsync(150_123m)).MutationId!.Value;
        await kit.Ingestor.IngestAsync([kit.Moota("moota-1", "2026-11-30 11:59:30", 150_123m)], Actor.System);

        (await DismissalOf(test).DismissAsync(provisional, "salah baca", NotificationKit.Ops, NotificationKit.OpsActor)).ShouldBe("Dismiss.Refused.Confirmed");

        var page = await new NotificationLogQuery(test).PageAsync(new NotificationLogFilter(null, 0, 25));
        page.Rows.ShouldHaveSingleItem().CanDismiss.ShouldBeFalse();
    }

    [Fact]
    public async Task The_notification_log_is_read_a_page_at_a_time_with_the_total_and_counts_per_status()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        for (var i = 0; i < 5; i++) await kit.PostBrimoAsync(100_000m + i, $"30/11/2026 11:5{i}:00");

        var second = await new NotificationLogQuery(test).PageAsync(new NotificationLogFilter(null, 2, 2));
        var onlyProvisional = await new NotificationLogQuery(test).PageAsync(new NotificationLogFilter(NotificationPostStatus.Provisional, 0, 25));

        (second.Total, second.Rows.Count).ShouldBe((5, 2));
        second.Rows.Select(r => r.Amount).ShouldBe([100_002m, 100_001m]);
        second.Counts[NotificationPostStatus.Provisional].ShouldBe(5);
        onlyProvisional.Total.ShouldBe(5);
        second.Rows[0].Mutation.ShouldNotBeNull().IsSandbox.ShouldBeFalse();
    }
}
