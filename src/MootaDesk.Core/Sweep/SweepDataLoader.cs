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
/// Loads what <see cref="SweepAnalysis"/> needs for a window in a handful of indexed queries. A mutation
/// belongs to the window when it happened in it (and was already stored by its end) or was first stored in
/// it; windows are contiguous, so each mutation is swept exactly once even when read late.
/// </summary>
public static class SweepDataLoader
{
    private const int HistoryDays = 30;
    private const int HistoryRowsPerAccount = 2000;

    public static readonly string RefundTag = TagName.Normalize("Refund");
    public static readonly string SupplierTag = TagName.Normalize("Supplier");
    public static readonly string[] ImportantTags = [TagName.Normalize("Penting"), TagName.Normalize("Important")];

    public static async Task<SweepInput> LoadAsync(MootaDeskDbContext db, InboxDbContext inbox, SweepWindow window, DateTime nowUtc, decimal threshold,
        AnomalyThresholds thresholds, CancellationToken ct)
    {
        var (start, end) = (window.StartUtc, window.EndUtc);
        // Raw reads for the two big sets: EF materialisation of 50,000 rows through value converters costs more
        // than the whole rest of the sweep; the SQL is the same a LINQ query would produce.
        var rows = await ReadWindowAsync(db, start, end, ct);
        var tags = await ReadTagsAsync(db, rows, ct);

        // Like the home page: a database holding nothing but the demo shop sweeps the demo shop (the page says
        // so); as soon as one real account exists, sandbox money is out again.
        var accountRows = await db.Accounts.AsNoTracking().ToListAsync(ct);
        var demoOnly = OnlyDemoData.In(accountRows);
        var mutations = demoOnly ? rows.Select(r => r with { IsSandbox = false, Tags = tags.GetValueOrDefault(r.Id) }).ToList()
            : rows.Select(r => r with { Tags = tags.GetValueOrDefault(r.Id) }).ToList();
        var lastReadInWindow = mutations.GroupBy(m => m.AccountId).ToDictionary(g => g.Key, g => g.Max(m => m.ReadTime));

        var accounts = new List<SweepAccount>(accountRows.Count);
        var history = new Dictionary<(int, Direction), decimal[]>();
        var historyStart = start.AddDays(-HistoryDays);
        foreach (var a in accountRows)
        {
            var opening = await db.Mutations.AsNoTracking()
                .Where(m => m.AccountId == a.Id && m.TransactionTime < start && m.BalanceAfter != null)
                .OrderByDescending(m => m.TransactionTime).ThenByDescending(m => m.Id)
                .Select(m => m.BalanceAfter).FirstOrDefaultAsync(ct);
            var lastRead = lastReadInWindow.TryGetValue(a.Id, out var inWindow) ? inWindow : await db.Mutations.AsNoTracking()
                .Where(m => m.AccountId == a.Id && m.TransactionTime >= historyStart && m.TransactionTime < start)
                .MaxAsync(m => (DateTime?)m.ReadTime, ct);
            accounts.Add(new SweepAccount(a.Id, string.IsNullOrWhiteSpace(a.Label) ? $"{BankNames.Display(a.BankCode)} {a.AccountNumber}" : a.Label,
                a.HolderName, a.IsSandbox && !demoOnly, a.IsActive, opening, a.LastKnownBalance, a.LastKnownBalanceAt, lastRead));
            if (a.IsSandbox && !demoOnly) continue;
            foreach (var direction in new[] { Direction.Credit, Direction.Debit })
            {
                var amounts = await db.Mutations.AsNoTracking()
                    .Where(m => m.AccountId == a.Id && m.TransactionTime >= historyStart && m.TransactionTime < start && m.Direction == direction)
                    .OrderByDescending(m => m.TransactionTime).Take(HistoryRowsPerAccount).Select(m => m.Amount).ToArrayAsync(ct);
                history[(a.Id, direction)] = amounts;
            }
        }

        var deliveries = await inbox.WebhookDeliveries.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end
                && (d.Status == DeliveryStatus.Rejected || d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Malformed || d.Status == DeliveryStatus.Partial
                    || d.Signature == SignatureVerdict.Invalid || d.Signature == SignatureVerdict.Missing || d.Signature == SignatureVerdict.IpRefused))
            .Select(d => new SweepDelivery(d.Id, d.ReceivedAt, d.Status, d.Signature, d.Error, d.SourceIp)).ToListAsync(ct);

        // Orders of the last 60 days and every pending one: a credit pays a recent order.
        var orderSince = start.AddDays(-60);
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

        return new SweepInput(window, nowUtc, mutations, accounts, deliveries, orders,
            withCredit.Select(r => r.Trim().ToUpperInvariant()).ToHashSet(), history, lastSync, pending, threshold, thresholds) { Conflicts = conflicts };
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

    private const string Columns = "\"Id\", \"AccountId\", \"TransactionTime\", \"HasTimeOfDay\", \"ReadTime\", \"Amount\", \"Direction\", \"BalanceAfter\", \"Description\", \"Counterparty\", \"OrderReference\", \"Status\", \"HasNote\", \"IsSandbox\"";

    private static async Task<List<SweepMutation>> ReadWindowAsync(MootaDeskDbContext db, DateTime start, DateTime end, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = $"""
            SELECT {Columns} FROM "Mutations" WHERE "TransactionTime" >= @s AND "TransactionTime" < @e AND "ReadTime" < @e
            UNION ALL
            SELECT {Columns} FROM "Mutations" WHERE "ReadTime" >= @s AND "ReadTime" < @e AND ("TransactionTime" < @s OR "TransactionTime" >= @e)
            """;
        // SQLite keeps times as text and money as sen; PostgreSQL as timestamp with time zone and numeric(18,2).
        var postgres = db.IsPostgreSql();
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
                r.IsDBNull(10) ? null : r.GetString(10), (ReconciliationStatus)r.GetInt32(11), r.GetBoolean(12), r.GetBoolean(13)));
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
        cmd.CommandText = "SELECT mt.\"MutationId\", t.\"NormalizedName\" FROM \"MutationTags\" mt JOIN \"Tags\" t ON t.\"Id\" = mt.\"TagId\" WHERE mt.\"MutationId\" BETWEEN @min AND @max";
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
