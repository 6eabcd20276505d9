using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Sweep;

namespace MootaDesk.Web.Tests.Integrations.Notifications;

/// <summary>
/// A credit read from a phone is provisional until the bank's own mutation arrives by any channel; then that same row is
/// confirmed (one row, never two) and the order it fitted is paid (docs/decisions/024-phone-notifications-provisional-credits.md).
/// </summary>
public class ProvisionalThenConfirmedTests
{
    [Fact]
    public async Task A_brimo_credit_posted_by_SmsForwarder_becomes_a_provisional_mutation_and_its_order_only_likely_paid()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var orderId = await kit.OrderAsync(150_123m);

        var receipt = await kit.PostBrimoAsync(150_123m);

        receipt.Status.ShouldBe(NotificationPostStatus.Provisional);
        var row = (await kit.MutationsAsync()).ShouldHaveSingleItem();
        (row.Id, row.Source, row.IsProvisional, row.Amount, row.Direction, row.ConfirmedAt).ShouldBe(
            (receipt.MutationId!.Value, MutationSource.Notification, true, 150_123m, Direction.Credit, (DateTime?)null));
        row.TransactionTime.ShouldBe(TestTime.Jakarta(2026, 11, 30, 11, 58).UtcDateTime);
        row.ReadTime.ShouldBe(test.Clock.UtcNow);
        await using var db = test.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        (order.Status, order.LikelyPaidByMutationId, order.MatchedMutationId).ShouldBe((OrderStatus.Pending, (long?)row.Id, (long?)null));
    }

    [Theory]
    [InlineData(MutationSource.Webhook)]
    [InlineData(MutationSource.Api)]
    public async Task The_bank_mutation_by_moota_attaches_to_the_provisional_row_confirms_it_and_pays_the_order(MutationSource channel)
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var orderId = await kit.OrderAsync(150_123m);
        var provisional = (await kit.PostBrimoAsync(150_123m)).MutationId!.Value;
        test.Time.Advance(TimeSpan.FromMinutes(20));

        var result = await kit.Ingestor.IngestAsync([kit.Moota("moota-1", "2026-11-30 11:59:30", 150_123m, channel)], Actor.System);

        (result.New, result.Attached, result.ConfirmedIds.Count).ShouldBe((0, 1, 1));
        var row = (await kit.MutationsAsync()).ShouldHaveSingleItem();
        (row.Id, row.IsProvisional, row.MootaMutationId, row.ConfirmedAt).ShouldBe((provisional, false, "moota-1", (DateTime?)test.Clock.UtcNow));
        row.Sightings.Select(s => s.Channel).ShouldBe([channel]);
        await using var db = test.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        (order.Status, order.MatchedMutationId, order.LikelyPaidByMutationId).ShouldBe((OrderStatus.Paid, (long?)provisional, (long?)null));
        (await db.AuditEvents.CountAsync(a => a.Action == "mutation.confirm" && a.EntityId == provisional.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task A_statement_line_of_the_same_day_confirms_the_provisional_row_without_a_second_row()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var provisional = (await kit.PostBrimoAsync(150_123m)).MutationId!.Value;

        var outcome = await kit.ImportAsync("30/11/2026;TRANSFER DARI BUDI SANTOSO;;150.123,00;2.150.123,00\n");

        (outcome.New, outcome.AlreadyPresent).ShouldBe((0, 1));
        var row = (await kit.MutationsAsync()).ShouldHaveSingleItem();
        (row.Id, row.IsProvisional).ShouldBe((provisional, false));
        row.Sightings.Select(s => s.Channel).ShouldBe([MutationSource.Import]);
    }

    [Fact]
    public async Task A_day_only_moota_mutation_attaches_by_bank_date()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var provisional = (await kit.PostBrimoAsync(150_123m)).MutationId!.Value;

        var result = await kit.Ingestor.IngestAsync([kit.Moota("moota-day", "2026-11-30 00:00:00", 150_123m, dayOnly: true)], Actor.System);

        result.Attached.ShouldBe(1);
        (await kit.MutationsAsync()).ShouldHaveSingleItem().Id.ShouldBe(provisional);
    }

    [Fact]
    public async Task Two_equal_bank_credits_and_one_notification_make_exactly_one_attachment_and_one_new_row()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var provisional = (await kit.PostBrimoAsync(50_000m)).MutationId!.Value;

        var result = await kit.Ingestor.IngestAsync(
            [kit.Moota("moota-a", "2026-11-30 11:58:10", 50_000m), kit.Moota("moota-b", "2026-11-30 11:58:40", 50_000m)], Actor.System);

        (result.New, result.Attached, result.ConfirmedIds.Count).ShouldBe((1, 1, 1));
        var rows = await kit.MutationsAsync();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(m => !m.IsProvisional);
        rows.Single(m => m.Id == provisional).MootaMutationId.ShouldBe("moota-a");
        rows.Single(m => m.Id != provisional).MootaMutationId.ShouldBe("moota-b");
    }

    [Fact]
    public async Task Two_equal_credits_delivered_one_by_one_attach_the_notification_once_only()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        await kit.PostBrimoAsync(50_000m);

        var first = await kit.Ingestor.IngestAsync([kit.Moota("moota-a", "2026-11-30 11:58:10", 50_000m)], Actor.System);
        var second = await kit.Ingestor.IngestAsync([kit.Moota("moota-b", "2026-11-30 11:58:40", 50_000m, MutationSource.Api)], Actor.System);

        (first.Attached, second.Attached, second.New).ShouldBe((1, 0, 1));
        (await kit.MutationsAsync()).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("2026-11-30 13:30:00", 150_123)] // outside the 60-minute window
    [InlineData("2026-11-30 11:59:00", 150_124)] // another amount
    public async Task A_bank_credit_outside_the_window_or_of_another_amount_is_its_own_row_and_the_notification_stays_provisional(string jakarta, int amount)
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        await kit.PostBrimoAsync(150_123m);

        var result = await kit.Ingestor.IngestAsync([kit.Moota("moota-x", jakarta, amount)], Actor.System);

        (result.New, result.Attached).ShouldBe((1, 0));
        (await kit.MutationsAsync()).Count(m => m.IsProvisional).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_notification_posted_twice_is_one_provisional_row()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);

        var first = await kit.PostBrimoAsync(150_123m);
        var again = await kit.PostBrimoAsync(150_123m);

        (first.Status, again.Status, again.MutationId).ShouldBe((NotificationPostStatus.Provisional, NotificationPostStatus.Duplicate, first.MutationId));
        (await kit.MutationsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_provisional_credit_is_out_of_the_sweep_totals_and_an_anomaly_after_two_hours_without_the_bank()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var provisional = (await kit.PostBrimoAsync(150_123m)).MutationId!.Value;
        test.Time.SetJakarta(2026, 11, 30, 16, 30);
        var f = new SweepFixture(test);

        var sweep = await f.Prepare.PrepareAsync(new DateOnly(2026, 11, 30), SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));

        await using var db = test.CreateDbContext();
        var saved = await db.Sweeps.SingleAsync(s => s.Id == sweep.SweepId);
        saved.Income.ShouldBe(0m);
        var items = await db.SweepItems.Where(i => i.SweepId == sweep.SweepId).ToListAsync();
        items.ShouldContain(i => i.Kind == SweepItemKind.UnconfirmedNotification && i.MutationId == provisional);
        items.ShouldNotContain(i => i.Kind == SweepItemKind.CreditWithoutReference);
    }

    [Fact]
    public async Task A_provisional_credit_read_less_than_two_hours_ago_is_no_anomaly_yet()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        test.Time.SetJakarta(2026, 11, 30, 15, 0);
        await kit.PostBrimoAsync(150_123m, "30/11/2026 14:59:00");
        test.Time.SetJakarta(2026, 11, 30, 16, 30);
        var f = new SweepFixture(test);

        var sweep = await f.Prepare.PrepareAsync(new DateOnly(2026, 11, 30), SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));

        await using var db = test.CreateDbContext();
        (await db.SweepItems.CountAsync(i => i.SweepId == sweep.SweepId && i.Kind == SweepItemKind.UnconfirmedNotification)).ShouldBe(0);
    }

    [Fact]
    public async Task No_proof_is_made_for_a_credit_only_read_on_the_phone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        var provisional = (await kit.PostBrimoAsync(150_123m)).MutationId!.Value;
        var issue = new IssueProofCommand(test, Microsoft.Extensions.Options.Options.Create(new ProofOptions()), test.Time);

        var result = await issue.IssueAsync(provisional, MootaDesk.Core.Platform.Access.Viewer.ForRoles("cece", MootaDesk.Core.Platform.Access.Roles.CS),
            new Actor("cece"), "app", reuseActive: true);

        result.Outcome.ShouldBe(IssueProofOutcome.Provisional);
    }
}
