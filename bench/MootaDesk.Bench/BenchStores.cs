using Npgsql;

/// <summary>
/// Where a benchmark's app keeps its store: a fresh SQLite file in the run's folder, or a fresh database on the PostgreSQL
/// server named by <c>--connection</c> (Npgsql form without a database; the benchmark creates <c>mootadesk_bench_…</c>
/// databases there and drops them at the end, also on Ctrl-C, through <see cref="CleanExit"/>).
/// </summary>
sealed class BenchStores
{
    private readonly string _dir;
    private readonly string? _server;
    private readonly List<string> _databases = [];

    public BenchStores(string dir, string? server)
    {
        _dir = dir;
        _server = server;
        if (server is not null) CleanExit.Add("drop benchmark databases", DropAll);
    }

    /// <summary>The providers named by <c>--provider sqlite|postgresql|both</c>, in the order they are measured.</summary>
    public static IReadOnlyList<string> Providers(string option) => option.ToLowerInvariant() switch
    {
        "sqlite" => ["SQLite"],
        "postgresql" or "postgres" => ["PostgreSQL"],
        "both" => ["SQLite", "PostgreSQL"],
        _ => throw new ArgumentException($"--provider {option}: use sqlite, postgresql or both"),
    };

    /// <summary>Configuration for a new, empty store of <paramref name="provider"/> named after <paramref name="purpose"/>.</summary>
    public async Task<Dictionary<string, string?>> NewAsync(string provider, string purpose)
    {
        if (provider == "SQLite")
            return new() { ["ConnectionStrings:MootaDesk"] = $"Data Source={Path.Combine(_dir, purpose + ".db")}" };
        if (_server is null) throw new InvalidOperationException("PostgreSQL needs --connection \"Host=…;Port=…;Username=…\" (a server the benchmark may create databases on).");
        var name = $"mootadesk_bench_{purpose}_{Environment.ProcessId}".ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ToString()))
        {
            await admin.OpenAsync();
            // One statement per command: CREATE DATABASE refuses the implicit transaction of a batch.
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\"" })
            {
                await using var cmd = admin.CreateCommand();
                cmd.CommandText = sql;
                await cmd.ExecuteNonQueryAsync();
            }
        }
        lock (_databases) _databases.Add(name);
        return new()
        {
            ["MootaDesk:Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:MootaDesk"] = new NpgsqlConnectionStringBuilder(_server) { Database = name, MaxPoolSize = 200 }.ToString(),
        };
    }

    private void DropAll()
    {
        string[] names;
        lock (_databases) names = [.. _databases];
        if (names.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ToString());
        admin.Open();
        foreach (var name in names)
        {
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }
    }
}
