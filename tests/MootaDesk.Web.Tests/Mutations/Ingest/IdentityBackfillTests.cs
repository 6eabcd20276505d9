using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Platform.Components;

namespace MootaDesk.Web.Tests.Mutations.Ingest;

/// <summary>An existing database upgraded by migration IngestIdentity: its rows get bank dates and Moota ids, so the new rule covers them.</summary>
public sealed class IdentityBackfillTests : IAsyncDisposable
{
    private const string Before = "20261122002111_MoveWebhookInboxToOwnFile";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mootadesk-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Existing_rows_get_their_bank_date_and_moota_id_and_later_copies_wait_for_the_duplicates_review()
    {
        Directory.CreateDirectory(_dir);
        var cs = DatabaseSetup.ResolveConnectionString($"Data Source={Path.Combine(_dir, "old.db")}", _dir);
        var options = new DbContextOptionsBuilder<MootaDeskDbContext>();
        DatabaseSetup.ConfigureSqlite(options, cs);
        await using (var db = new MootaDeskDbContext(options.Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            // As an older MootaDesk stored them: webhook and pull both kept sigX; a statement day-only row stored at WITA
            // midnight (16:00 UTC the day before); a sandbox row of the same amount, which is never real money's duplicate.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Accounts (Id, BankCode, AccountNumber, HolderName, Label, Purpose, IsActive, IsSandbox, IsDemo, CreatedAt)
                VALUES (1, 'bca', '0144050123', '', 'BCA', 0, 1, 0, 0, '2026-11-01 00:00:00');
                INSERT INTO Mutations (Id, AccountId, Source, SourceId, TransactionTime, HasTimeOfDay, ReadTime, Description, Amount, Direction, Status, IsSandbox, HasNote)
                VALUES
                  (1, 1, 0, 'sigX', '2026-11-29 22:26:30', 1, '2026-11-29 22:27:00', 'TRSF CR DEWI', 20003700, 0, 1, 0, 0),
                  (2, 1, 1, 'sigX', '2026-11-29 22:26:30', 1, '2026-11-29 23:00:00', 'TRSF CR DEWI', 20003700, 0, 0, 0, 0),
                  (3, 1, 2, 'line:0', '2026-11-29 16:00:00', 0, '2026-11-30 02:00:00', 'TRSF CR DEWI', 20003700, 0, 0, 0, 0),
                  (4, 1, 0, 'sbx-1', '2026-11-29 22:26:30', 1, '2026-11-29 22:27:00', 'SANDBOX', 20003700, 0, 0, 1, 0),
                  (5, 1, 1, 'solo', '2026-11-30 16:59:00', 1, '2026-11-30 17:00:00', 'LATE EVENING', 5000000, 1, 0, 0, 0);
                """);
        }

        await using (var db = new MootaDeskDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            var rows = await db.Mutations.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.BankDate, m.MootaMutationId }).ToListAsync();
            rows.Select(r => (r.Id, r.BankDate, r.MootaMutationId)).ShouldBe([
                (1L, new DateOnly(2026, 11, 30), "sigX"),
                (2L, new DateOnly(2026, 11, 30), (string?)null),
                (3L, new DateOnly(2026, 11, 30), (string?)null),
                (4L, new DateOnly(2026, 11, 30), "sbx-1"),
                (5L, new DateOnly(2026, 11, 30), "solo"),
            ]);
        }

        var review = await new CrossSourceDuplicates(new Factory(options.Options)).FindAsync();
        review.Groups.Single().Rows.Select(r => r.Id).ShouldBe([1L, 2L, 3L]);
    }

    private sealed class Factory(DbContextOptions<MootaDeskDbContext> options) : IDbContextFactory<MootaDeskDbContext>
    {
        public MootaDeskDbContext CreateDbContext() => new(options);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
