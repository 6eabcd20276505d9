using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;

namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>Why the report was not given: a message key (translated at the edge) — not allowed, or a period that is not one.</summary>
public sealed record IncomeRhythmRefusal(string Key);

/// <summary>
/// Loads the income rhythm (docs/decisions/021-income-rhythm.md) for a period of local days in the business zone and hands it
/// to <see cref="IncomeRhythmAnalysis"/>. Money in = real, confirmed credits (no sandbox unless the demo shop is all there is
/// and <c>realOnly</c> is false; no provisional phone-notification rows), transfers between own accounts left out (the owner
/// summary's rule). The credits are streamed in a few time slices read side by side (grouped by hour and by payer and local
/// day as they come, then joined), after the own accounts' debits, the orders they paid and the refunds, read side by side
/// too; own transfers are found with <see cref="OwnTransferDetector"/> among the few credits that could be one.
/// Owner always; Finance when the Owner allows it (<see cref="FinanceAllowedKey"/>).
/// </summary>
public sealed class IncomeRhythmQuery(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock, BusinessSettings settings,
    IOptionsMonitor<SweepOptions> sweepOptions)
{
    /// <summary>Business setting: "true" lets Finance read the income rhythm (page, export, API).</summary>
    public const string FinanceAllowedKey = "reports.income-rhythm.finance";

    /// <summary>The longest period one report covers (a year and a day, so a leap year fits).</summary>
    public const int MaxDays = 367;

    public async Task<bool> FinanceAllowedAsync(CancellationToken ct = default) => await settings.GetAsync(FinanceAllowedKey, ct) == "true";

    /// <summary>Whether <paramref name="viewer"/> may read it now: Owner always, Finance only while the Owner allows.</summary>
    public async Task<bool> MayReadAsync(Viewer viewer, CancellationToken ct = default) =>
        viewer.Can(Actions.ReadIncomeRhythm) && (viewer.Roles.Contains(Roles.Owner) || await FinanceAllowedAsync(ct));

    /// <summary>
    /// The report for <paramref name="from"/>–<paramref name="to"/> (local days, inclusive). Refusals: IncomeRhythm.NotAllowed,
    /// IncomeRhythm.Period (to before from, or longer than <see cref="MaxDays"/>).
    /// </summary>
    /// <param name="realOnly">The API's rule: never sandbox money. The page passes false and shows the demo shop while it is all there is.</param>
    public async Task<(IncomeRhythmReport? Report, IncomeRhythmRefusal? Refusal)> LoadAsync(DateOnly from, DateOnly to, Viewer viewer, bool realOnly,
        CancellationToken ct = default)
    {
        if (!await MayReadAsync(viewer, ct)) return (null, new IncomeRhythmRefusal("IncomeRhythm.NotAllowed"));
        if (to < from || to.DayNumber - from.DayNumber + 1 > MaxDays) return (null, new IncomeRhythmRefusal("IncomeRhythm.Period"));
        var period = new IncomeRhythmPeriod(from, to);
        List<BankAccounts.Account> accounts;
        await using (var db = await factory.CreateDbContextAsync(ct))
            accounts = await db.Accounts.AsNoTracking().ToListAsync(ct);
        var withSandbox = !realOnly && OnlyDemoData.In(accounts);
        var facts = await FactsAsync(period, clock.TimeZone, accounts, withSandbox, ct);
        return (IncomeRhythmAnalysis.Analyse(facts, clock.TimeZone, period), null);
    }

    /// <summary>How many slices of the period's credits are read at once, each on its own connection and thread.</summary>
    private static int Slices => Math.Clamp(Environment.ProcessorCount, 1, 4);

    private async Task<IncomeRhythmFacts> FactsAsync(IncomeRhythmPeriod period, TimeZoneInfo zone, List<BankAccounts.Account> accounts, bool withSandbox,
        CancellationToken ct)
    {
        var (startUtc, endUtc) = period.UtcRange(zone);
        var own = new OwnTransferCandidates(accounts.Where(a => withSandbox || !a.IsSandbox).ToList(), sweepOptions.CurrentValue.Thresholds().OwnTransferSpan);

        // Each read on its own context (and so its own connection: SQLite's WAL and PostgreSQL both serve readers side by side),
        // on the thread pool because Microsoft.Data.Sqlite's "async" reads run synchronously. The debits, orders and refunds
        // first, together; then the credits, which need the debits, in time slices at once. A year of a 1,000,000-mutation store
        // is ~720,000 credits and ~280,000 own debits: read one after the other they took ~1.5 s (bench income-rhythm, 30 Nov).
        var debits = own.AccountIds.Count == 0 ? Task.FromResult(Array.Empty<List<OwnDebit>>())
            : Task.WhenAll(TimeSlices(startUtc - own.Span, endUtc + own.Span, Slices)
                .Select(slice => OnItsOwnAsync(db => OwnDebitsAsync(db, slice.From, slice.To, own.AccountIds, ct), ct)));
        var orders = OnItsOwnAsync(db => MatchedOrdersAsync(db, startUtc, endUtc, withSandbox, ct), ct);
        var refunds = OnItsOwnAsync(db => RefundsAsync(db, startUtc, endUtc, withSandbox, zone, ct), ct);
        own.AddDebits(await debits);
        var paid = await orders;

        // More slices than cores: the later months of a growing shop hold more credits, and idle threads take the next slice.
        var parts = await Task.WhenAll(TimeSlices(startUtc, endUtc, 2 * Slices).Select(slice =>
        {
            var (sliceStart, sliceEnd) = slice;
            return OnItsOwnAsync(async db =>
            {
                // Names are numbered per slice; the slices' totals are joined by name below.
                var totals = new IncomeTotals(zone);
                var held = own.NewSlice();
                await ReadCreditsAsync(db, sliceStart, sliceEnd, withSandbox, credit =>
                {
                    if (held.MayBeOwn(credit)) held.Hold(credit);
                    else totals.Add(credit, paid);
                }, ct);
                return (totals, held);
            }, ct);
        }));
        var all = parts[0].totals;
        foreach (var part in parts.Skip(1)) all.Join(part.totals);
        foreach (var credit in own.NotOwn(parts.SelectMany(p => p.held.Held).ToList()))
            all.AddRenamed(credit, paid);
        return new IncomeRhythmFacts(all.Credits(), all.Payers(), await refunds);
    }

    /// <summary>[from, to) cut into <paramref name="count"/> half-open ranges of equal length, in order.</summary>
    private static IEnumerable<(DateTime From, DateTime To)> TimeSlices(DateTime from, DateTime to, int count)
    {
        var step = (to - from).Ticks / count;
        for (var i = 0; i < count; i++)
            yield return (from.AddTicks(step * i), i == count - 1 ? to : from.AddTicks(step * (i + 1)));
    }

    private async Task<T> OnItsOwnAsync<T>(Func<MootaDeskDbContext, Task<T>> read, CancellationToken ct) => await Task.Run(async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await read(db);
    }, ct);

    /// <summary>One credit as read: its UTC hour, and its exact time (PostgreSQL) or the stored text to parse when needed (SQLite).</summary>
    /// <param name="Name">The counterparty as a small number (its index in the pass's list of names; -1 for none), so the several
    /// lookups per credit hash a number rather than the text.</param>
    private readonly record struct CreditRead(long Id, int AccountId, DateTime Hour, DateTime? Time, string? TimeText, bool HasTimeOfDay, decimal Amount,
        string? Counterparty, int Name)
    {
        public DateTime ExactTime => Time ?? SweepDataLoader.ParseDate(TimeText!);
    }

    private sealed record MatchedOrder(string? WhatsApp, string? CustomerName, decimal Amount);

    /// <summary>Money in by UTC hour and by payer and local day, added up credit by credit.</summary>
    private sealed class IncomeTotals(TimeZoneInfo zone)
    {
        private readonly Dictionary<(DateTime Hour, bool HasTimeOfDay), (decimal Amount, int Count)> _hours = [];
        private readonly Dictionary<(DateOnly Day, int Name), (decimal Amount, int Count)> _byCounterparty = [];
        private readonly Dictionary<int, string?> _names = [];
        private readonly Dictionary<(DateOnly Day, PayerFields Payer), PayerDay> _withOrder = [];
        private readonly Dictionary<DateTime, DateOnly> _dayOfHour = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(CreditRead credit, Dictionary<long, List<MatchedOrder>> orders)
        {
            var h = _hours.GetValueOrDefault((credit.Hour, credit.HasTimeOfDay));
            _hours[(credit.Hour, credit.HasTimeOfDay)] = (h.Amount + credit.Amount, h.Count + 1);
            if (!_dayOfHour.TryGetValue(credit.Hour, out var day))
                _dayOfHour[credit.Hour] = day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(credit.Hour, zone));
            if (orders.TryGetValue(credit.Id, out var matched))
            {
                // As a LEFT JOIN of credits and their orders would: one payer row per matched order.
                foreach (var o in matched)
                {
                    var payer = new PayerFields(credit.Counterparty, null, o.WhatsApp, o.CustomerName);
                    var p = _withOrder.GetValueOrDefault((day, payer)) ?? new PayerDay(day, payer, 0, 0);
                    _withOrder[(day, payer)] = p with
                    {
                        Amount = p.Amount + credit.Amount, Count = p.Count + 1, OrderAmount = p.OrderAmount + o.Amount, Orders = p.Orders + 1,
                    };
                }
                return;
            }
            _names.TryAdd(credit.Name, credit.Counterparty);
            var c = _byCounterparty.GetValueOrDefault((day, credit.Name));
            _byCounterparty[(day, credit.Name)] = (c.Amount + credit.Amount, c.Count + 1);
        }

        // After the reading: names of the other slices and of the held credits get numbers from here on (the readers' own
        // numbers are row counts, far below).
        private Dictionary<string, int>? _numbers;
        private int _nextNumber = 1 << 30;

        private int NumberOf(string? name)
        {
            if (name is null) return -1;
            _numbers ??= _names.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Value!, kv => kv.Key, StringComparer.Ordinal);
            if (!_numbers.TryGetValue(name, out var n))
            {
                _numbers[name] = n = _nextNumber++;
                _names[n] = name;
            }
            return n;
        }

        /// <summary>Adds a credit read by another slice (its name number is that slice's).</summary>
        public void AddRenamed(CreditRead credit, Dictionary<long, List<MatchedOrder>> orders) =>
            Add(credit with { Name = NumberOf(credit.Counterparty) }, orders);

        /// <summary>Adds up another slice's totals into these.</summary>
        public void Join(IncomeTotals other)
        {
            foreach (var (key, v) in other._hours)
            {
                var h = _hours.GetValueOrDefault(key);
                _hours[key] = (h.Amount + v.Amount, h.Count + v.Count);
            }
            foreach (var ((day, name), v) in other._byCounterparty)
            {
                var mine = NumberOf(other._names[name]);
                _names.TryAdd(mine, other._names[name]);
                var c = _byCounterparty.GetValueOrDefault((day, mine));
                _byCounterparty[(day, mine)] = (c.Amount + v.Amount, c.Count + v.Count);
            }
            foreach (var (key, v) in other._withOrder)
            {
                _withOrder[key] = _withOrder.TryGetValue(key, out var p)
                    ? p with { Amount = p.Amount + v.Amount, Count = p.Count + v.Count, OrderAmount = p.OrderAmount + v.OrderAmount, Orders = p.Orders + v.Orders }
                    : v;
            }
        }

        public IReadOnlyList<IncomeBucket> Credits() =>
            IncomeRhythmFacts.BucketsFromUtcHours(_hours.Select(kv => new UtcHourTotal(kv.Key.Hour, kv.Key.HasTimeOfDay, kv.Value.Amount, kv.Value.Count)), zone);

        public List<PayerDay> Payers() =>
            [.. _byCounterparty.Select(kv => new PayerDay(kv.Key.Day, new PayerFields(_names[kv.Key.Name], null, null, null), kv.Value.Amount, kv.Value.Count)),
                .. _withOrder.Values];
    }

    /// <summary>
    /// Transfers between own accounts are not income (the owner summary's rule, <see cref="OwnTransferDetector"/>). A credit can be
    /// one only if a debit of the same amount left another own account within the span of it, or its counterparty is an own
    /// account's holder: those few are held and given to the detector with the debits once all credits are read.
    /// </summary>
    private sealed class OwnTransferCandidates(List<BankAccounts.Account> accounts, TimeSpan span)
    {
        private readonly Dictionary<decimal, List<(DateTime Time, int AccountId)>> _debitsByAmount = [];
        private readonly List<OwnDebit> _debits = [];
        private readonly HashSet<string> _holders = accounts.Select(a => TagName.Normalize(a.HolderName)).Where(h => h.Length >= 3).ToHashSet();

        public HashSet<int> AccountIds { get; } = accounts.Select(a => a.Id).ToHashSet();

        public TimeSpan Span => span;

        /// <summary>Called once, before any slice reads: the slices only read what is built here.</summary>
        public void AddDebits(IEnumerable<List<OwnDebit>> slices)
        {
            foreach (var slice in slices)
                foreach (var d in slice)
                {
                    if (!_debitsByAmount.TryGetValue(d.Amount, out var list)) _debitsByAmount[d.Amount] = list = [];
                    list.Add((d.Time, d.AccountId));
                    _debits.Add(d);
                }
            foreach (var list in _debitsByAmount.Values) list.Sort((a, b) => a.Time.CompareTo(b.Time));
        }

        /// <summary>What one slice's reader holds back, with its own cache of names (numbered per slice).</summary>
        public Slice NewSlice() => new(this);

        public sealed class Slice(OwnTransferCandidates own)
        {
            private readonly Dictionary<int, bool> _isHolder = [];

            public List<CreditRead> Held { get; } = [];

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public bool MayBeOwn(CreditRead credit)
            {
                if (!own.AccountIds.Contains(credit.AccountId)) return false;
                if (credit.Counterparty is { Length: > 0 } cp)
                {
                    if (!_isHolder.TryGetValue(credit.Name, out var holder)) _isHolder[credit.Name] = holder = own._holders.Contains(TagName.Normalize(cp));
                    if (holder) return true;
                }
                if (!own._debitsByAmount.TryGetValue(credit.Amount, out var debits)) return false;
                // Only the credit's hour is known here: widen the window by that hour.
                var from = credit.Hour - own.Span;
                var to = credit.Hour + TimeSpan.FromHours(1) + own.Span;
                var lo = 0;
                var hi = debits.Count;
                while (lo < hi)
                {
                    var mid = (lo + hi) / 2;
                    if (debits[mid].Time < from) lo = mid + 1; else hi = mid;
                }
                for (var i = lo; i < debits.Count && debits[i].Time <= to; i++)
                    if (debits[i].AccountId != credit.AccountId) return true;
                return false;
            }

            public void Hold(CreditRead credit) => Held.Add(credit);
        }

        /// <summary>The held credits (of every slice) that the detector did not pair: income after all.</summary>
        public IEnumerable<CreditRead> NotOwn(IReadOnlyList<CreditRead> held)
        {
            if (held.Count == 0) return [];
            var sweepAccounts = accounts.Select(a => new SweepAccount(a.Id, a.Label, a.HolderName, false, a.IsActive, null, null, null, null)).ToList();
            var credits = held.Select(c => new SweepMutation(c.Id, c.AccountId, c.ExactTime, true, c.ExactTime, c.Amount, Direction.Credit, null, "", c.Counterparty,
                null, ReconciliationStatus.New, false, false));
            // Only a debit of a held credit's amount can be its other half: the detector gets those, not a year of debits.
            var amounts = held.Select(c => c.Amount).ToHashSet();
            var debits = _debits.Where(d => amounts.Contains(d.Amount)).Select(d => new SweepMutation(d.Id, d.AccountId, d.Time, true, d.Time, d.Amount,
                Direction.Debit, null, "", null, null, ReconciliationStatus.New, false, false));
            var own = OwnTransferDetector.Detect([.. debits, .. credits], sweepAccounts, span);
            return held.Where(c => !own.Contains(c.Id));
        }
    }

    /// <summary>A debit of an own account: the other half an own transfer's credit is looked for in.</summary>
    private readonly record struct OwnDebit(long Id, int AccountId, DateTime Time, decimal Amount);

    /// <summary>
    /// The debits of the own accounts in the range (widened by the span by the caller): the other half of own transfers. Raw SQL
    /// per provider with SQLite's time text read by position (through EF a year's 280,000 debits took 0.7 s, most of it
    /// parsing), from the partial covering index <c>IX_Mutations_DebitFacts</c> (named: the planner prefers the direction-and-time
    /// index and then visits every row, 0.16 s of SQL instead of 0.06 s).
    /// </summary>
    private static async Task<List<OwnDebit>> OwnDebitsAsync(MootaDeskDbContext db, DateTime fromUtc, DateTime toUtc, HashSet<int> accountIds, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var postgres = db.IsPostgreSql();
        // Account ids are numbers of our own rows, written into the statement as they are.
        var accounts = string.Join(",", accountIds.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        await using var cmd = postgres
            ? Command(db, $"""
                SELECT "Id", "AccountId", "TransactionTime", "Amount" FROM "Mutations"
                WHERE "Direction" = {(int)Direction.Debit} AND "TransactionTime" >= @s AND "TransactionTime" < @e AND "AccountId" IN ({accounts})
                """)
            : Command(db, $"""
                SELECT Id, AccountId, TransactionTime, Amount FROM Mutations INDEXED BY IX_Mutations_DebitFacts
                WHERE Direction = {(int)Direction.Debit} AND TransactionTime >= @s AND TransactionTime < @e AND AccountId IN ({accounts})
                """);
        AddRange(cmd, postgres, fromUtc, toUtc);
        var debits = new List<OwnDebit>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            debits.Add(new OwnDebit(r.GetInt64(0), r.GetInt32(1), TimeAt(r, 2, postgres), MoneyAt(r, 3, postgres)));
        return debits;
    }

    /// <summary>
    /// The orders paid by credits of the range, by mutation id (usually one; a LEFT JOIN's every row otherwise). Read by the
    /// range of the credits' ids through the orders' own index, so a store with few orders pays nothing for this.
    /// </summary>
    private static async Task<Dictionary<long, List<MatchedOrder>>> MatchedOrdersAsync(MootaDeskDbContext db, DateTime startUtc, DateTime endUtc, bool withSandbox,
        CancellationToken ct)
    {
        if (!await db.Orders.AnyAsync(o => o.MatchedMutationId != null, ct)) return [];
        var credits = db.Mutations.Where(m => m.Direction == Direction.Credit && !m.IsProvisional && (withSandbox || !m.IsSandbox)
                                              && m.TransactionTime >= startUtc && m.TransactionTime < endUtc);
        var range = await credits.GroupBy(_ => 1).Select(g => new { Min = g.Min(m => m.Id), Max = g.Max(m => m.Id) }).FirstOrDefaultAsync(ct);
        if (range is null) return [];
        var rows = await db.Orders.AsNoTracking().Where(o => o.MatchedMutationId >= range.Min && o.MatchedMutationId <= range.Max)
            .Select(o => new { Id = o.MatchedMutationId!.Value, o.WhatsApp, o.CustomerName, o.Amount }).ToListAsync(ct);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Select(r => new MatchedOrder(r.WhatsApp, r.CustomerName, r.Amount)).ToList());
    }

    /// <summary>
    /// Streams the real, confirmed credits of [<paramref name="startUtc"/>, <paramref name="endUtc"/>). Raw SQL per provider:
    /// SQLite keeps times as ISO text (its first 13 characters are the hour) and money as sen, and reads them from the partial
    /// covering index <c>IX_Mutations_CreditFacts</c> (named, because the planner prefers the narrower direction-and-time index
    /// and would then visit every row: 0.85 s instead of 0.26 s for a year of 1,000,000); PostgreSQL gives timestamptz and numeric.
    /// </summary>
    private static async Task ReadCreditsAsync(MootaDeskDbContext db, DateTime startUtc, DateTime endUtc, bool withSandbox, Action<CreditRead> read,
        CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var postgres = db.IsPostgreSql();
        await using var cmd = postgres
            ? Command(db, $"""
                SELECT "TransactionTime", "HasTimeOfDay", "Amount", "Counterparty", "Id", "AccountId" FROM "Mutations"
                WHERE "Direction" = {(int)Direction.Credit} AND NOT "IsProvisional" {(withSandbox ? "" : "AND NOT \"IsSandbox\"")}
                  AND "TransactionTime" >= @s AND "TransactionTime" < @e
                """)
            : Command(db, $"""
                SELECT TransactionTime, HasTimeOfDay, Amount, Counterparty, Id, AccountId FROM Mutations INDEXED BY IX_Mutations_CreditFacts
                WHERE Direction = {(int)Direction.Credit} AND NOT IsProvisional AND IsSandbox {(withSandbox ? "IN (0, 1)" : "= 0")}
                  AND TransactionTime >= @s AND TransactionTime < @e
                """);
        AddRange(cmd, postgres, startUtc, endUtc);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        ReadCreditRows(r, postgres, read, ct);
    }

    // Synchronous and fully optimised from its first call: the caller runs it on a pool thread (Microsoft.Data.Sqlite reads
    // synchronously anyway), and a report is often the first time a process meets these ~720,000 rows, where tiered
    // compilation's first tier cost the first reports 0.4–1 s more (bench income-rhythm).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadCreditRows(DbDataReader r, bool postgres, Action<CreditRead> read, CancellationToken ct)
    {
        string? lastHourText = null;
        var lastHour = default(DateTime);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        while (r.Read())
        {
            var counterparty = r.IsDBNull(3) ? null : r.GetString(3);
            var name = -1;
            if (counterparty is not null && !names.TryGetValue(counterparty, out name)) names[counterparty] = name = names.Count;
            if (postgres)
            {
                var time = DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc);
                read(new CreditRead(r.GetInt64(4), r.GetInt32(5), new DateTime(time.Year, time.Month, time.Day, time.Hour, 0, 0, DateTimeKind.Utc), time, null,
                    r.GetBoolean(1), r.GetDecimal(2), counterparty, name));
                continue;
            }
            var text = r.GetString(0);
            // Rows come in time order, so most share the previous row's hour: parse only when it changes.
            if (lastHourText is null || string.CompareOrdinal(text, 0, lastHourText, 0, 13) != 0)
            {
                if ((names.Count & 1023) == 0) ct.ThrowIfCancellationRequested();
                lastHourText = text;
                lastHour = DateTime.SpecifyKind(DateTime.ParseExact(text.AsSpan(0, 13), "yyyy-MM-dd HH", CultureInfo.InvariantCulture), DateTimeKind.Utc);
            }
            read(new CreditRead(r.GetInt64(4), r.GetInt32(5), lastHour, null, text, r.GetBoolean(1), r.GetInt64(2) / 100m, counterparty, name));
        }
    }

    /// <summary>
    /// The refunds paid out in the range: debits tagged Refund. Raw SQL per provider, from the tag's rows to their mutations: SQLite's
    /// planner otherwise walks every mutation of the range and asks each for its tags (0.26–0.6 s for a year of 1,000,000 against
    /// 0.05 s; on SQLite a CROSS JOIN keeps the order as written).
    /// </summary>
    private static async Task<List<IncomeBucket>> RefundsAsync(MootaDeskDbContext db, DateTime startUtc, DateTime endUtc, bool withSandbox, TimeZoneInfo zone,
        CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var postgres = db.IsPostgreSql();
        await using var cmd = postgres
            ? Command(db, $"""
                SELECT m."TransactionTime", m."HasTimeOfDay", m."Amount" FROM "MutationTags" AS mt JOIN "Mutations" AS m ON m."Id" = mt."MutationId"
                WHERE mt."TagId" IN (SELECT "Id" FROM "Tags" WHERE "NormalizedName" = @refund) AND m."Direction" = {(int)Direction.Debit}
                  {(withSandbox ? "" : "AND NOT m.\"IsSandbox\"")} AND m."TransactionTime" >= @s AND m."TransactionTime" < @e
                """)
            : Command(db, $"""
                SELECT m.TransactionTime, m.HasTimeOfDay, m.Amount FROM MutationTags AS mt CROSS JOIN Mutations AS m ON m.Id = mt.MutationId
                WHERE mt.TagId IN (SELECT Id FROM Tags WHERE NormalizedName = @refund) AND m.Direction = {(int)Direction.Debit}
                  {(withSandbox ? "" : "AND m.IsSandbox = 0")} AND m.TransactionTime >= @s AND m.TransactionTime < @e
                """);
        Add(cmd, "@refund", SweepDataLoader.RefundTag);
        AddRange(cmd, postgres, startUtc, endUtc);
        var rows = new List<IncomeRhythmEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new IncomeRhythmEntry(TimeAt(r, 0, postgres), r.GetBoolean(1), MoneyAt(r, 2, postgres), IsRefund: true));
        return [.. IncomeRhythmFacts.FromEntries(rows, zone).Refunds];
    }

    // The provider forms of what is bound and read here: SQLite keeps UTC times as ISO text and money as whole sen,
    // PostgreSQL gives timestamptz and numeric.
    private static void AddRange(DbCommand cmd, bool postgres, DateTime startUtc, DateTime endUtc)
    {
        Add(cmd, "@s", postgres ? startUtc : SweepDataLoader.SqlDate(startUtc));
        Add(cmd, "@e", postgres ? endUtc : SweepDataLoader.SqlDate(endUtc));
    }

    private static DateTime TimeAt(DbDataReader r, int i, bool postgres) =>
        postgres ? DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc) : SweepDataLoader.ParseDate(r.GetString(i));

    private static decimal MoneyAt(DbDataReader r, int i, bool postgres) => postgres ? r.GetDecimal(i) : r.GetInt64(i) / 100m;

    private static DbCommand Command(MootaDeskDbContext db, string sql)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
