using System.Data.Common;
using System.Globalization;
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
/// summary's rule). One streamed read of the credits (grouped by hour and by payer and local day as they come), one of the
/// orders they paid, one of the refunds; own transfers are found with <see cref="OwnTransferDetector"/> among the few credits
/// that could be one.
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
        var zone = clock.TimeZone;
        await using var db = await factory.CreateDbContextAsync(ct);
        var accounts = await db.Accounts.AsNoTracking().ToListAsync(ct);
        var withSandbox = !realOnly && OnlyDemoData.In(accounts);
        var facts = await FactsAsync(db, period, zone, accounts, withSandbox, ct);
        return (IncomeRhythmAnalysis.Analyse(facts, zone, period), null);
    }

    private async Task<IncomeRhythmFacts> FactsAsync(MootaDeskDbContext db, IncomeRhythmPeriod period, TimeZoneInfo zone,
        List<BankAccounts.Account> accounts, bool withSandbox, CancellationToken ct)
    {
        var (startUtc, endUtc) = period.UtcRange(zone);
        var own = new OwnTransferCandidates(accounts.Where(a => withSandbox || !a.IsSandbox).ToList(), sweepOptions.CurrentValue.Thresholds().OwnTransferSpan);
        if (own.AccountIds.Count > 0) own.AddDebits(await OwnDebitsAsync(db, startUtc - own.Span, endUtc + own.Span, own.AccountIds, ct));
        var orders = await MatchedOrdersAsync(db, startUtc, endUtc, withSandbox, ct);

        // One pass over the credits (a year of a 1,000,000-mutation store is ~720,000 rows), added up here rather than grouped in
        // SQL: SQLite's GROUP BY over payer and local day alone took 2.7 s (bench income-rhythm, 30 Nov). A credit that could be
        // half of a transfer between own accounts is held back until the pass is over and the pairs are known.
        var totals = new IncomeTotals(zone);
        await ReadCreditsAsync(db, startUtc, endUtc, withSandbox, credit =>
        {
            if (own.MayBeOwn(credit)) own.Hold(credit);
            else totals.Add(credit, orders);
        }, ct);
        foreach (var credit in own.NotOwn()) totals.Add(credit, orders);
        var refunds = await RefundsAsync(db, startUtc, endUtc, withSandbox, zone, ct);
        return new IncomeRhythmFacts(totals.Credits(), totals.Payers(), refunds);
    }

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
        private readonly List<SweepMutation> _debits = [];
        private readonly List<CreditRead> _held = [];
        private readonly HashSet<string> _holders = accounts.Select(a => TagName.Normalize(a.HolderName)).Where(h => h.Length >= 3).ToHashSet();
        private readonly Dictionary<int, bool> _isHolder = [];

        public HashSet<int> AccountIds { get; } = accounts.Select(a => a.Id).ToHashSet();

        public TimeSpan Span => span;

        public void AddDebits(List<(long Id, int AccountId, DateTime Time, decimal Amount)> debits)
        {
            foreach (var d in debits)
            {
                if (!_debitsByAmount.TryGetValue(d.Amount, out var list)) _debitsByAmount[d.Amount] = list = [];
                list.Add((d.Time, d.AccountId));
                _debits.Add(new SweepMutation(d.Id, d.AccountId, d.Time, true, d.Time, d.Amount, Direction.Debit, null, "", null, null,
                    ReconciliationStatus.New, false, false));
            }
            foreach (var list in _debitsByAmount.Values) list.Sort((a, b) => a.Time.CompareTo(b.Time));
        }

        public bool MayBeOwn(CreditRead credit)
        {
            if (!AccountIds.Contains(credit.AccountId)) return false;
            if (credit.Counterparty is { Length: > 0 } cp)
            {
                if (!_isHolder.TryGetValue(credit.Name, out var holder)) _isHolder[credit.Name] = holder = _holders.Contains(TagName.Normalize(cp));
                if (holder) return true;
            }
            if (!_debitsByAmount.TryGetValue(credit.Amount, out var debits)) return false;
            // Only the credit's hour is known here: widen the window by that hour.
            var from = credit.Hour - span;
            var to = credit.Hour + TimeSpan.FromHours(1) + span;
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

        public void Hold(CreditRead credit) => _held.Add(credit);

        /// <summary>The held credits that the detector did not pair: income after all.</summary>
        public IEnumerable<CreditRead> NotOwn()
        {
            if (_held.Count == 0) return [];
            var sweepAccounts = accounts.Select(a => new SweepAccount(a.Id, a.Label, a.HolderName, false, a.IsActive, null, null, null, null)).ToList();
            var credits = _held.Select(c => new SweepMutation(c.Id, c.AccountId, c.ExactTime, true, c.ExactTime, c.Amount, Direction.Credit, null, "", c.Counterparty,
                null, ReconciliationStatus.New, false, false));
            var own = OwnTransferDetector.Detect([.. _debits, .. credits], sweepAccounts, span);
            return _held.Where(c => !own.Contains(c.Id));
        }
    }

    /// <summary>
    /// The debits of the own accounts in the range (widened by the span by the caller): the other half of own transfers. Raw SQL
    /// per provider with SQLite's time text read by position: through EF a year's 280,000 debits took 0.7 s, most of it parsing.
    /// </summary>
    private static async Task<List<(long Id, int AccountId, DateTime Time, decimal Amount)>> OwnDebitsAsync(MootaDeskDbContext db, DateTime fromUtc, DateTime toUtc,
        HashSet<int> accountIds, CancellationToken ct)
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
                SELECT Id, AccountId, TransactionTime, Amount FROM Mutations
                WHERE Direction = {(int)Direction.Debit} AND TransactionTime >= @s AND TransactionTime < @e AND AccountId IN ({accounts})
                """);
        Add(cmd, "@s", postgres ? fromUtc : SweepDataLoader.SqlDate(fromUtc));
        Add(cmd, "@e", postgres ? toUtc : SweepDataLoader.SqlDate(toUtc));
        var debits = new List<(long, int, DateTime, decimal)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            debits.Add(postgres
                ? (r.GetInt64(0), r.GetInt32(1), DateTime.SpecifyKind(r.GetDateTime(2), DateTimeKind.Utc), r.GetDecimal(3))
                : (r.GetInt64(0), r.GetInt32(1), SweepDataLoader.ParseDate(r.GetString(2)), r.GetInt64(3) / 100m));
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
        Add(cmd, "@s", postgres ? startUtc : SweepDataLoader.SqlDate(startUtc));
        Add(cmd, "@e", postgres ? endUtc : SweepDataLoader.SqlDate(endUtc));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        string? lastHourText = null;
        var lastHour = default(DateTime);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await r.ReadAsync(ct))
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
                lastHourText = text;
                lastHour = DateTime.SpecifyKind(DateTime.ParseExact(text.AsSpan(0, 13), "yyyy-MM-dd HH", CultureInfo.InvariantCulture), DateTimeKind.Utc);
            }
            read(new CreditRead(r.GetInt64(4), r.GetInt32(5), lastHour, null, text, r.GetBoolean(1), r.GetInt64(2) / 100m, counterparty, name));
        }
    }

    private static async Task<List<IncomeBucket>> RefundsAsync(MootaDeskDbContext db, DateTime startUtc, DateTime endUtc, bool withSandbox, TimeZoneInfo zone,
        CancellationToken ct)
    {
        var refund = SweepDataLoader.RefundTag;
        var rows = await db.MutationTags.AsNoTracking()
            .Where(mt => mt.Tag!.NormalizedName == refund && mt.Mutation!.Direction == Direction.Debit && (withSandbox || !mt.Mutation.IsSandbox)
                         && mt.Mutation.TransactionTime >= startUtc && mt.Mutation.TransactionTime < endUtc)
            .Select(mt => new { mt.Mutation!.TransactionTime, mt.Mutation.HasTimeOfDay, mt.Mutation.Amount }).ToListAsync(ct);
        return [.. IncomeRhythmFacts.FromEntries(rows.Select(r => new IncomeRhythmEntry(r.TransactionTime, r.HasTimeOfDay, r.Amount, IsRefund: true)), zone).Refunds];
    }

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
