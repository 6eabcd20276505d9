using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Orders;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Orders;

public class UniqueCodeTests
{
    [Fact]
    public async Task Hundred_parallel_orders_of_the_same_amount_into_one_account_never_share_a_payable_amount()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();

        var results = await Task.WhenAll(Enumerable.Range(1, 100).Select(i => Task.Run(() => kit.Creator.CreateOneAsync(new OrderRequest
        {
            Reference = $"INV-{i:D3}", CustomerName = $"Pelanggan {i}", Amount = 150_000m, AccountId = account.Id,
        }, OrderTestKit.Clerk))));

        results.ShouldAllBe(r => r.Succeeded);
        await using var db = test.CreateDbContext();
        var payables = await db.Orders.Where(o => o.AccountId == account.Id).Select(o => o.PayableAmount).ToListAsync();
        payables.Count.ShouldBe(100);
        payables.Distinct().Count().ShouldBe(100);
        payables.ShouldAllBe(p => p >= 150_001m && p <= 150_999m);
        (await db.AuditEvents.CountAsync(a => a.Action == "order.create")).ShouldBe(100);
    }

    [Fact]
    public async Task Amounts_that_land_on_the_same_payable_amount_from_different_bases_still_collide_and_are_avoided()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test, new OrderOptions { UniqueCodeMin = 1, UniqueCodeMax = 2 });
        var account = await kit.AddAccountAsync();
        var a = await kit.CreateAsync(account, "A", 100m);  // 101 or 102
        var b = await kit.CreateAsync(account, "B", 99m);   // 100 or 101: never a's amount
        var c = await kit.CreateAsync(account, "C", 98m);   // 99 or 100
        new[] { a.PayableAmount, b.PayableAmount, c.PayableAmount }.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task When_every_code_is_taken_the_order_is_refused_with_a_clear_message()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test, new OrderOptions { UniqueCodeMin = 1, UniqueCodeMax = 3 });
        var account = await kit.AddAccountAsync();
        for (var i = 0; i < 3; i++) await kit.CreateAsync(account, $"OK-{i}", 50_000m);

        var refused = await kit.Creator.CreateOneAsync(new OrderRequest { Reference = "FULL", CustomerName = "Sari", Amount = 50_000m, AccountId = account.Id }, OrderTestKit.Clerk);

        refused.Succeeded.ShouldBeFalse();
        var error = refused.Errors.Single().Errors.Single();
        error.Code.ShouldBe(OrderErrorCodes.CodesExhausted);
        error.Args.ShouldBe(new object[] { "Rp 50.000", "BCA 1234567890", 1, 3 });
        await using var db = test.CreateDbContext();
        (await db.Orders.AnyAsync(o => o.Reference == "FULL")).ShouldBeFalse();

        // The same amount into another account is a different space of amounts.
        var other = await kit.AddAccountAsync("999888777");
        (await kit.CreateAsync(other, "OTHER", 50_000m)).PayableAmount.ShouldBeInRange(50_001m, 50_003m);
    }

    [Fact]
    public async Task An_expired_order_frees_its_amount_for_a_new_order()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test, new OrderOptions { UniqueCodeMin = 7, UniqueCodeMax = 7 });
        var account = await kit.AddAccountAsync();
        var first = await kit.CreateAsync(account, "OLD", 20_000m, TimeSpan.FromHours(1));
        test.Time.Advance(TimeSpan.FromHours(2));

        var second = await kit.CreateAsync(account, "NEW", 20_000m);

        second.PayableAmount.ShouldBe(first.PayableAmount);
        await using var db = test.CreateDbContext();
        (await db.Orders.SingleAsync(o => o.Reference == "OLD")).Status.ShouldBe(OrderStatus.Expired);
        (await db.AuditEvents.CountAsync(a => a.Action == "order.expire" && a.EntityId == first.Id.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task Subtract_mode_takes_the_code_off_the_amount()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test, new OrderOptions { UniqueCodeMode = UniqueCodeMode.Subtract });
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "SUB", 150_000m);
        order.UniqueCode.ShouldBeInRange(-999, -1);
        order.PayableAmount.ShouldBe(150_000m + order.UniqueCode);
        order.Instruction(test.Clock).ShouldContain($"sudah dipotong kode unik {-order.UniqueCode}");
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_open_order_with_the_same_payable_amount()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = new OrderTestKit(test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "ONE", 10_000m);
        await using var db = test.CreateDbContext();
        db.Orders.Add(new Order { Reference = "SNEAK", CustomerName = "x", Amount = 10_000m, PayableAmount = order.PayableAmount, AccountId = account.Id, ExpiresAt = test.Clock.UtcNow.AddDays(1) });
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
