using MootaDesk.Core.Integrations.Notifications;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.OwnerReports.IncomeRhythm;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Settings;
using MootaDesk.Web.Platform.Hosting;

/// <summary>
/// Issue 15's speed targets, indicative on a shared machine:
///   notifications [--seconds 20] [--rate 50]   POST /api/notifications p50/p99 at a steady rate (SmsForwarder form posts, every
///                                               one a new provisional credit), the real app on loopback.
///   income-rhythm [--db seeded.db] [--mutations 1000000] [--runs 3]   the income rhythm report over the seeded year.
/// </summary>
static class NotificationsBench
{
    public static async Task<int> RunNotificationsAsync(string[] args)
    {
        var seconds = Arg(args, "--seconds", 20);
        var rate = Arg(args, "--rate", 50);
        var dir = Directory.CreateTempSubdirectory("mootadesk-bench-notifications").FullName;
        const string token = "bench-device-token-0123456789";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = "MootaDesk.Web", ContentRootPath = dir });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:MootaDesk"] = $"Data Source={Path.Combine(dir, "app.db")}", ["MootaDesk:DemoData"] = "false", ["MootaDesk:Proof:PublicBaseUrl"] = "https://bench.invalid",
            ["MootaDesk:Notifications:Devices:0:Name"] = "HP Bench", ["MootaDesk:Notifications:Devices:0:Token"] = token,
            ["MootaDesk:Notifications:Devices:0:AccountNumber"] = "790001009621533",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddMootaDesk();
        await using var app = builder.Build();
        await app.UseMootaDeskAsync();
        await app.StartAsync();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
        {
            db.Accounts.Add(new Account { BankCode = "bri", AccountNumber = "790001009621533", Label = "BRI Bench", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/notifications";
        using var http = new HttpClient();
        // Warm-up, not measured: the first posts pay for JIT compilation and cold caches, as the first webhook does.
        using (var warm = new HttpClient())
            for (var i = 0; i < 50; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([new("from", "id.co.bri.brimo"), new("content", "warm-up " + i)]) };
                request.Headers.Add("X-Device-Token", token);
                using var _ = await warm.SendAsync(request);
            }
        var total = seconds * rate;
        var latencies = new double[total];
        var failures = 0;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddSeconds(-n % 50), jakarta);
                var content = $"id.co.bri.brimo\nSobat BRI! Dana Rp{10_000 + n:#,0} masuk ke rekening 790001009621533 pada {local:dd/MM/yyyy HH:mm:ss}\nBRImo\nUID：0\n{local:yyyy-MM-dd HH:mm:ss}\nHP Bench"
                    .Replace(",", ".");
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new FormUrlEncodedContent([new("from", "id.co.bri.brimo"), new("content", content),
                        new("timestamp", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))]),
                };
                request.Headers.Add("X-Device-Token", token);
                var watch = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                latencies[n] = watch.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }));
        }
        await Task.WhenAll(tasks);
        Array.Sort(latencies);
        Console.WriteLine($"notifications: {total} posts at {rate}/s over {seconds} s; failures {failures}");
        Console.WriteLine($"  p50 {P(latencies, 0.50):N1} ms  p95 {P(latencies, 0.95):N1} ms  p99 {P(latencies, 0.99):N1} ms  max {latencies[^1]:N1} ms   (target p99 ≤ 25 ms)");
        // The answer comes before processing (the background pass reads the post): wait until none is pending, then measure
        // from the post's arrival to its provisional mutation being stored, which is when Mutasi shows it.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
        {
            var drain = Stopwatch.StartNew();
            while (await db.NotificationPosts.AnyAsync(p => p.Status == NotificationPostStatus.Pending) && drain.Elapsed < TimeSpan.FromMinutes(2))
                await Task.Delay(100);
            var visible = await db.NotificationPosts.AsNoTracking().Where(p => p.MutationId != null)
                .Join(db.Mutations, p => p.MutationId, m => (long?)m.Id, (p, m) => new { p.ReceivedAt, m.ReadTime }).ToListAsync();
            var delays = visible.Select(v => (v.ReadTime - v.ReceivedAt).TotalMilliseconds).Order().ToArray();
            Console.WriteLine($"  provisional mutations stored: {await db.Mutations.CountAsync(m => m.IsProvisional)}");
            if (delays.Length > 0)
                Console.WriteLine($"  arrival → in Mutasi: p50 {P(delays, 0.50):N0} ms  p99 {P(delays, 0.99):N0} ms  max {delays[^1]:N0} ms   (target ≤ 2,000 ms)");
        }
        await app.StopAsync();
        return failures == 0 ? 0 : 1;
    }

    public static async Task<int> RunIncomeRhythmAsync(string[] args)
    {
        var count = Arg(args, "--mutations", 1_000_000);
        var runs = Arg(args, "--runs", 3);
        var dbPath = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
        if (dbPath is null)
        {
            dbPath = Path.Combine(Directory.CreateTempSubdirectory("mootadesk-bench-rhythm").FullName, "bench.db");
            Console.WriteLine($"Seeding {count:N0} mutations …");
            var seed = await BulkSeeder.SeedAsync(dbPath, count, DateTime.UtcNow);
            Console.WriteLine($"  seeded in {seed.Elapsed.TotalSeconds:N1} s");
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = "MootaDesk.Web", ContentRootPath = Path.GetDirectoryName(dbPath)! });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:MootaDesk"] = $"Data Source={dbPath}", ["MootaDesk:DemoData"] = "false", ["MootaDesk:Proof:PublicBaseUrl"] = "https://bench.invalid" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddMootaDesk();
        await using var app = builder.Build();
        await app.UseMootaDeskAsync();
        var query = app.Services.GetRequiredService<IncomeRhythmQuery>();
        var to = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = to.AddDays(-364);
        for (var r = 0; r < runs; r++)
        {
            var watch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (report, _) = await query.LoadAsync(from, to, Viewer.System, realOnly: true);
            // CPU time beside wall time: on a machine shared with other work the wall time says more about the neighbours.
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"income-rhythm {from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {watch.Elapsed.TotalMilliseconds:N0} ms, CPU {used.TotalMilliseconds:N0} ms, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}  (money in {report!.MoneyIn.Count:N0} payments, Rp {report.MoneyIn.Amount:N0}; target ≤ 1 s)");
        }
        return 0;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
