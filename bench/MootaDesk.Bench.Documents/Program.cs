using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Settings;
using MootaDesk.Core.Shared;

// dotnet run -c Release --project bench/MootaDesk.Bench.Documents [-- --rows 100000 --proof-runs 50 --only export|proof]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var rows = 100_000;
var proofRuns = 50;
string? only = null;
string? seedOnly = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--proof-runs": proofRuns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--only": only = args[++i]; break;
        case "--seed-only": seedOnly = args[++i]; break;
    }
}
var clock = new BusinessClock(TimeProvider.System);

if (seedOnly is not null)
{
    var seeded = await BulkSeeder.SeedAsync(seedOnly, rows, DateTime.UtcNow);
    Console.WriteLine($"Seeded {seeded.Mutations:N0} mutations in {seeded.Elapsed.TotalSeconds:N1} s");
    return 0;
}

if (only is null or "export") await ExportAsync();
if (only is null or "proof") Proof();
return 0;

async Task ExportAsync()
{
    var dir = Path.Combine(Path.GetTempPath(), "mootadesk-bench-documents", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(dir);
    var dbPath = Path.Combine(dir, "bench.db");
    try
    {
        // Seeded by a child process, so this one's working set is the export's, not the seeder's.
        var self = Environment.GetCommandLineArgs()[0];
        var seeder = Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal)
            ? Process.Start(Environment.ProcessPath, [self, "--seed-only", dbPath, "--rows", rows.ToString(CultureInfo.InvariantCulture)])
            : Process.Start(Environment.ProcessPath, ["--seed-only", dbPath, "--rows", rows.ToString(CultureInfo.InvariantCulture)]);
        await seeder.WaitForExitAsync();
        if (seeder.ExitCode != 0) throw new InvalidOperationException("Seeding failed.");
        var options = new DbContextOptionsBuilder<MootaDeskDbContext>();
        DatabaseSetup.ConfigureSqlite(options, DatabaseSetup.ResolveConnectionString($"Data Source={dbPath}", dir));
        var factory = new BenchFactory(options.Options);
        var export = new MutationExportService(factory, clock, NullLogger<MutationExportService>.Instance);
        var finance = Viewer.ForRoles("bench-finance", Roles.Finance);
        // The seeder spreads rows over the past year: two years back takes every one of them.
        var filter = new MutationFilter { From = clock.Today.AddYears(-2), To = clock.Today };

        // The floor under both formats: reading the rows page by page, writing nothing.
        var read = Stopwatch.StartNew();
        var readRows = 0;
        await foreach (var page in MutationExport.PagesAsync(factory, filter, finance, clock)) readRows += page.Count;
        Console.WriteLine($"Read only   : {readRows:N0} rows in {read.Elapsed.TotalSeconds:N2} s");

        foreach (var format in new[] { ExportFormat.Excel, ExportFormat.Csv, ExportFormat.Excel, ExportFormat.Csv })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var process = Process.GetCurrentProcess();
            var before = process.WorkingSet64;
            long peak = before;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(10);
                }
            });
            var path = Path.Combine(dir, format == ExportFormat.Excel ? "export.xlsx" : "export.csv");
            var sw = Stopwatch.StartNew();
            ExportTotals totals;
            await using (var file = File.Create(path))
                totals = await export.WriteAsync(file, filter, format, finance, new Actor("bench"));
            var elapsed = sw.Elapsed;
            await stop.CancelAsync();
            await sampler;
            Console.WriteLine($"Export {format,-5}: {totals.Rows:N0} rows in {elapsed.TotalSeconds:N2} s ({totals.Rows / elapsed.TotalSeconds:N0} rows/s), " +
                              $"file {new FileInfo(path).Length / 1048576.0:N1} MB, process working set peak {peak / 1048576.0:N0} MB (before {before / 1048576.0:N0} MB)");
        }
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}

void Proof()
{
    var card = new ProofCard("Toko Kopi Nusantara", 150_123m, DateTime.UtcNow.AddMinutes(-30), true, DateTime.UtcNow.AddMinutes(-29), "BCA",
        AccountMask.MaskNumber("1234560123"), "BUDI SANTOSO", "INV-2026-0042", "K7QX-3M9P", DateTime.UtcNow,
        "https://toko.example/v/AbCdEfGhIjKlMnOpQrStUv.0123456789abcdefghijkl", false);
    foreach (var (name, render) in new (string, Func<byte[]>)[] { ("PNG", () => ProofCardRenderer.Png(card, clock)), ("PDF", () => ProofCardRenderer.Pdf(card, clock)) })
    {
        var first = Stopwatch.StartNew();
        var size = render().Length;
        var cold = first.Elapsed.TotalMilliseconds;
        for (var i = 0; i < 5; i++) render();
        var times = new List<double>();
        for (var i = 0; i < proofRuns; i++)
        {
            var sw = Stopwatch.StartNew();
            render();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"Proof {name}: {size / 1024.0:N1} KB, first {cold:N0} ms, warm p50 {times[times.Count / 2]:N1} ms, " +
                          $"p95 {times[(int)(times.Count * 0.95)]:N1} ms, max {times[^1]:N1} ms ({proofRuns} runs)");
    }
}

sealed class BenchFactory(DbContextOptions<MootaDeskDbContext> options) : IDbContextFactory<MootaDeskDbContext>
{
    public MootaDeskDbContext CreateDbContext() => new(options);
}
