using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

/// <summary>
/// Loads what <see cref="SweepAnalysis"/> needs for a day in a handful of indexed queries: the day's own
/// transactions by bank date stored before the cut-off, and the credits of earlier days read since the last
/// sweep (docs/decisions/023-sweep-counts-the-bank-day.md).
/// </summary>
public static class SweepDataLoader
{
    private const int HistoryDays = 30;
    private const int HistoryRowsPerAccount = 2000;

    public static readonly string RefundTag = TagName.Normalize("Refund");
    public static readonly string SupplierTag = TagName.Normalize("Supplier");
    public static readonly string[] ImportantTags = [TagName.Normalize("Penting"), TagName.Normalize("Important")];

    /// <summary>The day's transactions and accounts as step 1 and the analysis see them.</summary>
    public sealed record DayData(IReadOnlyList<SweepMutation> Mutations, IReadOnlyList<SweepMutation> EarlierDayCredits, IReadOnlyList<SweepAccount> Accounts,
        bool DemoOnly);

    /// <summary>
    /// The day's own mutations (bank date <paramref name="day"/>, stored before <see cref="SweepWindow.EndUtc"/>), the
    /// credits of earlier bank days stored in the window, and each account with its opening balance and its bank-reported
    /// balance taken back to the end of the day.
    /// </summary>
    public static async Task<DayData> LoadDayAsync(MootaDeskDbContext db, DateOnly day, SweepWindow window, BusinessClock clock, CancellationToken ct)
    {
        var (start, end) = (window.StartUtc, window.EndUtc);
        var (dayStart, _) = clock.DayRangeUtc(day);
        var accountRows = await db.Accounts.AsNoTracking().Where(a => a.CreatedAt <= end).ToListAsync(ct);
        // Raw reads for the big set: EF materialisation of 50,000 rows through value converters costs more than the
        // whole rest of the sweep; the SQL is the same a LINQ query would produce.
        string C(string property) => db.Column<Mutation>(property);
        // "IN ()" is SQLite's empty set but a syntax error on PostgreSQL: a store without accounts asks for nothing.
        var accountIn = accountRows.Count == 0 ? "1 = 0" : $"{C(nameof(Mutation.AccountId))} IN ({string.Join(',', accountRows.Select(a => a.Id))})";
        var rows = await ReadAsync(db, $"{accountIn} AND {C(nameof(Mutation.BankDate))} = @d AND {C(nameof(Mutation.ReadTime))} < @e",
            day, start, end, ct);
        var late = await ReadAsync(db, $"{C(nameof(Mutation.ReadTime))} >= @s AND {C(nameof(Mutation.ReadTime))} < @e AND {C(nameof(Mutation.BankDate))} < @d AND {C(nameof(Mutation.Direction))} = {(int)Direction.Credit}", day, start, end, ct);
        var tags = await ReadTagsAsync(db, rows, ct);

        // Like the home page: a database holding nothing but the demo shop sweeps the demo shop (the page says
        // so); as soon as one real account exists, sandbox money is out again.
        var demoOnly = OnlyDemoData.In(accountRows);
        var mutations = rows.Select(r => r with { IsSandbox = r.IsSandbox && !demoOnly, Tags = tags.GetValueOrDefault(r.Id) }).ToList();
        var earlier = late.Select(r => r with { IsSandbox = r.IsSandbox && !demoOnly }).ToList();
        var lastReadOfDay = mutations.GroupBy(m => m.AccountId).ToDictionary(g => g.Key, g => g.Max(m => m.ReadTime));
        var historyStart = dayStart.AddDays(-HistoryDays);

        var accounts = new List<SweepAccount>(accountRows.Count);
        foreach (var a in accountRows)
        {
            var opening = await db.Mutations.AsNoTracking()
                .Where(m => m.AccountId == a.Id && m.BankDate < day && m.ReadTime < end && m.BalanceAfter != null)
                .OrderByDescending(m => m.TransactionTime).ThenByDescending(m => m.Id)
                .Select(m => m.BalanceAfter).FirstOrDefaultAsync(ct);
            var lastRead = lastReadOfDay.TryGetValue(a.Id, out var ofDay) ? ofDay : await db.Mutations.AsNoTracking()
                .Where(m => m.AccountId == a.Id && m.TransactionTime >= historyStart && m.TransactionTime < dayStart)
                .MaxAsync(m => (DateTime?)m.ReadTime, ct);
            // The bank reports the balance of "now"; the day is compared with its own end, so the later days'
            // transactions that happened before the report are taken back out.
            decimal? reported = null;
            if (a.LastKnownBalance is decimal known && a.LastKnownBalanceAt is DateTime at && at >= dayStart)
            {
                var later = db.Mutations.AsNoTracking().Where(m => m.AccountId == a.Id && m.BankDate > day && m.TransactionTime <= at);
                var laterIn = await later.Where(m => m.Direction == Direction.Credit).SumAsync(m => m.Amount, ct);
                var laterOut = await later.Where(m => m.Direction == Direction.Debit).SumAsync(m => m.Amount, ct);
                reported = known - laterIn + laterOut;
            }
            accounts.Add(new SweepAccount(a.Id, string.IsNullOrWhiteSpace(a.Label) ? $"{BankNames.Display(a.BankCode)} {a.AccountNumber}" : a.Label,
                a.HolderName, a.IsSandbox && !demoOnly, a.IsActive, opening, reported, reported is null ? null : a.LastKnownBalanceAt, lastRead));
        }
        return new DayData(mutations, earlier, accounts, demoOnly);
    }

    public static async Task<SweepInput> LoadAsync(MootaDeskDbContext db, InboxDbContext inbox, DateOnly day, SweepWindow window, BusinessClock clock,
        decimal threshold, AnomalyThresholds thresholds, CancellationToken ct)
    {
        var (start, end) = (window.StartUtc, window.EndUtc);
        var nowUtc = end;
        var (dayStart, _) = clock.DayRangeUtc(day);
        var (mutations, earlier, accounts, demoOnly) = await LoadDayAsync(db, day, window, clock, ct);

        var history = new Dictionary<(int, Direction), decimal[]>();
        var historyStart = dayStart.AddDays(-HistoryDays);
        foreach (var a in accounts.Where(a => !a.IsSandbox))
        {
            foreach (var direction in new[] { Direction.Credit, Direction.Debit })
            {
                var amounts = await db.Mutations.AsNoTracking()
                    .Where(m => m.AccountId == a.Id && m.TransactionTime >= historyStart && m.TransactionTime < dayStart && m.Direction == direction)
                    .OrderByDescending(m => m.TransactionTime).Take(HistoryRowsPerAccount).Select(m => m.Amount).ToArrayAsync(ct);
                history[(a.Id, direction)] = amounts;
            }
        }

        var deliveries = await inbox.WebhookDeliveries.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end
                && (d.Status == DeliveryStatus.Rejected || d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Malformed || d.Status == DeliveryStatus.Partial
                    || d.Signature == SignatureVerdict.Invalid || d.Signature == SignatureVerdict.Missing || d.Signature == SignatureVerdict.IpRefused))
            .Select(d => new SweepDelivery(d.Id, d.ReceivedAt, d.Status, d.Signature, d.Error, d.SourceIp)).ToListAsync(ct);

        // Orders of the last 60 days and every pending one: a credit pays a recent order.
        var orderSince = dayStart.AddDays(-60);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => (demoOnly || !o.IsSandbox) && (o.CreatedAt >= orderSince || o.Status == OrderStatus.Pending))
            .Select(o => new SweepOrder(o.Id, o.Reference, o.AccountId, o.PayableAmount, o.Status, o.MatchedMutationId, o.CreatedAt, o.IsSandbox))
            .ToListAsync(ct);

        var refundRefs = mutations.Where(m => m.Tags.HasFlag(SweepTags.Refund) && !string.IsNullOrWhiteSpace(m.OrderReference)).Select(m => m.OrderReference!).Distinct().ToList();
        var withCredit = refundRefs.Count == 0 ? [] : await db.Mutations.AsNoTracking()
            .Where(m => m.Direction == Direction.Credit && m.OrderReference != null && refundRefs.Contains(m.OrderReference))
            .Select(m => m.OrderReference!).Distinct().ToListAsync(ct);

        var lastSync = await db.Integrations.AsNoTracking().Where(i => i.IsActive).MaxAsync(i => i.LastSuccessfulSyncAt, ct);
        var pending = await PendingOrdersQuery.SummarizeAsync(db, nowUtc, demoOnly, ct);

        var conflicts = await db.MutationConflicts.AsNoTracking().Where(c => c.Status == ConflictStatus.Open && c.DetectedAt < end)
            .OrderBy(c => c.Id).Take(500)
            .Select(c => new SweepConflict(c.Id, c.MutationId, c.StoredAccountId, c.MootaMutationId, c.Fields, c.StoredAmount, c.IncomingAmount,
                c.StoredDirection, c.IncomingDirection, c.StoredBankDate, c.IncomingBankDate, c.IncomingAccountText)).ToListAsync(ct);

        // Provisional rows are out of the window's money (ReadWindowAsync); those read before the end and still waiting for the
        // bank longer than allowed are listed, whatever window they were read in, until the bank confirms them.
        var unconfirmedBefore = (end < nowUtc ? end : nowUtc) - thresholds.UnconfirmedNotification;
        var unconfirmed = await db.Mutations.AsNoTracking()
            .Where(m => m.IsProvisional && m.DismissedAt == null && m.ReadTime < unconfirmedBefore && (demoOnly || !m.IsSandbox))
            .OrderBy(m => m.ReadTime).Take(500)
            .Select(m => new SweepUnconfirmed(m.Id, m.AccountId, m.Amount, m.ReadTime, m.Description)).ToListAsync(ct);

        return new SweepInput(window, nowUtc, mutations, accounts, deliveries, orders,
            withCredit.Select(r => r.Trim().ToUpperInvariant()).ToHashSet(), history, lastSync, pending, threshold, thresholds)
        { Conflicts = conflicts, EarlierDayCredits = earlier, IsDemo = demoOnly, Unconfirmed = unconfirmed };
    }

    /// <summary>EF's SQLite text form of DateTime, so raw parameters compare exactly like LINQ's.</summary>
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    private static readonly string[] DateFormats = [DateFormat, "yyyy-MM-dd HH:mm:ss"];

    internal static string SqlDate(DateTime utc) => utc.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads "yyyy-MM-dd HH:mm:ss[.fffffff]" by position: 100,000 of these per sweep made ParseExact a hot spot.</summary>
    internal static DateTime ParseDate(string t)
    {
        if (t.Length < 19 || t[4] != '-' || t[10] != ' ')
            return DateTime.SpecifyKind(DateTime.ParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc);
        static int N(string s, int at, int len)
        {
            var v = 0;
            for (var i = at; i < at + len; i++) v = v * 10 + (s[i] - '0');
            return v;
        }
        var ticks = new DateTime(N(t, 0, 4), N(t, 5, 2), N(t, 8, 2), N(t, 11, 2), N(t, 14, 2), N(t, 17, 2), DateTimeKind.Utc).Ticks;
        if (t.Length > 20 && t[19] == '.')
        {
            var digits = Math.Min(7, t.Length - 20);
            var fraction = N(t, 20, digits);
            for (var i = digits; i < 7; i++) fraction *= 10;
            ticks += fraction;
        }
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    // Read by position below; the names come from the model.
    private static readonly string[] ColumnProperties =
    [
        nameof(Mutation.Id), nameof(Mutation.AccountId), nameof(Mutation.TransactionTime), nameof(Mutation.HasTimeOfDay), nameof(Mutation.ReadTime),
        nameof(Mutation.Amount), nameof(Mutation.Direction), nameof(Mutation.BalanceAfter), nameof(Mutation.Description), nameof(Mutation.Counterparty),
        nameof(Mutation.OrderReference), nameof(Mutation.Status), nameof(Mutation.HasNote), nameof(Mutation.IsSandbox), nameof(Mutation.BankDate),
    ];

    /// <param name="where">A condition over @d (the bank day), @s and @e (UTC), bound in each provider's form.</param>
    private static async Task<List<SweepMutation>> ReadAsync(MootaDeskDbContext db, string where, DateOnly day, DateTime start, DateTime end, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var columns = string.Join(", ", ColumnProperties.Select(db.Column<Mutation>));
        // A credit read only from a phone notification is not money confirmed: it stays out of every sweep figure.
        cmd.CommandText = $"SELECT {columns} FROM {db.Table<Mutation>()} WHERE ({where}) AND NOT {db.Column<Mutation>(nameof(Mutation.IsProvisional))}";
        // SQLite keeps times and days as text and money as sen; PostgreSQL as timestamp with time zone, date and numeric(18,2).
        var postgres = db.IsPostgreSql();
        Add(cmd, "@d", postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(cmd, "@s", postgres ? start : SqlDate(start));
        Add(cmd, "@e", postgres ? end : SqlDate(end));
        var result = new List<SweepMutation>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            DateTime Time(int i) => postgres ? DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc) : ParseDate(r.GetString(i));
            decimal Money(int i) => postgres ? r.GetDecimal(i) : r.GetInt64(i) / 100m;
            result.Add(new SweepMutation(
                r.GetInt64(0), r.GetInt32(1), Time(2), r.GetBoolean(3), Time(4), Money(5),
                (Direction)r.GetInt32(6), r.IsDBNull(7) ? null : Money(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
                r.IsDBNull(10) ? null : r.GetString(10), (ReconciliationStatus)r.GetInt32(11), r.GetBoolean(12), r.GetBoolean(13))
            { BankDate = postgres ? r.GetFieldValue<DateOnly>(14) : DateOnly.ParseExact(r.GetString(14), "yyyy-MM-dd", CultureInfo.InvariantCulture) });
        }
        return result;
    }

    private static async Task<Dictionary<long, SweepTags>> ReadTagsAsync(MootaDeskDbContext db, List<SweepMutation> rows, CancellationToken ct)
    {
        var tags = new Dictionary<long, SweepTags>();
        if (rows.Count == 0) return tags;
        var ids = rows.Select(m => m.Id).ToHashSet();
        var conn = db.Database.GetDbConnection();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // The key (MutationId, TagId) makes the id range a range scan; rows outside the window are dropped here.
        var linkMutation = db.Column<MutationTag>(nameof(MutationTag.MutationId));
        cmd.CommandText = $"SELECT mt.{linkMutation}, t.{db.Column<Tag>(nameof(Tag.NormalizedName))} FROM {db.Table<MutationTag>()} mt " +
                          $"JOIN {db.Table<Tag>()} t ON t.{db.Column<Tag>(nameof(Tag.Id))} = mt.{db.Column<MutationTag>(nameof(MutationTag.TagId))} " +
                          $"WHERE mt.{linkMutation} BETWEEN @min AND @max";
        Add(cmd, "@min", ids.Min());
        Add(cmd, "@max", ids.Max());
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt64(0);
            if (!ids.Contains(id)) continue;
            var name = r.GetString(1);
            var flag = name == RefundTag ? SweepTags.Refund
                : name == SupplierTag ? SweepTags.Supplier
                : ImportantTags.Contains(name) ? SweepTags.Important
                : SweepTags.Other;
            tags[id] = tags.GetValueOrDefault(id) | flag;
        }
        return tags;
    }

    private static void Add(System.Data.Common.DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
