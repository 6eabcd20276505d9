using System.Text;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Settings;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform;

/// <summary>
/// copy-store: a SQLite shop moved into an empty PostgreSQL store. Abstract: it needs a PostgreSQL server, so it runs as
/// <see cref="StoreCopyTestsOnPostgreSql"/>.
/// </summary>
public abstract class StoreCopyTests
{
    private static async Task<TestDatabase> ShopAsync()
    {
        var shop = await TestDatabase.CreateAsync(null, StoreProvider.Sqlite);
        // The demo business: accounts, a few hundred mutations in both directions, tags, notes, orders, audit.
        await new DemoDataStore(shop, shop.Clock).LoadIfEmptyAsync();
        await using (var inbox = shop.Inbox.CreateDbContext())
        {
            inbox.WebhookDeliveries.Add(new WebhookDelivery
            {
                ReceivedAt = shop.Clock.UtcNow, Body = Encoding.UTF8.GetBytes("[]"), Signature = SignatureVerdict.Valid, Status = DeliveryStatus.Processed, HeadersJson = "{}",
            });
            await inbox.SaveChangesAsync();
        }
        await using (var db = shop.CreateDbContext())
        {
            db.DataProtectionKeys.Add(new() { FriendlyName = "key-1", Xml = "<key id=\"1\" />" });
            db.Record(new Actor("owner"), "test.copy", "Store", 1, null, new { note = "before the move" }, shop.Clock.UtcNow);
            await db.SaveChangesAsync();
        }
        return shop;
    }

    [Fact]
    public async Task Copy_store_moves_every_table_to_an_empty_PostgreSQL_store_with_equal_counts_and_money_sums()
    {
        await using var shop = await ShopAsync();
        var target = StoreLocation.For(StoreProvider.PostgreSQL, await TestPostgres.CreateEmptyDatabaseAsync(), null, "");
        try
        {
            var result = await StoreCopy.CopyAsync(shop.Location, target, TextWriter.Null);

            result.Refusal.ShouldBeNull();
            result.Succeeded.ShouldBeTrue();
            result.Tables.Select(t => t.Table).ShouldContain("Mutations");
            result.Tables.Select(t => t.Table).ShouldContain("WebhookDeliveries");
            result.Tables.Select(t => t.Table).ShouldContain("DataProtectionKeys");
            result.Tables.Single(t => t.Table == "Mutations").SourceRows.ShouldBeGreaterThan(0);

            await using var source = shop.CreateDbContext();
            await using var copy = new MootaDeskDbContext((DbContextOptions<MootaDeskDbContext>)DatabaseSetup.Configure(new DbContextOptionsBuilder<MootaDeskDbContext>(), target).Options);
            (await copy.Mutations.SumAsync(m => m.Amount)).ShouldBe(await source.Mutations.SumAsync(m => m.Amount));
            var first = await source.Mutations.OrderBy(m => m.Id).FirstAsync();
            var copied = await copy.Mutations.SingleAsync(m => m.Id == first.Id);
            (copied.TransactionTime, copied.Amount, copied.Direction, copied.Description).ShouldBe((first.TransactionTime, first.Amount, first.Direction, first.Description));
            copied.TransactionTime.Kind.ShouldBe(DateTimeKind.Utc);
            (await copy.AuditEvents.CountAsync(a => a.Action == "test.copy")).ShouldBe(1);
            // Ids continue after the copied ones.
            copy.Tags.Add(new Core.Mutations.Tag { Name = "Baru", NormalizedName = "baru", CreatedAt = shop.Clock.UtcNow });
            await copy.SaveChangesAsync();

            // A second copy into the now filled store is refused, and nothing is written.
            var again = await StoreCopy.CopyAsync(shop.Location, target, TextWriter.Null);
            again.Refusal.ShouldNotBeNull().ShouldContain("not empty");
            (await copy.Mutations.CountAsync()).ShouldBe(await source.Mutations.CountAsync());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(target.Main);
        }
    }

    [Fact]
    public async Task Copy_store_refuses_a_target_that_is_not_PostgreSQL_or_a_source_that_does_not_exist()
    {
        await using var shop = await ShopAsync();
        (await StoreCopy.CopyAsync(shop.Location, shop.Location, TextWriter.Null)).Refusal.ShouldNotBeNull();
        var nowhere = Path.Combine(Path.GetTempPath(), "mootadesk-tests", Guid.NewGuid().ToString("N"));
        var missing = StoreLocation.For(StoreProvider.Sqlite, $"Data Source={Path.Combine(nowhere, "none.db")}", null, nowhere);
        (await StoreCopy.CopyAsync(missing, StoreLocation.For(StoreProvider.PostgreSQL, TestPostgres.For("unused"), null, ""), TextWriter.Null))
            .Refusal.ShouldNotBeNull().ShouldContain("does not exist");
    }
}
