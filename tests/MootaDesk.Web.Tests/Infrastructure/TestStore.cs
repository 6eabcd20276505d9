using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;
using Npgsql;

namespace MootaDesk.Web.Tests.Infrastructure;

/// <summary>
/// Which provider the store-facing tests of the current test run against. SQLite unless a test class on PostgreSQL
/// (<see cref="OnPostgreSql"/>) chose PostgreSQL in its constructor; the choice flows with the test's async context, so
/// <see cref="TestDatabase.CreateAsync"/> and <see cref="MootaDeskFactory"/> pick it up without new parameters.
/// </summary>
public static class TestStore
{
    private static readonly AsyncLocal<StoreProvider?> CurrentProvider = new();

    public static StoreProvider Provider => CurrentProvider.Value ?? StoreProvider.Sqlite;

    internal static void Use(StoreProvider provider) => CurrentProvider.Value = provider;
}

/// <summary>
/// A test class that reruns a SQLite test class's cases on PostgreSQL: <c>public sealed class XTestsOnPostgreSql : XTests,
/// IOnPostgreSql { public XTestsOnPostgreSql() => OnPostgreSql.Use(); }</c>. Without a server (<c>MOOTADESK_TEST_POSTGRES</c>
/// unset) such classes are left out of the run locally (<see cref="StoreTestFramework"/>) and fail under <c>CI=true</c>,
/// where .ci/run always starts one.
/// </summary>
public interface IOnPostgreSql;

public static class OnPostgreSql
{
    /// <summary>Call from the constructor of a test class that runs on PostgreSQL.</summary>
    public static void Use()
    {
        if (TestPostgres.AdminConnectionString is null)
            throw new InvalidOperationException($"{TestPostgres.Variable} is not set: .ci/run starts a PostgreSQL server and sets it (e.g. \"Host=127.0.0.1;Port=5440;Username=postgres\").");
        TestStore.Use(StoreProvider.PostgreSQL);
    }

    /// <summary>Whether the PostgreSQL classes run: a server is configured, or CI requires them (and then fail without one).</summary>
    public static bool Runs =>
        TestPostgres.AdminConnectionString is not null
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Throwaway PostgreSQL databases on the server named by <c>MOOTADESK_TEST_POSTGRES</c> (a superuser connection string
/// without a database): the migrations run once into a template, and each test's database is a copy of it
/// (CREATE DATABASE … TEMPLATE takes a few milliseconds with fsync off), dropped when the test ends.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "MOOTADESK_TEST_POSTGRES";

    public static string? AdminConnectionString { get; } =
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) ? null : Environment.GetEnvironmentVariable(Variable);

    private static readonly string Template = "mootadesk_template_" + Environment.ProcessId;
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool _templateReady;

    /// <summary>A connection string to <paramref name="database"/> on the test server.</summary>
    public static string For(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 20 }.ToString();

    /// <summary>A fresh, migrated database (main store and inbox); returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        await EnsureTemplateAsync();
        var name = "mootadesk_t_" + Guid.NewGuid().ToString("N")[..16];
        await ExecAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template}\"");
        return For(name);
    }

    /// <summary>An empty database with no tables (what copy-store is pointed at).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = "mootadesk_e_" + Guid.NewGuid().ToString("N")[..16];
        await ExecAsync($"CREATE DATABASE \"{name}\"");
        return For(name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        await ExecAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task EnsureTemplateAsync()
    {
        if (_templateReady) return;
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateReady) return;
            await ExecAsync($"DROP DATABASE IF EXISTS \"{Template}\" WITH (FORCE)");
            await ExecAsync($"CREATE DATABASE \"{Template}\"");
            var location = StoreLocation.For(StoreProvider.PostgreSQL, For(Template), null, "");
            await using (var db = new MootaDeskDbContext((DbContextOptions<MootaDeskDbContext>)DatabaseSetup.Configure(new DbContextOptionsBuilder<MootaDeskDbContext>(), location).Options))
                await db.Database.MigrateAsync();
            await using (var inbox = new InboxDbContext((DbContextOptions<InboxDbContext>)DatabaseSetup.ConfigureInbox(new DbContextOptionsBuilder<InboxDbContext>(), location).Options))
                await inbox.Database.MigrateAsync();
            // A template must have no open connections while it is copied.
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { ExecAsync($"DROP DATABASE IF EXISTS \"{Template}\" WITH (FORCE)").GetAwaiter().GetResult(); } catch (NpgsqlException) { }
            };
            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
