using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Orders;

public class OrderMatchingTests
{
    [Fact]
    public async Task A_credit_of_exactly_the_payable_amount_pays_the_one_open_order_and_is_linked_to_it()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "INV-1", 150_000m);
        test.Time.Advance(TimeSpan.FromMinutes(30));

        var creditId = await kit.CreditAsync(account, order.PayableAmount);

        await using var db = test.CreateDbContext();
        var saved = await db.Orders.SingleAsync(o => o.Id == order.Id);
        saved.Status.ShouldBe(OrderStatus.Paid);
        saved.MatchedMutationId.ShouldBe(creditId);
        saved.PaidAt.ShouldBe(test.Clock.UtcNow);
        var credit = await db.Mutations.SingleAsync(m => m.Id == creditId);
        credit.Status.ShouldBe(ReconciliationStatus.Matched);
        credit.OrderReference.ShouldBe("INV-1");
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "order.match.auto");
        audit.EntityId.ShouldBe(order.Id.ToString());
        audit.After!.ShouldContain(creditId.ToString());
    }

    [Fact]
    public async Task A_credit_that_fits_several_orders_flags_all_of_them_for_a_person_and_pays_none()
    {
        await using var test = await TestDatabase.CreateAsync();
        // One code only, so the second order gets the first one's amount once the first has expired.
        var kit = new OrderTestKit(test, new OrderOptions { UniqueCodeMin = 7, UniqueCodeMax = 7 });
        var account = await kit.AddAccountAsync();
        var a = await kit.CreateAsync(account, "A", 100_000m, TimeSpan.FromHours(1));
        test.Time.Advance(TimeSpan.FromHours(2));
        var b = await kit.CreateAsync(account, "B", 100_000m);
        b.PayableAmount.ShouldBe(a.PayableAmount);

        // The bank reports only the day (Moota's 00:00:00): the transfer may have been made in either order's window.
        var midnightLocal = test.Clock.ToUtc(test.Clock.Today.ToDateTime(TimeOnly.MinValue));
        var creditId = await kit.CreditAsync(account, a.PayableAmount, atUtc: midnightLocal, hasTime: false);

        await using var db = test.CreateDbContext();
        var orders = await db.Orders.OrderBy(o => o.Reference).ToListAsync();
        orders.ShouldAllBe(o => o.NeedsAttention && o.Status != OrderStatus.Paid && o.MatchedMutationId == null);
        var credit = await db.Mutations.SingleAsync(m => m.Id == creditId);
        credit.Status.ShouldBe(ReconciliationStatus.NeedsAttention);
        credit.OrderReference.ShouldBeNull();
        (await kit.Candidates.ForMutationAsync(creditId)).Where(c => c.Kind == CandidateKind.Exact).Select(c => c.Reference).ShouldBe(["A", "B"], ignoreOrder: true);
        (await db.AuditEvents.SingleAsync(e => e.Action == "order.match.ambiguous")).After!.ShouldContain("\"A\"");
    }

    [Fact]
    public async Task A_credit_that_fits_no_order_stays_unmatched_and_near_misses_are_only_suggestions()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "INV-2", 150_000m, customer: "Budi Santoso");

        var offByLittle = await kit.CreditAsync(account, order.PayableAmount + 1);
        var baseOnly = await kit.CreditAsync(account, 150_000m, description: "TRSF E-BANKING CR 2111/FTSCY/WS95031 ANDI WIJAYA");

        await using var db = test.CreateDbContext();
        (await db.Orders.SingleAsync()).Status.ShouldBe(OrderStatus.Pending);
        (await db.Mutations.Where(m => m.Id == offByLittle || m.Id == baseOnly).ToListAsync())
            .ShouldAllBe(m => m.Status == ReconciliationStatus.New && m.OrderReference == null);
        var suggestions = await kit.Candidates.ForOrderAsync(order.Id);
        suggestions.Select(s => s.MutationId).ShouldBe([offByLittle, baseOnly], ignoreOrder: true);
        suggestions.ShouldAllBe(s => s.Kind == CandidateKind.NearAmount);
    }

    [Fact]
    public async Task A_credit_after_the_order_expired_is_not_matched_but_offered_as_a_late_payment()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "LATE", 75_000m, TimeSpan.FromHours(2));
        test.Time.Advance(TimeSpan.FromHours(3));
        (await kit.Expiry.ExpireDueAsync()).ShouldBe(1);

        var creditId = await kit.CreditAsync(account, order.PayableAmount);

        await using var db = test.CreateDbContext();
        (await db.Orders.SingleAsync()).Status.ShouldBe(OrderStatus.Expired);
        (await db.Mutations.SingleAsync(m => m.Id == creditId)).Status.ShouldBe(ReconciliationStatus.New);
        (await kit.Candidates.ForOrderAsync(order.Id)).Single().Kind.ShouldBe(CandidateKind.Late);
        (await kit.Candidates.ForMutationAsync(creditId)).Single().Kind.ShouldBe(CandidateKind.Late);
    }

    [Fact]
    public async Task A_payment_made_in_time_but_read_after_expiry_still_pays_the_order()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "SLOW", 75_000m, TimeSpan.FromHours(2));
        var paidAt = test.Clock.UtcNow.AddHours(1);
        test.Time.Advance(TimeSpan.FromHours(5));
        await kit.Expiry.ExpireDueAsync();

        await kit.CreditAsync(account, order.PayableAmount, atUtc: paidAt);

        await using var db = test.CreateDbContext();
        (await db.Orders.SingleAsync()).Status.ShouldBe(OrderStatus.Paid);
    }

    [Fact]
    public async Task A_date_only_credit_from_the_order_day_pays_the_order()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "DAY", 60_000m);
        var midnightLocal = test.Clock.ToUtc(test.Clock.Today.ToDateTime(TimeOnly.MinValue));

        await kit.CreditAsync(account, order.PayableAmount, atUtc: midnightLocal, hasTime: false);

        await using var db = test.CreateDbContext();
        (await db.Orders.SingleAsync()).Status.ShouldBe(OrderStatus.Paid);
    }

    [Fact]
    public async Task Sandbox_credits_only_pay_sandbox_orders_and_real_credits_only_real_orders()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var real = await kit.AddAccountAsync();
        var sandbox = await kit.AddAccountAsync("000111222", sandbox: true);
        var realOrder = await kit.CreateAsync(real, "REAL", 80_000m);
        var sandboxOrder = await kit.CreateAsync(sandbox, "SBX", 80_000m);
        sandboxOrder.IsSandbox.ShouldBeTrue();

        // A test credit into the real account, of the real order's exact amount: must not pay it.
        var testCredit = await kit.CreditAsync(real, realOrder.PayableAmount, sandbox: true);
        await using (var db = test.CreateDbContext())
        {
            (await db.Orders.SingleAsync(o => o.Reference == "REAL")).Status.ShouldBe(OrderStatus.Pending);
            (await db.Mutations.SingleAsync(m => m.Id == testCredit)).Status.ShouldBe(ReconciliationStatus.New);
        }
        (await kit.Settlement.MatchAsync(realOrder.Id, testCredit, OrderTestKit.Clerk)).ErrorCode.ShouldBe(OrderChangeErrors.SandboxMismatch);

        await kit.CreditAsync(sandbox, sandboxOrder.PayableAmount);
        await kit.CreditAsync(real, realOrder.PayableAmount);
        await using (var db = test.CreateDbContext())
        {
            (await db.Orders.SingleAsync(o => o.Reference == "SBX")).Status.ShouldBe(OrderStatus.Paid);
            (await db.Orders.SingleAsync(o => o.Reference == "REAL")).Status.ShouldBe(OrderStatus.Paid);
        }
    }

    [Fact]
    public async Task Debits_and_credits_into_another_account_never_pay_an_order()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var other = await kit.AddAccountAsync("555");
        var order = await kit.CreateAsync(account, "X", 10_000m);
        await kit.CreditAsync(other, order.PayableAmount);
        await kit.Ingestor.IngestAsync([new IncomingMutation
        {
            Source = MutationSource.Sandbox, SourceId = "debit", AccountId = account.Id, TransactionTimeUtc = test.Clock.UtcNow,
            Description = "TRSF DB", Amount = order.PayableAmount, Direction = Direction.Debit,
        }], Actor.System);
        await using var db = test.CreateDbContext();
        (await db.Orders.SingleAsync()).Status.ShouldBe(OrderStatus.Pending);
    }
}
