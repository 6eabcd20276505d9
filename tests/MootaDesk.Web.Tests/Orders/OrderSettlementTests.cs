using MootaDesk.Core.Shared;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Orders;

public class OrderSettlementTests
{
    [Fact]
    public async Task A_person_settles_an_ambiguous_credit_by_hand_and_the_match_is_audited_with_who_and_when()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test, new OrderOptions { UniqueCodeMin = 7, UniqueCodeMax = 7 });
        var account = await kit.AddAccountAsync();
        var a = await kit.CreateAsync(account, "A", 100_000m, TimeSpan.FromHours(1));
        test.Time.Advance(TimeSpan.FromHours(2));
        var b = await kit.CreateAsync(account, "B", 100_000m);
        var midnightLocal = test.Clock.ToUtc(test.Clock.Today.ToDateTime(TimeOnly.MinValue));
        var creditId = await kit.CreditAsync(account, a.PayableAmount, atUtc: midnightLocal, hasTime: false);

        var command = new SettleOrderCommand(kit.Settlement);
        var finance = Viewer.ForRoles("ani", Roles.Finance);
        (await command.MatchAsync(b.Id, creditId, finance, OrderTestKit.Clerk)).Succeeded.ShouldBeTrue();

        await using var db = test.CreateDbContext();
        var orders = await db.Orders.ToDictionaryAsync(o => o.Reference);
        orders["B"].Status.ShouldBe(OrderStatus.Paid);
        orders["B"].MatchedMutationId.ShouldBe(creditId);
        orders["A"].NeedsAttention.ShouldBeFalse();
        orders["B"].NeedsAttention.ShouldBeFalse();
        var credit = await db.Mutations.SingleAsync(m => m.Id == creditId);
        credit.Status.ShouldBe(ReconciliationStatus.Matched);
        credit.OrderReference.ShouldBe("B");
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "order.match.manual");
        audit.Actor.ShouldBe("finance-ani");
        audit.ActorId.ShouldBe("u-1");
        audit.Ip.ShouldBe("10.0.0.5");
        audit.At.ShouldBe(test.Clock.UtcNow);
        audit.EntityId.ShouldBe(b.Id.ToString());
        audit.After!.ShouldContain(creditId.ToString());

        // The credit is taken now: it cannot pay a second order.
        (await command.MatchAsync(a.Id, creditId, finance, OrderTestKit.Clerk)).ErrorCode.ShouldBe(OrderChangeErrors.MutationAlreadyMatched);
    }

    [Fact]
    public async Task Unmatching_frees_the_credit_and_reopens_the_order_and_is_audited()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "U", 42_000m);
        var creditId = await kit.CreditAsync(account, order.PayableAmount);
        var command = new SettleOrderCommand(kit.Settlement);

        (await command.UnmatchAsync(order.Id, Viewer.ForRoles("cs", Roles.CS), OrderTestKit.Clerk)).Succeeded.ShouldBeTrue();

        await using var db = test.CreateDbContext();
        var saved = await db.Orders.SingleAsync();
        saved.Status.ShouldBe(OrderStatus.Pending);
        saved.MatchedMutationId.ShouldBeNull();
        saved.PaidAt.ShouldBeNull();
        var credit = await db.Mutations.SingleAsync(m => m.Id == creditId);
        credit.Status.ShouldBe(ReconciliationStatus.New);
        credit.OrderReference.ShouldBeNull();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "order.unmatch");
        audit.Before!.ShouldContain(creditId.ToString());
        audit.Actor.ShouldBe("finance-ani");
    }

    [Fact]
    public async Task A_cancelled_order_is_never_matched_and_its_amount_is_free_again()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test, new OrderOptions { UniqueCodeMin = 5, UniqueCodeMax = 5 });
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "C", 30_000m);
        (await new SettleOrderCommand(kit.Settlement).CancelAsync(order.Id, Viewer.ForRoles("o", Roles.Owner), OrderTestKit.Clerk)).Succeeded.ShouldBeTrue();

        var creditId = await kit.CreditAsync(account, order.PayableAmount);

        await using var db = test.CreateDbContext();
        (await db.Orders.SingleAsync()).Status.ShouldBe(OrderStatus.Cancelled);
        (await db.Mutations.SingleAsync(m => m.Id == creditId)).Status.ShouldBe(ReconciliationStatus.New);
        (await db.AuditEvents.CountAsync(e => e.Action == "order.cancel")).ShouldBe(1);
        (await kit.CreateAsync(account, "C2", 30_000m)).PayableAmount.ShouldBe(order.PayableAmount);
    }

    [Fact]
    public async Task Ops_may_read_orders_but_every_change_is_refused_on_the_server()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "OPS", 10_000m);
        var ops = Viewer.ForRoles("ops", Roles.Ops);
        var settle = new SettleOrderCommand(kit.Settlement);
        var create = new CreateOrdersCommand(kit.Creator);

        await Should.ThrowAsync<OrdersWriteDeniedException>(() => create.CreateAsync([new OrderRequest { Reference = "N", CustomerName = "x", Amount = 1m, AccountId = account.Id }], ops, OrderTestKit.Clerk));
        await Should.ThrowAsync<OrdersWriteDeniedException>(() => settle.CancelAsync(order.Id, ops, OrderTestKit.Clerk));
        await Should.ThrowAsync<OrdersWriteDeniedException>(() => settle.MatchAsync(order.Id, 1, ops, OrderTestKit.Clerk));
        await Should.ThrowAsync<OrdersWriteDeniedException>(() => settle.UnmatchAsync(order.Id, ops, OrderTestKit.Clerk));
        await using var db = test.CreateDbContext();
        (await db.Orders.SingleAsync()).Status.ShouldBe(OrderStatus.Pending);
    }

    [Fact]
    public async Task Pending_orders_summary_counts_open_real_orders_only()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var real = await kit.AddAccountAsync();
        var sandbox = await kit.AddAccountAsync("777", sandbox: true);
        var first = await kit.CreateAsync(real, "P1", 100_000m);
        test.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await kit.CreateAsync(real, "P2", 50_000m);
        await kit.CreateAsync(real, "SHORT", 20_000m, TimeSpan.FromMinutes(5));
        await kit.CreateAsync(sandbox, "SBX", 999_000m);
        var paid = await kit.CreateAsync(real, "PAID", 70_000m);
        await kit.CreditAsync(real, paid.PayableAmount);
        test.Time.Advance(TimeSpan.FromMinutes(6));

        var summary = await new PendingOrdersQuery(test).LoadAsync(test.Clock.UtcNow);

        summary.Count.ShouldBe(2);
        summary.Total.ShouldBe(first.PayableAmount + second.PayableAmount);
        summary.OldestCreatedAtUtc.ShouldBe(first.CreatedAt);
        (await new PendingOrdersQuery(test).LoadAsync(first.CreatedAt.AddMinutes(1))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_csv_import_with_one_bad_row_imports_nothing_and_names_the_row()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        await kit.AddAccountAsync("1234567890");
        var reader = new OrderCsvReader(test.Clock);
        const string csv = "reference;customer_name;whatsapp;amount;account_number;expires_at\n" +
                           "INV-1;Budi;0812 3456 7890;150.000;1234567890;2026-11-22 17:00\n" +
                           "INV-2;Sari;+62 813-1111-2222;\"75.500,50\";123-456-7890;\n" +
                           "INV-3;Tono;12345;10000;999;\n";
        var file = await reader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        file.FileError.ShouldBeNull();
        file.Rows.Count.ShouldBe(3);
        file.Rows[1].Request.Amount.ShouldBe(75_500.50m);
        file.Rows[0].Request.ExpiresAtUtc.ShouldBe(new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc));

        var result = await kit.Creator.CreateAsync(file.Rows.Select(r => r.Request).ToList(), OrderTestKit.Clerk);

        result.Succeeded.ShouldBeFalse();
        var bad = result.Errors.Single();
        bad.Index.ShouldBe(2);
        bad.Errors.Select(e => e.Code).ShouldBe([OrderErrorCodes.WhatsAppInvalid, OrderErrorCodes.AccountUnknown], ignoreOrder: true);
        await using (var db = test.CreateDbContext())
            (await db.Orders.CountAsync()).ShouldBe(0);

        var fixedRows = file.Rows.Take(2).Select(r => r.Request).ToList();
        var preview = await kit.Creator.PreviewAsync(fixedRows);
        preview.Created.Count.ShouldBe(2);
        await using (var db = test.CreateDbContext())
            (await db.Orders.CountAsync()).ShouldBe(0);
        var imported = await kit.Creator.CreateAsync(fixedRows, OrderTestKit.Clerk);
        imported.Created.Select(o => o.WhatsApp).ShouldBe(["6281234567890", "6281311112222"]);
        await using (var db = test.CreateDbContext())
            (await db.Orders.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Duplicate_references_are_refused_in_the_store_and_within_one_file()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        await kit.CreateAsync(account, "DUP", 10_000m);
        var result = await kit.Creator.CreateAsync([
            new OrderRequest { Reference = "DUP", CustomerName = "a", Amount = 1_000m, AccountId = account.Id },
            new OrderRequest { Reference = "NEW", CustomerName = "b", Amount = 1_000m, AccountId = account.Id },
            new OrderRequest { Reference = "NEW", CustomerName = "c", Amount = 1_000m, AccountId = account.Id },
        ], OrderTestKit.Clerk);
        result.Errors.Select(e => (e.Index, e.Errors.Single().Code)).ShouldBe([(0, OrderErrorCodes.DuplicateReference), (2, OrderErrorCodes.DuplicateInBatch)]);
    }
}
