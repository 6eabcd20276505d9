using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Web.Tests.Infrastructure;

/// <summary>
/// A real database with the real migrations applied, for testing commands and queries: a SQLite file (and the webhook
/// inbox file next to it), or on PostgreSQL (<see cref="TestStore.Provider"/>) a fresh database holding both. Dispose
/// deletes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDbContextFactory<MootaDeskDbContext>
{
    private string _dir = "";
    private readonly DbContextOptions<MootaDeskDbContext> _options;

    public FakeTimeProvider Time { get; }
    public BusinessClock Clock { get; }
    public string ConnectionString { get; }
    /// <summary>The SQLite file (SQLite only).</summary>
    public string Path => Provider == StoreProvider.Sqlite ? System.IO.Path.Combine(_dir, "test.db") : throw new InvalidOperationException("A PostgreSQL test database has no file.");

    /// <summary>The webhook inbox file (test-inbox.db), as the app derives it from the main one.</summary>
    public InboxFactory Inbox { get; }

    /// <summary>SQLite or PostgreSQL, as the test class chose (<see cref="TestStore"/>).</summary>
    public StoreProvider Provider => Location.Provider;

    /// <summary>The provider and both connection strings, as the app would read them from configuration.</summary>
    public StoreLocation Location { get; }

    private TestDatabase(DateTimeOffset? now, StoreLocation location)
    {
        Time = TestTime.Create(now);
        Location = location;
        ConnectionString = location.Main;
        var builder = new DbContextOptionsBuilder<MootaDeskDbContext>();
        DatabaseSetup.Configure(builder, location);
        _options = builder.Options;
        var inbox = new DbContextOptionsBuilder<InboxDbContext>();
        DatabaseSetup.ConfigureInbox(inbox, location);
        Inbox = new InboxFactory(inbox.Options);
        Clock = new BusinessClock(Time);
    }

    /// <summary>A fresh, migrated database whose clock starts at <paramref name="now"/> (default <see cref="TestTime.Start"/>).</summary>
    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now = null) => await CreateAsync(now, TestStore.Provider);

    /// <summary>A fresh, migrated database on <paramref name="provider"/>, whatever the test class runs on (copy-store needs both).</summary>
    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now, StoreProvider provider)
    {
        if (provider == StoreProvider.PostgreSQL)
            return new TestDatabase(now, StoreLocation.For(StoreProvider.PostgreSQL, await TestPostgres.CreateDatabaseAsync(), null, ""));

        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mootadesk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = new TestDatabase(now, StoreLocation.For(StoreProvider.Sqlite, $"Data Source={System.IO.Path.Combine(dir, "test.db")}", null, dir)) { _dir = dir };
        await using var ctx = db.CreateDbContext();
        await ctx.Database.MigrateAsync();
        await using var inbox = db.Inbox.CreateDbContext();
        await inbox.Database.MigrateAsync();
        return db;
    }

    public MootaDeskDbContext CreateDbContext() => new(_options);

    public Task<MootaDeskDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public async ValueTask DisposeAsync()
    {
        if (Provider == StoreProvider.PostgreSQL)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Yield();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { /* a file still open on another thread; temp is cleaned later */ }
    }
}

public sealed class InboxFactory(DbContextOptions<InboxDbContext> options) : IDbContextFactory<InboxDbContext>
{
    public InboxDbContext CreateDbContext() => new(options);

    public Task<InboxDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());
}
