using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Web.Tests.Infrastructure;

/// <summary>
/// A real SQLite file with the real migrations applied, for testing commands and queries. Each instance is a
/// fresh database (the main file and the webhook inbox file next to it); dispose deletes both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDbContextFactory<MootaDeskDbContext>
{
    private readonly string _dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mootadesk-tests", Guid.NewGuid().ToString("N"));
    private readonly DbContextOptions<MootaDeskDbContext> _options;

    public FakeTimeProvider Time { get; }
    public BusinessClock Clock { get; }
    public string ConnectionString { get; }
    public string Path => System.IO.Path.Combine(_dir, "test.db");

    /// <summary>The webhook inbox file (test-inbox.db), as the app derives it from the main one.</summary>
    public InboxFactory Inbox { get; }

    private TestDatabase(DateTimeOffset? now)
    {
        Time = TestTime.Create(now);
        Directory.CreateDirectory(_dir);
        ConnectionString = DatabaseSetup.ResolveConnectionString($"Data Source={Path}", _dir);
        var builder = new DbContextOptionsBuilder<MootaDeskDbContext>();
        DatabaseSetup.ConfigureSqlite(builder, ConnectionString);
        _options = builder.Options;
        var inbox = new DbContextOptionsBuilder<InboxDbContext>();
        DatabaseSetup.ConfigureSqlite(inbox, WebhookInboxFile.ConnectionStringFor(ConnectionString, null));
        Inbox = new InboxFactory(inbox.Options);
        Clock = new BusinessClock(Time);
    }

    /// <summary>A fresh, migrated database whose clock starts at <paramref name="now"/> (default <see cref="TestTime.Start"/>).</summary>
    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now = null)
    {
        var db = new TestDatabase(now);
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
