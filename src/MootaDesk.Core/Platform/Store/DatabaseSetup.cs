using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MootaDesk.Core.Platform.Store;

public static class DatabaseSetup
{
    public const string DefaultConnectionString = "Data Source=data/mootadesk.db";

    /// <summary>
    /// Resolves `ConnectionStrings:MootaDesk` (default data/mootadesk.db) against the content root and makes
    /// sure the folder exists, so a fresh clone runs with no set-up.
    /// </summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        if (csb.DataSource != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(csb.DataSource) ? csb.DataSource : Path.Combine(contentRoot, csb.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            csb.DataSource = Path.GetFullPath(path);
        }
        csb.ForeignKeys = true;
        // Pooling keeps the per-connection PRAGMAs cheap: they run once per physical connection.
        csb.Pooling = true;
        return csb.ToString();
    }

    /// <summary>The assembly holding PostgreSQL's migrations for both contexts (src/MootaDesk.PostgreSqlMigrations, decision 025).</summary>
    public const string PostgreSqlMigrationsAssembly = "MootaDesk.PostgreSqlMigrations";

    /// <summary>The inbox's migrations history on PostgreSQL, where it shares the main database by default.</summary>
    public const string InboxHistoryTable = "__EFInboxMigrationsHistory";

    /// <summary>The main store's options for <paramref name="location"/>'s provider.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, StoreLocation location) =>
        location.Provider == StoreProvider.PostgreSQL ? ConfigureNpgsql(options, location.Main, null) : ConfigureSqlite(options, location.Main);

    /// <summary>The webhook inbox's options for <paramref name="location"/>'s provider.</summary>
    public static DbContextOptionsBuilder ConfigureInbox(DbContextOptionsBuilder options, StoreLocation location)
    {
        if (location.Provider == StoreProvider.PostgreSQL) return ConfigureNpgsql(options, location.Inbox, InboxHistoryTable);
        ConfigureInboxSqlite(options, location.Inbox);
        return options;
    }

    /// <summary>
    /// PostgreSQL: migrations from their own assembly (the SQLite set does not apply), and for the inbox its own history
    /// table so both contexts can share one database. Transient failures (a failover, a restart) are retried by Npgsql's
    /// strategy only where the caller opted in; the store's commands manage their own transactions, so none is set here.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString, string? historyTable) =>
        options.UseNpgsql(connectionString, npgsql =>
        {
            npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly);
            if (historyTable is not null) npgsql.MigrationsHistoryTable(historyTable);
        }).AddInterceptors(CaseInsensitiveLike.Instance);

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite
                   .MigrationsAssembly(typeof(MootaDeskDbContext).Assembly.GetName().Name)
                   // A list in a query (ids.Contains(m.Id)) goes to SQLite as one JSON parameter read by json_each, as
                   // EF Core 9 did. EF 10's default sends one parameter per item: the export's tag lookup of 5,000 ids
                   // a page went from milliseconds to a third of a second. Small fixed lists use EF.Constant instead.
                   .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
               .AddInterceptors(SqlitePragmas.Instance);

    /// <summary>
    /// A webhook delivery's commit checkpoints the inbox's write-ahead log only once it has grown this many pages (40 MB):
    /// <see cref="Integrations.InboxCheckpointer"/> copies it every second, so in practice a delivery never does, and its
    /// answer never waits for a checkpoint's copying. The limit is the safety net for a checkpointer that has stopped.
    /// </summary>
    public const int InboxAutoCheckpointPages = 10_000;

    /// <summary>The inbox file's settings: the main file's, with the checkpoint left to the inbox processor.</summary>
    public static void ConfigureInboxSqlite(DbContextOptionsBuilder options, string connectionString) =>
        ConfigureSqlite(options, connectionString).AddInterceptors(SqlitePragmas.InboxCheckpoint);

    /// <summary>
    /// Applies pending migrations (never EnsureCreated) to the main store and the webhook inbox; on SQLite turns on WAL
    /// for both files and moves deliveries an older version kept in the main file into the inbox file.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync(ct);
        await MigrateAsync(db, "main", logger, ct);
        await using var inbox = await services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync(ct);
        await MigrateAsync(inbox, "inbox", logger, ct);
        if (db.IsPostgreSql()) return;

        var inboxPath = new SqliteConnectionStringBuilder(inbox.Database.GetConnectionString()).DataSource;
        var moved = await WebhookInboxFile.MoveLegacyDeliveriesAsync(db, inboxPath, ct);
        if (moved > 0) logger.LogInformation("Moved {Count} webhook deliveries from the main database into the inbox file", moved);
    }

    private static async Task MigrateAsync(DbContext db, string name, ILogger logger, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to the {Name} database: {Migrations}", pending.Count, name, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
        else
        {
            logger.LogInformation("The {Name} database schema is up to date", name);
        }
        // WAL lets the grid read while the inbox processor writes; it is a property of the file, set once.
        if (!db.IsPostgreSql()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

/// <summary>Per-connection settings, run each time a connection opens.</summary>
internal sealed class SqlitePragmas(string sql) : DbConnectionInterceptor
{
    /// <summary>Every file: wait for a busy writer instead of failing, and trade a little durability on power loss for speed (WAL keeps the file consistent).</summary>
    public static readonly SqlitePragmas Instance = new("PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");

    /// <summary>The inbox file, after <see cref="Instance"/>: see <see cref="DatabaseSetup.InboxAutoCheckpointPages"/>.</summary>
    public static readonly SqlitePragmas InboxCheckpoint = new($"PRAGMA wal_autocheckpoint={DatabaseSetup.InboxAutoCheckpointPages};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
