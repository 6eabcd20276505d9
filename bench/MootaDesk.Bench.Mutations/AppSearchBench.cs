using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Search;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Settings;
using MootaDesk.Core.Shared;

/// <summary>
/// <c>app-search [--rows 300000] [--db seeded.db]</c>: the app bar's search (<see cref="AppSearch"/>) over a busy store, as
/// Finance and CS type into it: a payer's name (both word orders), an amount, an order reference, a code, nothing found. Seeds
/// a throw-away store with <see cref="BulkSeeder"/> (mutations only) unless <c>--db</c> names one. Prints median and max of five
/// warm runs per question; asserts nothing.
/// </summary>
internal static class AppSearchBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = 300_000;
        string? db = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rows") rows = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--db") db = args[++i];
        }
        var time = TimeProvider.System;
        var dir = Directory.CreateTempSubdirectory("mootadesk-app-search-");
        try
        {
            var path = db ?? Path.Combine(dir.FullName, "bench.db");
            if (db is null)
            {
                var seeded = await BulkSeeder.SeedAsync(path, rows, time.GetUtcNow().UtcDateTime);
                Console.WriteLine($"seeded {seeded.Mutations:N0} mutations in {seeded.Elapsed.TotalSeconds:N1} s");
            }
            var options = new DbContextOptionsBuilder<MootaDeskDbContext>();
            DatabaseSetup.ConfigureSqlite(options, DatabaseSetup.ResolveConnectionString($"Data Source={path}", dir.FullName));
            var factory = new BenchFactory(options.Options);
            await using (var context = factory.CreateDbContext())
                await MutationTextSearch.CatchUpAsync(context);
            var search = new AppSearch(factory, new BusinessClock(time));

            await using var ctx = factory.CreateDbContext();
            var sample = await ctx.Mutations.Where(m => m.Direction == Direction.Credit && m.Counterparty != null && m.OrderReference != null)
                .OrderByDescending(m => m.TransactionTime).Select(m => new { m.Amount, m.Counterparty, m.OrderReference }).FirstAsync();
            var words = sample.Counterparty!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var cases = new (string Name, string Text)[]
            {
                ("payer's name", sample.Counterparty),
                ("payer's name, words reversed", string.Join(' ', Enumerable.Reverse(words))),
                ("amount", Money.Format(sample.Amount)),
                ("order reference", sample.OrderReference!),
                ("proof code", "K7QX-3M9P"),
                ("nothing found", "zzqq tidak ada"),
            };
            Console.WriteLine($"app search · {Environment.ProcessorCount} CPU · load {File.ReadAllText("/proc/loadavg").Trim()}");
            foreach (var viewer in new[] { Viewer.ForRoles("bench-finance", Roles.Finance), Viewer.ForRoles("bench-cs", Roles.CS) })
            {
                foreach (var (name, text) in cases)
                {
                    await search.SearchAsync(text, viewer); // warm-up
                    var times = new List<double>();
                    AppSearchResult? result = null;
                    for (var i = 0; i < 5; i++)
                    {
                        var sw = Stopwatch.StartNew();
                        result = await search.SearchAsync(text, viewer);
                        times.Add(sw.Elapsed.TotalMilliseconds);
                    }
                    times.Sort();
                    Console.WriteLine($"{string.Join(",", viewer.Roles),-8} {name,-30} median {times[2],8:N1} ms  max {times[^1],8:N1} ms  " +
                                      $"hits {result!.Mutations.Count}/{result.Orders.Count}/{result.Customers.Count}/{result.Proofs.Count}");
                }
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { dir.Delete(true); } catch (IOException) { }
        }
    }
}
