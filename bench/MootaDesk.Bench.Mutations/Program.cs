using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// Sub-commands: "payment-search" (Bukti Transfer search, PaymentSearchBench), "read-api" (GET /api/mutations, ReadApiBench) and
// "app-search" (the app bar's search, AppSearchBench).
if (args.Length > 0 && args[0] == "payment-search") return await PaymentSearchBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "read-api") return await ReadApiBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "app-search") return await AppSearchBench.RunAsync(args[1..]);
// "seed-postgres --mutations N --connection …": the seeded year written into PostgreSQL by COPY (PostgresSeed).
if (args.Length > 0 && args[0] == "seed-postgres") return await PostgresSeed.RunAsync(args[1..]);
// Default mode: --db PATH (SQLite, seeded by the app's `seed` command) or --provider postgresql --connection "Host=…;Database=…".
var dbPath = "/tmp/mutations-bench/bench.db";
var iterations = 15;
var skipExport = false;
var provider = StoreProvider.Sqlite;
string? connection = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--db": dbPath = args[++i]; break;
        case "--iterations": iterations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--no-export": skipExport = true; break;
        case "--provider": provider = StoreLocation.ParseProvider(args[++i]); break;
        case "--connection": connection = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
var onPostgres = provider == StoreProvider.PostgreSQL;
if (onPostgres && connection is null)
{
    Console.Error.WriteLine("--provider postgresql needs --connection \"Host=…;Port=…;Username=…;Database=…\" (seed it first: seed-postgres --mutations 10000000 --connection …)");
    return 2;
}
if (!onPostgres && !File.Exists(dbPath))
{
    Console.Error.WriteLine($"{dbPath} does not exist; seed it first: dotnet run --project src/MootaDesk.Web -- seed --mutations 1000000 --db {dbPath}");
    return 2;
}

var options = new DbContextOptionsBuilder<MootaDeskDbContext>();
if (onPostgres) DatabaseSetup.ConfigureNpgsql(options, connection!, null);
else DatabaseSetup.ConfigureSqlite(options, DatabaseSetup.ResolveConnectionString($"Data Source={dbPath}", Directory.GetCurrentDirectory()));
Console.WriteLine($"MootaDesk Mutasi filter benchmark · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {provider} · {Environment.ProcessorCount} CPU · load average {File.ReadAllText("/proc/loadavg").Trim()}");
var factory = new BenchFactory(options.Options);
var clock = new BusinessClock(TimeProvider.System);

var sw = Stopwatch.StartNew();
long storedMutations;
await using (var db = factory.CreateDbContext())
{
    var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
    await db.Database.MigrateAsync();
    if (pending.Count > 0)
    {
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        Console.WriteLine($"Applied {string.Join(", ", pending)} and ANALYZE in {sw.Elapsed.TotalSeconds:N1} s");
    }
    storedMutations = await db.Mutations.LongCountAsync();
    Console.WriteLine($"Mutations in database: {storedMutations:N0}");
    // What the app's TextIndexCatchUpService does at start-up after a seed; timed so the cost stays visible.
    var catchUp = Stopwatch.StartNew();
    var indexed = await MutationTextSearch.CatchUpAsync(db);
    if (indexed > 0) Console.WriteLine($"Text index caught up with {indexed:N0} mutations in {catchUp.Elapsed.TotalSeconds:N1} s");
}

var finance = Viewer.ForRoles("bench-finance", Roles.Finance);
var csViewer = Viewer.ForRoles("bench-cs", Roles.CS);
var actor = new Actor("bench");
var queries = new MutationQueries(factory, clock);

int[] tagIds;
long sampleAmountSen;
int accountId;
await using (var db = factory.CreateDbContext())
{
    tagIds = await db.Tags.OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToArrayAsync();
    accountId = await db.Accounts.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
    sampleAmountSen = (long)(await db.Mutations.OrderByDescending(m => m.Id).Select(m => m.Amount).FirstAsync() * 100);
}
var sampleAmount = sampleAmountSen / 100m;

// 1. Export first, so the process's peak working set is the export's (queries later grow SQLite's cache).
if (!skipExport)
{
    var days = (int)Math.Clamp(Math.Ceiling(365.0 * 100_000 / Math.Max(storedMutations, 1)), 1, 365); // ≈ 100,000 rows of the seeded year
    var exportFilter = new MutationFilter { From = clock.Today.AddDays(-(days - 1)), To = clock.Today };
    var export = new MutationExportService(factory, clock, NullLogger<MutationExportService>.Instance);
    foreach (var format in new[] { ExportFormat.Excel, ExportFormat.Csv })
    {
        GC.Collect();
        var proc = Process.GetCurrentProcess();
        var before = proc.WorkingSet64;
        long peakManaged = 0;
        using var cts = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                await Task.Delay(20);
            }
        });
        var path = Path.Combine(Path.GetTempPath(), $"bench-export.{(format == ExportFormat.Excel ? "xlsx" : "csv")}");
        sw.Restart();
        ExportTotals totals;
        await using (var file = File.Create(path))
            totals = await export.WriteAsync(file, exportFilter, format, finance, actor);
        var elapsed = sw.Elapsed;
        cts.Cancel();
        await sampler;
        proc.Refresh();
        Console.WriteLine($"Export {format}: {totals.Rows:N0} rows in {elapsed.TotalSeconds:N2} s, file {new FileInfo(path).Length / 1048576.0:N1} MB, " +
                          $"peak managed heap {peakManaged / 1048576.0:N0} MB, process peak working set {proc.PeakWorkingSet64 / 1048576.0:N0} MB (before: {before / 1048576.0:N0} MB)");
        File.Delete(path);
    }
}

// 2. Filter combinations: first page (50 rows) and the capped count, p50/p95 over the iterations.
var combos = new (string Name, MutationFilter Filter, Viewer Viewer)[]
{
    ("all (no filter)", MutationFilter.Empty, finance),
    ("today", new() { Preset = DatePreset.Today }, finance),
    ("yesterday", new() { Preset = DatePreset.Yesterday }, finance),
    ("7 days", new() { Preset = DatePreset.Last7Days }, finance),
    ("this month", new() { Preset = DatePreset.ThisMonth }, finance),
    ("payroll period", new() { Preset = DatePreset.PayrollPeriod }, finance),
    ("credit", new() { Direction = Direction.Credit }, finance),
    ("debit ≥ 5 jt (important)", new() { Direction = Direction.Debit, AmountMin = 5_000_000m }, finance),
    ("exact amount", new() { AmountExact = sampleAmount }, finance),
    ("amount 1–2 jt", new() { AmountMin = 1_000_000m, AmountMax = 2_000_000m }, finance),
    ("one account", new() { AccountIds = [accountId] }, finance),
    ("text 'budi'", new() { Text = "budi" }, finance),
    ("text no match 'zzqx'", new() { Text = "zzqx" }, finance),
    ("text 'santoso' + 7 days", new() { Text = "santoso", Preset = DatePreset.Last7Days }, finance),
    ("tag any", new() { TagsAny = [tagIds[0]] }, finance),
    ("tag all (2)", new() { TagsAll = [tagIds[0], tagIds[1]] }, finance),
    ("tag none", new() { TagsNone = [tagIds[0]] }, finance),
    ("untagged", new() { UntaggedOnly = true }, finance),
    ("without note", new() { WithoutNote = true }, finance),
    ("without order ref", new() { WithoutOrderReference = true }, finance),
    ("status needs attention", new() { Statuses = [ReconciliationStatus.NeedsAttention] }, finance),
    ("source webhook (none)", new() { Sources = [MutationSource.Webhook] }, finance),
    ("sandbox only (none)", new() { Sandbox = SandboxFilter.Only }, finance),
    ("credit today without order (view)", new() { Preset = DatePreset.Today, Direction = Direction.Credit, WithoutOrderReference = true }, finance),
    ("7 days + credit + untagged + no note", new() { Preset = DatePreset.Last7Days, Direction = Direction.Credit, UntaggedOnly = true, WithoutNote = true }, finance),
    ("sort amount desc", new() { Sort = MutationSort.AmountDesc }, finance),
    ("debit sorted amount asc", new() { Direction = Direction.Debit, Sort = MutationSort.AmountAsc }, finance),
    ("this month + account + amount ≥ 1 jt", new() { Preset = DatePreset.ThisMonth, AccountIds = [accountId], AmountMin = 1_000_000m }, finance),
    ("CS: everything it may see", MutationFilter.Empty, csViewer),
    ("CS: crafted debit URL", new() { Direction = Direction.Debit }, csViewer),
};

Console.WriteLine();
Console.WriteLine($"{"filter",-40} {"page p50",9} {"page p95",9} {"count p50",10} {"count p95",10} {"count",8}");
const double PageTargetMs = 150, CountTargetMs = 300;
var worstPage = 0.0;
var worstCount = 0.0;
var misses = new List<string>();
foreach (var (name, filter, viewer) in combos)
{
    await queries.PageAsync(filter, viewer, 0, 50);
    var count = await queries.CountAsync(filter, viewer);
    var pages = new List<double>();
    var counts = new List<double>();
    for (var i = 0; i < iterations; i++)
    {
        sw.Restart();
        await queries.PageAsync(filter, viewer, 0, 50);
        pages.Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        await queries.CountAsync(filter, viewer);
        counts.Add(sw.Elapsed.TotalMilliseconds);
    }
    var p95Page = Percentile(pages, 95);
    var p95Count = Percentile(counts, 95);
    worstPage = Math.Max(worstPage, p95Page);
    worstCount = Math.Max(worstCount, p95Count);
    var miss = p95Page > PageTargetMs || p95Count > CountTargetMs;
    if (miss) misses.Add(name);
    Console.WriteLine($"{name,-40} {Percentile(pages, 50),7:N1}ms {p95Page,7:N1}ms {Percentile(counts, 50),8:N1}ms {p95Count,8:N1}ms {(count.IsCapped ? "10000+" : count.Value.ToString("N0")),8}{(miss ? "  MISSED" : "")}");
}
Console.WriteLine($"worst p95: first page {worstPage:N1} ms (target ≤ {PageTargetMs} ms: {(worstPage <= PageTargetMs ? "met" : "NOT met")}), " +
                  $"count {worstCount:N1} ms (target ≤ {CountTargetMs} ms: {(worstCount <= CountTargetMs ? "met" : "NOT met")}) over {combos.Length} filters × {iterations} runs");
if (misses.Count > 0) Console.WriteLine($"missed: {string.Join("; ", misses)} (their plans are printed below)");

// 3. Tagging 1,000 selected rows (and undoing it), three times.
Console.WriteLine();
var commands = new TagMutationsCommand(factory, clock);
int benchTag;
await using (var db = factory.CreateDbContext())
{
    var norm = TagName.Normalize("Bench");
    benchTag = await db.Tags.Where(t => t.NormalizedName == norm).Select(t => t.Id).FirstOrDefaultAsync();
    if (benchTag == 0)
    {
        var tag = new Tag { Name = "Bench", NormalizedName = norm, CreatedAt = clock.UtcNow };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        benchTag = tag.Id;
    }
}
for (var round = 0; round < 3; round++)
{
    var ids = await queries.PageAsync(new MutationFilter { Preset = DatePreset.ThisMonth }, finance, round * 1000, 500);
    var more = await queries.PageAsync(new MutationFilter { Preset = DatePreset.ThisMonth }, finance, round * 1000 + 500, 500);
    var selection = ids.Concat(more).Select(r => r.Id).ToList();
    sw.Restart();
    var change = await commands.AddTagsAsync(selection, [benchTag], finance, actor);
    var tagMs = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    await commands.UndoAsync(change, finance, actor);
    Console.WriteLine($"Tag {change.Count:N0} rows: {tagMs:N0} ms (undo {sw.Elapsed.TotalMilliseconds:N0} ms)");
}

// 4. The plans the numbers rely on.
Console.WriteLine();
await using (var db = factory.CreateDbContext())
{
    foreach (var (name, filter, viewer) in combos.Where(c => misses.Contains(c.Name) || c.Name is "all (no filter)" or "7 days" or "debit ≥ 5 jt (important)" or "exact amount"
                 or "tag any" or "tag all (2)" or "untagged" or "source webhook (none)" or "text 'budi'" or "text no match 'zzqx'" or "one account"))
    {
        var q = MutationSearch.Project(MutationSearch.Sorted(await MutationSearch.ApplyAsync(db, filter, viewer, clock, MutationSearch.PageCandidateLimit), filter.Sort).Take(50), viewer);
        Console.WriteLine($"-- {name}{(misses.Contains(name) ? " (MISSED its target)" : "")}");
        if (!onPostgres)
        {
            foreach (var line in await PlanAsync(db, q.ToQueryString())) Console.WriteLine("   " + line);
            continue;
        }
        // PostgreSQL: the executed plan with its timings, for the page and for the count's capped id list.
        var counted = (await MutationSearch.ApplyAsync(db, filter, viewer, clock)).Select(m => m.Id).Take(CappedCount.Cap + 1);
        foreach (var (what, query) in new (string, IQueryable)[] { ("first page", q), ("count (ids up to the cap)", counted) })
        {
            Console.WriteLine($"   [{what}]");
            foreach (var line in await ExplainAnalyzeAsync(db, query)) Console.WriteLine("   " + line);
        }
    }
}
return 0;

static double Percentile(List<double> values, int p)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

// PostgreSQL: EXPLAIN (ANALYZE, BUFFERS) of the very command EF sends, parameters included.
static async Task<List<string>> ExplainAnalyzeAsync(MootaDeskDbContext db, IQueryable query)
{
    await db.Database.OpenConnectionAsync();
    await using var cmd = query.CreateDbCommand();
    cmd.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + cmd.CommandText;
    var plan = new List<string>();
    await using var reader = await cmd.ExecuteReaderAsync();
    while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
    return plan;
}

// EF's ToQueryString for SQLite starts with ".param set @p value" lines; turn them into parameters.
static async Task<List<string>> PlanAsync(MootaDeskDbContext db, string sql)
{
    var conn = (SqliteConnection)db.Database.GetDbConnection();
    if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
    await using var cmd = conn.CreateCommand();
    var body = new List<string>();
    foreach (var line in sql.Split('\n'))
    {
        if (line.StartsWith(".param set ", StringComparison.Ordinal))
        {
            var rest = line[".param set ".Length..].Trim();
            var space = rest.IndexOf(' ');
            var value = rest[(space + 1)..].Trim();
            object v = value.StartsWith('\'') ? value.Trim('\'') : long.TryParse(value, out var l) ? l : value;
            cmd.Parameters.AddWithValue(rest[..space], v);
        }
        else body.Add(line);
    }
    cmd.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', body);
    var plan = new List<string>();
    await using var reader = await cmd.ExecuteReaderAsync();
    while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
    return plan;
}

internal sealed class BenchFactory(DbContextOptions<MootaDeskDbContext> options) : IDbContextFactory<MootaDeskDbContext>
{
    public MootaDeskDbContext CreateDbContext() => new(options);
}
