using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Settings;

/// <summary>
/// A search bench's store: the file named by <c>--db</c>, or a throw-away one seeded with <see cref="BulkSeeder"/>
/// (<c>--rows</c>, default 300,000 mutations) and deleted when the bench ends.
/// </summary>
internal sealed class SeededStore : IAsyncDisposable
{
    private readonly DirectoryInfo dir;

    private SeededStore(DirectoryInfo dir, BenchFactory factory) => (this.dir, Factory) = (dir, factory);

    public BenchFactory Factory { get; }

    public static async Task<SeededStore> OpenAsync(string[] args, string name)
    {
        var rows = 300_000;
        string? db = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rows") rows = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--db") db = args[++i];
        }
        var dir = Directory.CreateTempSubdirectory($"mootadesk-{name}-");
        var path = db ?? Path.Combine(dir.FullName, "bench.db");
        if (db is null)
        {
            var seeded = await BulkSeeder.SeedAsync(path, rows, TimeProvider.System.GetUtcNow().UtcDateTime);
            Console.WriteLine($"seeded {seeded.Mutations:N0} mutations in {seeded.Elapsed.TotalSeconds:N1} s");
        }
        var options = new DbContextOptionsBuilder<MootaDeskDbContext>();
        DatabaseSetup.ConfigureSqlite(options, DatabaseSetup.ResolveConnectionString($"Data Source={path}", dir.FullName));
        return new SeededStore(dir, new BenchFactory(options.Options));
    }

    /// <summary>One warm-up, then five timed runs: the median and the slowest in milliseconds, and the last answer.</summary>
    public static async Task<(double Median, double Max, T Last)> FiveRunsAsync<T>(Func<Task<T>> run)
    {
        await run();
        var times = new List<double>();
        var last = default(T)!;
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            last = await run();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[2], times[^1], last);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { dir.Delete(true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
