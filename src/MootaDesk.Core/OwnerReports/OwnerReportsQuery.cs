using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;

namespace MootaDesk.Core.OwnerReports;

/// <param name="IsDemo">Swept from the demo shop (<see cref="DailySweep.IsDemo"/>): shown with a Demo label, and only while the store holds nothing else.</param>
public sealed record SummaryRow(DateOnly Day, OwnerSummary Summary, DateTime? SignedOffAt, string? SignedOffBy, bool IsDemo = false)
{
    public IReadOnlyList<string> Lines => Summary.Lines;
}

public sealed record IncomeDay(DateOnly Day, decimal Income);

public sealed record IncomeAccount(string Account, decimal Income);

public sealed record WeekMetrics(DateOnly WeekStart, double? AverageReadSeconds, int ProofsCreated, int CsTasksDone, int Credits, int Reconciled)
{
    public double? Accuracy => Credits == 0 ? null : (double)Reconciled / Credits;
}

public sealed record OwnerReport(SummaryRow? Latest, IReadOnlyList<SummaryRow> Past, IReadOnlyList<IncomeDay> Days, IReadOnlyList<IncomeAccount> Accounts,
    IReadOnlyList<WeekMetrics> Weeks);

/// <summary>
/// The owner's view. Income follows the summary's rule: real accounts only, own-account transfers left out
/// (<see cref="OwnTransferDetector"/>), computed per day with sums in SQL and only transfer candidates loaded.
/// </summary>
public sealed class OwnerReportsQuery(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock, IOptionsMonitor<SweepOptions> options, ProofMetricsQuery proofs)
{
    public async Task<SummaryRow?> LatestAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await (await SummariesAsync(db, ct)).FirstOrDefaultAsync(ct);
    }

    public async Task<OwnerReport> LoadAsync(int days = 30, int weeks = 8, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var past = await (await SummariesAsync(db, ct)).Take(60).ToListAsync(ct);
        var (perDay, perAccount) = await IncomeAsync(db, days, ct);
        return new OwnerReport(past.FirstOrDefault(), past, perDay, perAccount, await WeeksAsync(db, weeks, ct));
    }

    /// <summary>Signed-off summaries, newest first; the demo shop's only while the store holds nothing but the demo shop.</summary>
    private static async Task<IQueryable<SummaryRow>> SummariesAsync(MootaDeskDbContext db, CancellationToken ct)
    {
        var demoOnly = await OnlyDemoData.InAsync(db, ct);
        return db.Sweeps.AsNoTracking().Where(s => s.SignedOffAt != null && (demoOnly || !s.IsDemo)).OrderByDescending(s => s.BusinessDate)
            .Select(s => new SummaryRow(s.BusinessDate, s.Summary, s.SignedOffAt, s.SignedOffBy, s.IsDemo));
    }

    private async Task<(IReadOnlyList<IncomeDay>, IReadOnlyList<IncomeAccount>)> IncomeAsync(MootaDeskDbContext db, int days, CancellationToken ct)
    {
        // Same rule as the sweep and the home page: the demo shop is shown only while it is all there is.
        var all = await db.Accounts.AsNoTracking().ToListAsync(ct);
        var demoOnly = OnlyDemoData.In(all);
        var accounts = all.Where(a => demoOnly || !a.IsSandbox).ToList();
        var ids = accounts.Select(a => a.Id).ToList();
        var sweepAccounts = accounts.Select(a => new SweepAccount(a.Id, a.Label, a.HolderName, false, a.IsActive, null, null, null, null)).ToList();
        var holders = accounts.Select(a => a.HolderName).Where(h => h.Length >= 3).Distinct().ToList();
        var span = options.CurrentValue.Thresholds().OwnTransferSpan;
        var perAccount = accounts.ToDictionary(a => a.Id, _ => 0m);
        var perDay = new List<IncomeDay>();
        var today = clock.Today;
        for (var i = days - 1; i >= 0; i--)
        {
            var day = today.AddDays(-i);
            var (start, end) = clock.DayRangeUtc(day);
            var credits = db.Mutations.AsNoTracking().Where(m => m.Direction == Direction.Credit && m.TransactionTime >= start && m.TransactionTime < end
                                                                 && (demoOnly || !m.IsSandbox) && ids.Contains(m.AccountId) && !m.IsProvisional);
            var sums = await credits.GroupBy(m => m.AccountId).Select(g => new { AccountId = g.Key, Total = g.Sum(m => m.Amount) }).ToListAsync(ct);
            // Only debits and the credits that could pair with them (same amount, or from an own holder) are loaded.
            var debits = await db.Mutations.AsNoTracking().Where(m => m.Direction == Direction.Debit && m.TransactionTime >= start.Add(-span)
                    && m.TransactionTime < end.Add(span) && (demoOnly || !m.IsSandbox) && ids.Contains(m.AccountId))
                .Select(m => new { m.Id, m.AccountId, m.TransactionTime, m.Amount }).ToListAsync(ct);
            var amounts = debits.Select(d => d.Amount).Distinct().ToList();
            var candidates = await credits.Where(m => amounts.Contains(m.Amount) || (m.Counterparty != null && holders.Contains(m.Counterparty)))
                .Select(m => new { m.Id, m.AccountId, m.TransactionTime, m.Amount, m.Counterparty }).ToListAsync(ct);
            var rows = debits.Select(d => new SweepMutation(d.Id, d.AccountId, d.TransactionTime, true, d.TransactionTime, d.Amount, Direction.Debit, null, "", null, null,
                    ReconciliationStatus.New, false, false))
                .Concat(candidates.Select(c => new SweepMutation(c.Id, c.AccountId, c.TransactionTime, true, c.TransactionTime, c.Amount, Direction.Credit, null, "",
                    c.Counterparty, null, ReconciliationStatus.New, false, false))).ToList();
            var own = OwnTransferDetector.Detect(rows, sweepAccounts, span);
            var excluded = candidates.Where(c => own.Contains(c.Id)).ToList();
            decimal total = 0;
            foreach (var s in sums)
            {
                var net = s.Total - excluded.Where(e => e.AccountId == s.AccountId).Sum(e => e.Amount);
                perAccount[s.AccountId] += net;
                total += net;
            }
            perDay.Add(new IncomeDay(day, total));
        }
        var byAccount = accounts.Select(a => new IncomeAccount(string.IsNullOrWhiteSpace(a.Label) ? $"{BankNames.Display(a.BankCode)} {a.AccountNumber}" : a.Label, perAccount[a.Id]))
            .OrderByDescending(a => a.Income).ToList();
        return (perDay, byAccount);
    }

    /// <summary>Weeks start on Monday, business time.</summary>
    private async Task<IReadOnlyList<WeekMetrics>> WeeksAsync(MootaDeskDbContext db, int weeks, CancellationToken ct)
    {
        var demoOnly = await OnlyDemoData.InAsync(db, ct);
        var today = clock.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var result = new List<WeekMetrics>();
        for (var i = weeks - 1; i >= 0; i--)
        {
            var from = monday.AddDays(-7 * i);
            var to = from.AddDays(6);
            var (start, end) = clock.DaysRangeUtc(from, to);
            var latency = await db.Mutations.AsNoTracking()
                .Where(m => m.TransactionTime >= start && m.TransactionTime < end && (demoOnly || !m.IsSandbox) && m.ReadLatencySeconds != null && m.DismissedAt == null)
                .AverageAsync(m => (double?)m.ReadLatencySeconds, ct);
            var tasks = await db.CsTasks.AsNoTracking().CountAsync(t => t.Status == CsTaskStatus.Done && t.DoneAt >= start && t.DoneAt < end, ct);
            var signed = await db.Sweeps.AsNoTracking().Where(s => s.SignedOffAt != null && s.BusinessDate >= from && s.BusinessDate <= to && (demoOnly || !s.IsDemo))
                .Select(s => new { s.CreditsAtSignOff, s.CreditsReconciledAtSignOff }).ToListAsync(ct);
            // Payment questions CS answered with a proof: every proof issued that week, by hand or through the API.
            var proofCount = await proofs.CountCreatedAsync(start, end, ct);
            result.Add(new WeekMetrics(from, latency, proofCount, tasks, signed.Sum(s => s.CreditsAtSignOff), signed.Sum(s => s.CreditsReconciledAtSignOff)));
        }
        return result;
    }
}
