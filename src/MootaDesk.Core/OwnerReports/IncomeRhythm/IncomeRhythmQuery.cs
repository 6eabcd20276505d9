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
/// summary's rule). Three grouped reads: money in by UTC hour (index <c>IX_Mutations_CreditHours</c>), payers by local day,
/// refunds by local day; own transfers are found with <see cref="OwnTransferDetector"/> among the few credits that could be one.
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
        var sandbox = withSandbox ? "IN (0, 1)" : "= 0";
        var own = await OwnTransfersAsync(db, startUtc, endUtc, accounts, withSandbox, ct);
        var offset = IncomeRhythmPeriod.FixedUtcOffset(zone, startUtc, endUtc);

        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);

        // Q1: money in by UTC hour; the business zone is applied in C# (exact for any whole-hour zone). Raw SQL per provider:
        // SQLite keeps times as text (the CreditHours expression index serves the hour prefix) and money as sen.
        var postgres = db.IsPostgreSql();
        var hours = postgres
            ? await PostgresHoursAsync(db, startUtc, endUtc, withSandbox, ct)
            : await SqliteHoursAsync(db, sandbox, startUtc, endUtc, ct);
        // Own transfers are not income: taken back out of their hours.
        hours.AddRange(own.Select(o => new UtcHourTotal(new DateTime(o.Time.Year, o.Time.Month, o.Time.Day, o.Time.Hour, 0, 0, DateTimeKind.Utc), o.HasTimeOfDay, -o.Amount, -1)));
        var credits = IncomeRhythmFacts.BucketsFromUtcHours(hours, zone).Where(b => b.Count != 0 || b.Amount != 0).ToList();

        // Q3 and Q2 group by local day in SQL when the zone's offset is fixed over the range (WIB, WITA, WIT); otherwise by row.
        // PostgreSQL reads payers row by row (the same rule in C#); its day grouping in SQL is not written yet.
        var dayExpr = !postgres && offset is TimeSpan o ? $"date(m.TransactionTime, '{(o < TimeSpan.Zero ? "-" : "+")}{Math.Abs((int)o.TotalMinutes)} minutes')" : null;
        var ownIds = own.Select(x => x.Id).ToHashSet();
        var payers = dayExpr is null
            ? await PayerRowsByRowAsync(db, startUtc, endUtc, withSandbox, ownIds, zone, ct)
            : await PayerRowsAsync(db, dayExpr, sandbox, startUtc, endUtc, ownIds, ct);
        var refunds = await RefundsAsync(db, startUtc, endUtc, withSandbox, zone, ct);
        return new IncomeRhythmFacts(credits, payers, refunds);
    }

    private static async Task<List<UtcHourTotal>> SqliteHoursAsync(MootaDeskDbContext db, string sandbox, DateTime startUtc, DateTime endUtc, CancellationToken ct)
    {
        var hours = new List<UtcHourTotal>();
        await db.Database.OpenConnectionAsync(ct);
        await using (var cmd = Command(db, $"""
            SELECT substr(TransactionTime, 1, 13), HasTimeOfDay, SUM(Amount), COUNT(*) FROM Mutations
            WHERE Direction = 0 AND IsSandbox {sandbox} AND substr(TransactionTime, 1, 13) >= $fh AND substr(TransactionTime, 1, 13) < $th AND NOT IsProvisional
            GROUP BY substr(TransactionTime, 1, 13), HasTimeOfDay
            """))
        {
            Add(cmd, "$fh", startUtc.ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture));
            Add(cmd, "$th", endUtc.ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                hours.Add(new UtcHourTotal(DateTime.SpecifyKind(DateTime.ParseExact(r.GetString(0), "yyyy-MM-dd HH", CultureInfo.InvariantCulture), DateTimeKind.Utc),
                    r.GetBoolean(1), r.GetInt64(2) / 100m, r.GetInt32(3)));
        }
        return hours;
    }

    private static async Task<List<UtcHourTotal>> PostgresHoursAsync(MootaDeskDbContext db, DateTime startUtc, DateTime endUtc, bool withSandbox, CancellationToken ct)
    {
        var hours = new List<UtcHourTotal>();
        await db.Database.OpenConnectionAsync(ct);
        // timestamptz AT TIME ZONE 'UTC' gives the UTC wall time whatever the session's zone; money is numeric(18,2).
        await using var cmd = Command(db, $"""
            SELECT date_trunc('hour', "TransactionTime" AT TIME ZONE 'UTC'), "HasTimeOfDay", SUM("Amount"), COUNT(*) FROM "Mutations"
            WHERE "Direction" = {(int)Direction.Credit} {(withSandbox ? "" : "AND NOT \"IsSandbox\"")} AND NOT "IsProvisional"
              AND "TransactionTime" >= @s AND "TransactionTime" < @e
            GROUP BY 1, 2
            """);
        Add(cmd, "@s", startUtc);
        Add(cmd, "@e", endUtc);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            hours.Add(new UtcHourTotal(DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), r.GetBoolean(1), r.GetDecimal(2), (int)r.GetInt64(3)));
        return hours;
    }

    private static async Task<List<PayerDay>> PayerRowsAsync(MootaDeskDbContext db, string dayExpr, string sandbox, DateTime startUtc, DateTime endUtc,
        HashSet<long> ownIds, CancellationToken ct)
    {
        var byKey = new Dictionary<(DateOnly, PayerFields), PayerDay>();
        // Own transfers are few (pairs the detector found); ids are numbers, written into the statement as they are.
        var notOwn = ownIds.Count == 0 ? "" : $"AND m.Id NOT IN ({string.Join(",", ownIds.Select(i => i.ToString(CultureInfo.InvariantCulture)))})";
        await using var cmd = Command(db, $"""
            SELECT m.Counterparty, o.WhatsApp, o.CustomerName, {dayExpr}, SUM(m.Amount), COUNT(*), SUM(COALESCE(o.Amount, 0)), COUNT(o.Id)
            FROM Mutations m LEFT JOIN Orders o ON o.MatchedMutationId = m.Id
            WHERE m.Direction = 0 AND m.IsSandbox {sandbox} AND NOT m.IsProvisional AND m.TransactionTime >= $s AND m.TransactionTime < $e {notOwn}
            GROUP BY m.Counterparty, o.WhatsApp, o.CustomerName, {dayExpr}
            """);
        Add(cmd, "$s", SweepDataLoader.SqlDate(startUtc));
        Add(cmd, "$e", SweepDataLoader.SqlDate(endUtc));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var payer = new PayerFields(r.IsDBNull(0) ? null : r.GetString(0), null, r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));
            var day = DateOnly.ParseExact(r.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            byKey[(day, payer)] = new PayerDay(day, payer, r.GetInt64(4) / 100m, r.GetInt32(5), r.GetInt64(6) / 100m, r.GetInt32(7));
        }
        return [.. byKey.Values];
    }

    /// <summary>A zone whose offset changes inside the range: the same figures, read row by row.</summary>
    private static async Task<List<PayerDay>> PayerRowsByRowAsync(MootaDeskDbContext db, DateTime startUtc, DateTime endUtc, bool withSandbox,
        HashSet<long> ownIds, TimeZoneInfo zone, CancellationToken ct)
    {
        var rows = await db.Mutations.AsNoTracking()
            .Where(m => m.Direction == Direction.Credit && (withSandbox || !m.IsSandbox) && !m.IsProvisional && m.TransactionTime >= startUtc && m.TransactionTime < endUtc)
            .Select(m => new
            {
                m.Id, m.TransactionTime, m.HasTimeOfDay, m.Amount, m.Counterparty,
                Order = db.Orders.Where(o => o.MatchedMutationId == m.Id).Select(o => new { o.WhatsApp, o.CustomerName, o.Amount }).FirstOrDefault(),
            }).ToListAsync(ct);
        var entries = rows.Where(m => !ownIds.Contains(m.Id)).Select(m => new IncomeRhythmEntry(m.TransactionTime, m.HasTimeOfDay, m.Amount, false, m.Counterparty, null,
            m.Order?.WhatsApp, m.Order?.CustomerName, m.Order?.Amount));
        return [.. IncomeRhythmFacts.FromEntries(entries, zone).Payers];
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

    private sealed record OwnCredit(long Id, DateTime Time, bool HasTimeOfDay, decimal Amount);

    /// <summary>
    /// The credits of the range that are transfers between own accounts (the owner summary's rule): only debits and the credits
    /// that could pair with them (same amount, or from an own account holder's name) are read.
    /// </summary>
    private async Task<List<OwnCredit>> OwnTransfersAsync(MootaDeskDbContext db, DateTime startUtc, DateTime endUtc, List<BankAccounts.Account> accounts,
        bool withSandbox, CancellationToken ct)
    {
        var real = accounts.Where(a => withSandbox || !a.IsSandbox).ToList();
        if (real.Count == 0) return [];
        var span = sweepOptions.CurrentValue.Thresholds().OwnTransferSpan;
        var sweepAccounts = real.Select(a => new SweepAccount(a.Id, a.Label, a.HolderName, false, a.IsActive, null, null, null, null)).ToList();
        var holders = real.Select(a => a.HolderName).Where(h => h.Length >= 3).Distinct().ToList();
        var ids = real.Select(a => a.Id).ToList();
        var debits = await db.Mutations.AsNoTracking().Where(m => m.Direction == Direction.Debit && m.TransactionTime >= startUtc.Add(-span)
                && m.TransactionTime < endUtc.Add(span) && ids.Contains(m.AccountId))
            .Select(m => new { m.Id, m.AccountId, m.TransactionTime, m.Amount }).ToListAsync(ct);
        var amounts = debits.Select(d => d.Amount).Distinct().ToList();
        var candidates = new List<(long Id, int AccountId, DateTime Time, bool HasTimeOfDay, decimal Amount, string? Counterparty)>();
        foreach (var chunk in amounts.Chunk(500).DefaultIfEmpty([]))
        {
            var list = chunk.ToList();
            var rows = await db.Mutations.AsNoTracking()
                .Where(m => m.Direction == Direction.Credit && !m.IsProvisional && m.TransactionTime >= startUtc && m.TransactionTime < endUtc && ids.Contains(m.AccountId)
                            && (list.Contains(m.Amount) || (m.Counterparty != null && holders.Contains(m.Counterparty))))
                .Select(m => new { m.Id, m.AccountId, m.TransactionTime, m.HasTimeOfDay, m.Amount, m.Counterparty }).ToListAsync(ct);
            candidates.AddRange(rows.Select(m => (m.Id, m.AccountId, m.TransactionTime, m.HasTimeOfDay, m.Amount, m.Counterparty)));
        }
        var distinct = candidates.DistinctBy(c => c.Id).ToList();
        var sweepRows = debits.Select(d => new SweepMutation(d.Id, d.AccountId, d.TransactionTime, true, d.TransactionTime, d.Amount, Direction.Debit, null, "", null, null,
                ReconciliationStatus.New, false, false))
            .Concat(distinct.Select(c => new SweepMutation(c.Id, c.AccountId, c.Time, true, c.Time, c.Amount, Direction.Credit, null, "", c.Counterparty, null,
                ReconciliationStatus.New, false, false))).ToList();
        var own = OwnTransferDetector.Detect(sweepRows, sweepAccounts, span);
        return distinct.Where(c => own.Contains(c.Id)).Select(c => new OwnCredit(c.Id, c.Time, c.HasTimeOfDay, c.Amount)).ToList();
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
