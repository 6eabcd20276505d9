using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform;

/// <summary>
/// A database written by main before the .NET 10 move (tests/Fixtures/upgrade, EF Core 9.0.22) must open in the
/// current app, take every newer migration and keep its data and its users' passwords.
/// </summary>
public class UpgradeFromMainTests : IDisposable
{
    private readonly MootaDeskFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Fixtures", "upgrade", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("tests/Fixtures/upgrade/" + name + " not found above " + AppContext.BaseDirectory);
    }

    private static void Load(string dumpFile, string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = File.ReadAllText(Fixture(dumpFile));
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_database_made_by_main_8e05c9b_upgrades_by_migrations_and_keeps_its_data()
    {
        Load("main-8e05c9b.sql", _app.DatabasePath);
        Load("main-8e05c9b-inbox.sql", Path.ChangeExtension(_app.DatabasePath, null) + "-inbox.db");

        // Starting the app migrates both files.
        var client = _app.CreateBareClient();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
        {
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
            db.Database.HasPendingModelChanges().ShouldBeFalse();
            (await db.Mutations.CountAsync()).ShouldBe(30);
            (await db.Accounts.CountAsync()).ShouldBe(6);
            (await db.Orders.CountAsync()).ShouldBe(8);
            (await db.MutationNotes.CountAsync()).ShouldBe(14);
            (await db.Mutations.SumAsync(m => m.Amount)).ShouldNotBe(0m);
            // The trigram text index came along: a word from a stored description is found through it.
            var word = (await db.Mutations.OrderBy(m => m.Id).Select(m => m.Description).FirstAsync()).Split(' ')[0];
            (await db.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM MutationSearchIndex WHERE MutationSearchIndex MATCH {0}", '"' + word + '"').CountAsync())
                .ShouldBeGreaterThan(0);
        }
        await using (var inbox = await _app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync())
            (await inbox.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();

        // The Owner that main created signs in with the same password and reaches the Mutasi page (which, with
        // only demo data in the store, shows the demo rows).
        var owner = await _app.SignInAsync("pemilik", "rahasia12345");
        var mutasi = await owner.GetAsync("/mutasi");
        mutasi.StatusCode.ShouldBe(HttpStatusCode.Found);
        mutasi.Headers.Location!.ToString().ShouldEndWith("/mutasi?sandbox=ya");
        (await owner.GetAsync("/mutasi?sandbox=ya")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
