// Sweep preparation benchmark: one business day holding N mutations (default 50,000), prepared end to end
// (load, analyse, store the checklist and summary) the way the 16:30 scheduler does it. Prints timings.
// usage: dotnet run --project bench/MootaDesk.Bench.Sweep -c Release -- [--mutations N] [--runs R]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Settings;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;

var count = 50_000;
var runs = 3;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--mutations") count = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--runs") runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
}

var dir = Path.Combine(Path.GetTempPath(), "mootadesk-bench-sweep", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dir);
var dbPath = Path.Combine(dir, "bench.db");
var day = new DateOnly(2026, 11, 20);
var time = TestTime.Create(TestTime.Jakarta(2026, 11, 20, 16, 30));
var clock = new BusinessClock(time);
var (dayStart, _) = clock.DayRangeUtc(day);

Console.WriteLine($"Seeding {count:N0} mutations …");
var seed = await BulkSeeder.SeedAsync(dbPath, count, time.GetUtcNow().UtcDateTime);
Console.WriteLine($"  seeded in {seed.Elapsed.TotalSeconds:N1} s");

// The seeder spreads rows over a year; squeeze them, in their order, into 00:00–16:29 WIB of one day so the
// sweep window holds all of them and the running balances stay consistent.
await using (var conn = new SqliteConnection($"Data Source={dbPath}"))
{
    await conn.OpenAsync();
    using var cmd = conn.CreateCommand();
    var spanSeconds = 16 * 3600 + 29 * 60;
    cmd.CommandText = $"""
        WITH ranked AS (SELECT Id, ROW_NUMBER() OVER (ORDER BY TransactionTime, Id) - 1 AS rn FROM Mutations)
        UPDATE Mutations SET
            TransactionTime = strftime('%Y-%m-%d %H:%M:%f', '{dayStart:yyyy-MM-dd HH:mm:ss}', '+' || ((SELECT rn FROM ranked WHERE ranked.Id = Mutations.Id) * {spanSeconds} / {count}) || ' seconds'),
            ReadTime = strftime('%Y-%m-%d %H:%M:%f', '{dayStart:yyyy-MM-dd HH:mm:ss}', '+' || ((SELECT rn FROM ranked WHERE ranked.Id = Mutations.Id) * {spanSeconds} / {count} + 30) || ' seconds');
        -- Orders for half the credits with a reference, so the order detectors have work to do.
        INSERT INTO Orders (Reference, CustomerName, Amount, UniqueCode, PayableAmount, AccountId, CreatedAt, CreatedBy, ExpiresAt, Status, MatchedMutationId, IsSandbox, Version)
        SELECT OrderReference, 'Pelanggan', Amount, 0, Amount, AccountId, TransactionTime, 'bench', '2026-11-30 00:00:00', 1, Id, 0, 0
        FROM Mutations WHERE OrderReference IS NOT NULL AND Id % 2 = 0;
        ANALYZE;
        """;
    await cmd.ExecuteNonQueryAsync();
}

var cs = DatabaseSetup.ResolveConnectionString($"Data Source={dbPath}", dir);
var factory = new BenchFactory(cs);
var inboxFactory = new BenchInboxFactory(WebhookInboxFile.ConnectionStringFor(cs, null));
await using (var inbox = inboxFactory.CreateDbContext())
    await inbox.Database.MigrateAsync();
var settings = new BusinessSettings(factory, Options.Create(new MootaDeskOptions()), time);
var prepare = new PrepareSweepCommand(factory, inboxFactory, clock, new FixedOptions<SweepOptions>(new SweepOptions()), settings,
    LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)).CreateLogger<PrepareSweepCommand>());

await using (var db = factory.CreateDbContext())
    Console.WriteLine($"Window holds {await db.Mutations.CountAsync():N0} mutations; {await db.Orders.CountAsync():N0} orders.");

var timings = new List<double>();
for (var r = 0; r < runs; r++)
{
    await using (var db = factory.CreateDbContext())
        await db.Sweeps.ExecuteDeleteAsync();
    var sw = Stopwatch.StartNew();
    var result = await prepare.PrepareAsync(day, SweepTrigger.Scheduled, Actor.System);
    sw.Stop();
    timings.Add(sw.Elapsed.TotalMilliseconds);
    await using var db2 = factory.CreateDbContext();
    var items = await db2.SweepItems.CountAsync();
    Console.WriteLine($"  run {r + 1}: prepared {day:yyyy-MM-dd} in {sw.Elapsed.TotalMilliseconds:N0} ms ({items:N0} checklist items, created={result.Created})");
}
Console.WriteLine($"Sweep preparation, {count:N0} mutations: best {timings.Min():N0} ms, median {timings.Order().ElementAt(timings.Count / 2):N0} ms, worst {timings.Max():N0} ms (target ≤ 2,000 ms)");

{
    // Phase breakdown of one more (warm) run: where the time goes.
    await using var db = factory.CreateDbContext();
    await using var inboxDb = inboxFactory.CreateDbContext();
    var swp = Stopwatch.StartNew();
    var window = SweepWindow.Compute(day, null, clock.UtcNow, clock);
    var input = await SweepDataLoader.LoadAsync(db, inboxDb, day, window, clock, 5_000_000m, new SweepOptions().Thresholds(), default);
    var load = swp.Elapsed.TotalMilliseconds;
    swp.Restart();
    var analysed = SweepAnalysis.Analyse(input, clock, SweepCalendar.Default);
    Console.WriteLine($"  phases: load {load:N0} ms, analyse {swp.Elapsed.TotalMilliseconds:N0} ms ({analysed.Findings.Count:N0} findings)");
}

SqliteConnection.ClearAllPools();
try { Directory.Delete(dir, true); } catch (IOException) { }

sealed class BenchFactory(string cs) : IDbContextFactory<MootaDeskDbContext>
{
    public MootaDeskDbContext CreateDbContext()
    {
        var b = new DbContextOptionsBuilder<MootaDeskDbContext>();
        DatabaseSetup.ConfigureSqlite(b, cs);
        return new MootaDeskDbContext(b.Options);
    }
}

sealed class BenchInboxFactory(string cs) : IDbContextFactory<InboxDbContext>
{
    public InboxDbContext CreateDbContext()
    {
        var b = new DbContextOptionsBuilder<InboxDbContext>();
        DatabaseSetup.ConfigureSqlite(b, cs);
        return new InboxDbContext(b.Options);
    }
}

sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;
    public T Get(string? name) => value;
    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
