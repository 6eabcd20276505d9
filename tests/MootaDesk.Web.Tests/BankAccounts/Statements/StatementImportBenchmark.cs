using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.BankAccounts.Statements;

/// <summary>Runs only with MOOTADESK_BENCH=1: a measurement, not a unit test (see docs/performance.md).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MOOTADESK_BENCH") != "1") Skip = "Benchmark: set MOOTADESK_BENCH=1 to run.";
    }
}

[Trait("Category", "Benchmark")]
public class StatementImportBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task Import_of_100000_rows()
    {
        const int rows = 100_000;
        var csv = new StringBuilder("Tanggal;Jam;Keterangan;Debet;Kredit;Saldo\n");
        var balance = 50_000_000m;
        var start = new DateTime(2026, 1, 1, 8, 0, 0);
        var id = CultureInfo.GetCultureInfo("id-ID");
        for (var i = 0; i < rows; i++)
        {
            var t = start.AddMinutes(i * 4);
            var credit = i % 3 != 0;
            var amount = 10_000m + (i % 997) * 1_000m + (i % 100);
            balance += credit ? amount : -amount;
            csv.Append(t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(';').Append(t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(';')
               .Append(credit ? $"TRSF E-BANKING CR {i:D6}/FTSCY/WS95031 PELANGGAN {i % 5000}" : $"TRSF E-BANKING DB {i:D6} SUPPLIER {i % 300}").Append(';')
               .Append(credit ? "" : amount.ToString("#,##0.00", id)).Append(';')
               .Append(credit ? amount.ToString("#,##0.00", id) : "").Append(';')
               .Append(balance.ToString("#,##0.00", id)).Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());

        await using var test = await TestDatabase.CreateAsync();
        int accountId;
        await using (var db = test.CreateDbContext())
        {
            var account = new Account { BankCode = "bca", AccountNumber = "999", Label = "Bench", CreatedAt = test.Clock.UtcNow };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            accountId = account.Id;
        }
        var importer = new StatementImporter(test, new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance), test.Clock);

        // CPU time next to wall time: on a shared machine the wall clock mostly measures the neighbours.
        var process = Process.GetCurrentProcess();
        TimeSpan Cpu() { process.Refresh(); return process.TotalProcessorTime; }
        var cpu0 = Cpu();
        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        var loaded = await importer.LoadAsync(accountId, bytes, "bench.csv");
        var read = sw.Elapsed;
        var cpu1 = Cpu();
        sw.Restart();
        var analysis = await importer.AnalyzeAsync(loaded, loaded.Mapping);
        var analyzed = sw.Elapsed;
        var cpu2 = Cpu();
        sw.Restart();
        var outcome = await importer.CommitAsync(analysis, false, Viewer.ForRoles("bench", Roles.Finance), new Actor("bench"));
        var committed = sw.Elapsed;
        var cpu3 = Cpu();
        total.Stop();

        outcome.New.ShouldBe(rows);
        sw.Restart();
        var again = await importer.AnalyzeAsync(loaded, loaded.Mapping);
        var reanalyzed = sw.Elapsed;
        again.AlreadyPresent.ShouldBe(rows);
        await using (var db = test.CreateDbContext())
            (await db.Mutations.CountAsync()).ShouldBe(rows);

        var report = $"rows={rows:N0} file={bytes.Length / 1024.0 / 1024.0:F1} MiB read={read.TotalSeconds:F2}s analyze={analyzed.TotalSeconds:F2}s " +
                     $"commit={committed.TotalSeconds:F2}s total={total.Elapsed.TotalSeconds:F2}s re-analyze(all present)={reanalyzed.TotalSeconds:F2}s | " +
                     $"cpu read={(cpu1 - cpu0).TotalSeconds:F2}s analyze={(cpu2 - cpu1).TotalSeconds:F2}s commit={(cpu3 - cpu2).TotalSeconds:F2}s " +
                     $"total={(cpu3 - cpu0).TotalSeconds:F2}s | machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores";
        output.WriteLine(report);
        Console.WriteLine(report);
    }
}
