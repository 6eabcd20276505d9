using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform;

public class DatabaseTests
{
    [Fact]
    public async Task Migrations_build_an_empty_database_that_matches_the_model()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using var db = test.CreateDbContext();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration: run scripts/add-migration.sh");
    }

    [Fact]
    public async Task A_model_insert_refuses_to_leave_out_a_column_a_row_must_have()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using var db = test.CreateDbContext();
        ModelInsert.For<MootaDesk.Core.Sweep.SweepItem>(db, leftOut: [nameof(MootaDesk.Core.Sweep.SweepItem.CheckedAt)]).ShouldNotBeNull();
        Should.Throw<ArgumentException>(() => ModelInsert.For<MootaDesk.Core.Sweep.SweepItem>(db, leftOut: [nameof(MootaDesk.Core.Sweep.SweepItem.Detail)]));
        Should.Throw<ArgumentException>(() => ModelInsert.For<MootaDesk.Core.Sweep.SweepItem>(db, leftOut: ["NoSuchColumn"]));
    }

    [Fact]
    public async Task Money_is_exact_and_sums_in_SQL()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using (var db = test.CreateDbContext())
        {
            var account = new Account { BankCode = "bca", AccountNumber = "0123", CreatedAt = test.Clock.UtcNow };
            db.Accounts.Add(account);
            foreach (var (amount, i) in new[] { 0.10m, 0.20m, 150_123.45m }.Select((a, i) => (a, i)))
                db.Mutations.Add(new Mutation { Account = account, SourceId = $"m{i}", Description = "x", Amount = amount, TransactionTime = test.Clock.UtcNow, ReadTime = test.Clock.UtcNow });
            await db.SaveChangesAsync();
        }
        await using (var db = test.CreateDbContext())
        {
            (await db.Mutations.SumAsync(m => m.Amount)).ShouldBe(150_123.75m);
            (await db.Mutations.Where(m => m.Amount > 0.15m).CountAsync()).ShouldBe(2);
            (await db.Mutations.OrderByDescending(m => m.Amount).Select(m => m.Amount).FirstAsync()).ShouldBe(150_123.45m);
        }
    }

    [Fact]
    public async Task Account_numbers_keep_leading_zeros_and_cannot_be_duplicated()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using var db = test.CreateDbContext();
        db.Accounts.Add(new Account { BankCode = "bca", AccountNumber = "0012345", CreatedAt = test.Clock.UtcNow });
        await db.SaveChangesAsync();
        (await db.Accounts.AsNoTracking().SingleAsync()).AccountNumber.ShouldBe("0012345");

        db.Accounts.Add(new Account { BankCode = "bca", AccountNumber = "0012345", CreatedAt = test.Clock.UtcNow });
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Times_come_back_as_UTC()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using (var db = test.CreateDbContext())
        {
            db.Accounts.Add(new Account { BankCode = "bca", AccountNumber = "1", CreatedAt = new DateTime(2026, 11, 21, 7, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        }
        await using (var db = test.CreateDbContext())
        {
            var created = (await db.Accounts.SingleAsync()).CreatedAt;
            created.Kind.ShouldBe(DateTimeKind.Utc);
            created.Hour.ShouldBe(7);
        }
    }
}
