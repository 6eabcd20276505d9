using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Settings;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;

namespace MootaDesk.Web.Tests.Proof;

/// <summary>Runs only when asked (MOOTADESK_BENCH=1): numbers for docs/performance.md, never a pass/fail on time.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MOOTADESK_BENCH") != "1") Skip = "Benchmark: set MOOTADESK_BENCH=1 to run.";
    }
}

[Trait("Category", "Benchmark")]
public class PaymentSearchBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task Payment_search_over_a_busy_year()
    {
        var rows = int.TryParse(Environment.GetEnvironmentVariable("MOOTADESK_BENCH_ROWS"), out var n) ? n : 300_000;
        var dir = Path.Combine(Path.GetTempPath(), "mootadesk-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "bench.db");
        try
        {
            var time = TestTime.Create();
            var seeded = await BulkSeeder.SeedAsync(path, rows, time.GetUtcNow().UtcDateTime);
            output.WriteLine($"seeded {seeded.Mutations:N0} mutations in {seeded.Elapsed.TotalSeconds:N1} s");

            var builder = new DbContextOptionsBuilder<MootaDeskDbContext>();
            DatabaseSetup.ConfigureSqlite(builder, DatabaseSetup.ResolveConnectionString($"Data Source={path}", dir));
            var factory = new BenchFactory(builder.Options);
            var clock = new BusinessClock(time);
            var search = new PaymentSearch(factory, clock, Options.Create(new ProofOptions()), time);
            var cs = Viewer.ForRoles("cs", Roles.CS);

            await using (var db = factory.CreateDbContext())
            {
                var sample = await db.Mutations.Where(m => m.Direction == Direction.Credit && m.Counterparty != null)
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
                foreach (var (name, criteria) in cases)
                {
                    await search.SearchAsync(criteria, cs); // warm-up
                    var times = new List<double>();
                    PaymentSearchResult? result = null;
                    for (var i = 0; i < 5; i++)
                    {
                        var sw = Stopwatch.StartNew();
                        result = await search.SearchAsync(criteria, cs);
                        times.Add(sw.Elapsed.TotalMilliseconds);
                    }
                    times.Sort();
                    output.WriteLine($"{name,-34} median {times[2],8:N1} ms  max {times[^1],8:N1} ms  hits {result!.Hits.Count}");
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private sealed class BenchFactory(DbContextOptions<MootaDeskDbContext> options) : IDbContextFactory<MootaDeskDbContext>
    {
        public MootaDeskDbContext CreateDbContext() => new(options);
    }
}
