using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Settings;
using MootaDesk.Web.Platform.Components;

namespace MootaDesk.Web.Tests.Settings;

public class BulkSeederTests
{
    [Fact]
    public async Task Seeded_rows_read_back_through_EF_with_exact_money_and_all_indexes_rebuilt()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mootadesk-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(dir, "seed.db");
        Directory.CreateDirectory(dir);
        try
        {
            var result = await BulkSeeder.SeedAsync(path, 3_000, new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc));
            result.Mutations.ShouldBe(3_000);

            var options = new DbContextOptionsBuilder<MootaDeskDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
            await using var db = new MootaDeskDbContext(options);
            (await db.Mutations.CountAsync()).ShouldBe(3_000);
            (await db.Mutations.AllAsync(m => m.Amount > 0 && !m.IsSandbox)).ShouldBeTrue();
            var credit = await db.Mutations.FirstAsync(m => m.Direction == Direction.Credit);
            credit.Description.ShouldContain(' ');
            (await db.MutationTags.CountAsync()).ShouldBeGreaterThan(500);
            (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE type='index' AND tbl_name='Mutations'").SingleAsync())
                .ShouldBeGreaterThanOrEqualTo(8);
            db.Database.HasPendingModelChanges().ShouldBeFalse();

            // The seeder leaves the mutations' text index to the app's catch-up (notes are rebuilt at once), and its
            // triggers are back for later writes. Until the catch-up, search reads the seeded rows with LIKE.
            (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE type='trigger' AND name LIKE '%SearchIndex%'").SingleAsync())
                .ShouldBe(5);
            (await db.Database.SqlQueryRaw<long>("SELECT \"IndexedThroughId\" AS Value FROM \"MutationSearchIndexState\"").SingleAsync()).ShouldBe(0);
            (await MutationTextSearch.CatchUpAsync(db, chunk: 700)).ShouldBe(await db.Mutations.CountAsync());
            (await db.Database.SqlQueryRaw<long>("SELECT \"IndexedThroughId\" AS Value FROM \"MutationSearchIndexState\"").SingleAsync())
                .ShouldBe(await db.Mutations.MaxAsync(m => m.Id));
            (await MutationTextSearch.CatchUpAsync(db)).ShouldBe(0);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rank) VALUES ('integrity-check', 1)""");
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MutationNoteSearchIndex" ("MutationNoteSearchIndex", rank) VALUES ('integrity-check', 1)""");
            var indexed = await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS Value FROM "MutationSearchIndex" WHERE "MutationSearchIndex" MATCH '"budi"'""").SingleAsync();
            indexed.ShouldBeGreaterThan(0);
            indexed.ShouldBe(await db.Mutations.CountAsync(m => EF.Functions.Like(m.Description, "%budi%") || EF.Functions.Like(m.Counterparty!, "%budi%")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }
}
