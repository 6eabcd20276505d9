using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Settings;
using MootaDesk.Core.Shared;

/// <summary>
/// <c>payment-search [--rows 300000] [--db seeded.db]</c>: the Bukti Transfer search ("sudah masuk belum?") over a busy year,
/// as CS asks it. Seeds a throw-away store with <see cref="BulkSeeder"/> unless <c>--db</c> names one. Prints median and max
/// of five warm runs per question; asserts nothing.
/// </summary>
internal static class PaymentSearchBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var time = TimeProvider.System;
        await using var store = await SeededStore.OpenAsync(args, "payment-search");
        var factory = store.Factory;
        var clock = new BusinessClock(time);
        var search = new PaymentSearch(factory, clock, Options.Create(new ProofOptions()), time);
        var cs = Viewer.ForRoles("bench-cs", Roles.CS);

        await using var context = factory.CreateDbContext();
        var sample = await context.Mutations.Where(m => m.Direction == Direction.Credit && m.Counterparty != null)
            .OrderByDescending(m => m.TransactionTime).Select(m => new { m.Amount, m.Counterparty }).FirstAsync();
        var typo = sample.Counterparty!.ToLowerInvariant();
        typo = typo.Length > 5 ? typo.Remove(3, 1) : typo; // one letter missing
        var today = clock.Today;
        var cases = new (string Name, PaymentSearchCriteria Criteria)[]
        {
            ("last 7 days, no filter", new()),
            ("amount, last 7 days", new(Amount: Money.Format(sample.Amount))),
            ("name with a typo, last 7 days", new(Name: typo)),
            ("name with a typo, last 90 days", new(Name: typo, From: today.AddDays(-89))),
            ("amount, whole year", new(Amount: Money.Format(sample.Amount), From: today.AddDays(-365))),
            ("order reference, last 30 days", new(OrderReference: "INV-", From: today.AddDays(-29))),
        };
        Console.WriteLine($"payment search (CS) · {Environment.ProcessorCount} CPU · load {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var (name, criteria) in cases)
        {
            var (median, max, result) = await SeededStore.FiveRunsAsync(() => search.SearchAsync(criteria, cs));
            Console.WriteLine($"{name,-34} median {median,8:N1} ms  max {max,8:N1} ms  hits {result.Hits.Count}");
        }
        return 0;
    }
}

/// <summary>
/// <c>read-api [--db /tmp/mutations-bench/bench.db] [--iterations 15]</c>: <c>GET /api/mutations</c>'s query
/// (<see cref="MutationReadQuery"/>, through the page's <see cref="MutationSearch"/>) on a seeded store, first page and
/// capped total, for Finance and CS. The issue's target is the page's: first page p95 ≤ 150 ms.
/// </summary>
internal static class ReadApiBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dbPath = "/tmp/mutations-bench/bench.db";
        var iterations = 15;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--db") dbPath = args[++i];
            else if (args[i] == "--iterations") iterations = int.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        if (!File.Exists(dbPath))
        {
            Console.Error.WriteLine($"{dbPath} does not exist; seed it first: dotnet run --project src/MootaDesk.Web -- seed --mutations 1000000 --db {dbPath}");
            return 2;
        }
        var options = new DbContextOptionsBuilder<MootaDeskDbContext>();
        DatabaseSetup.ConfigureSqlite(options, DatabaseSetup.ResolveConnectionString($"Data Source={dbPath}", Directory.GetCurrentDirectory()));
        var factory = new BenchFactory(options.Options);
        var clock = new BusinessClock(TimeProvider.System);
        var query = new MutationReadQuery(factory, clock);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            Console.WriteLine($"read API · {await db.Mutations.CountAsync():N0} mutations · {Environment.ProcessorCount} CPU · load {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        var finance = Viewer.ForRoles("bench-finance", Roles.Finance);
        var cs = Viewer.ForRoles("bench-cs", Roles.CS);
        var to = clock.Today;
        var month = to.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cases = new (string Name, MutationReadParameters Parameters, Viewer Viewer)[]
        {
            ("no filter", new(), finance),
            ("no filter (CS)", new(), cs),
            ("last 30 days, credits", new(from: month, direction: "credit"), finance),
            ("text 'budi'", new(q: "budi"), finance),
            ("text 'budi' (CS)", new(q: "budi"), cs),
            ("amount range 1-2 jt", new(amountMin: "1000000", amountMax: "2000000"), finance),
            ("status needs-attention", new(status: "needs-attention"), finance),
            ("debits, page 20 of 100", new(direction: "debit", page: "20", pageSize: "100"), finance),
        };
        foreach (var (name, parameters, viewer) in cases)
        {
            var request = MutationReadRequest.Parse(parameters).Value!;
            await query.LoadAsync(request, viewer); // warm-up
            var times = new List<double>();
            MutationReadPage? page = null;
            for (var i = 0; i < iterations; i++)
            {
                var sw = Stopwatch.StartNew();
                page = (await query.LoadAsync(request, viewer)).Value;
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{name,-30} p50 {Percentile(times, 50),8:N1} ms  p95 {Percentile(times, 95),8:N1} ms  rows {page!.Items.Count,4}  total {page.Total:N0}{(page.TotalIsCapped ? "+" : "")}");
        }
        return 0;
    }

    private static double Percentile(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}
