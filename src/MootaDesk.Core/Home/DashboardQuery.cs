using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Home;

public sealed record DashboardDay(DateOnly Day, decimal MoneyIn, decimal MoneyOut);

public sealed record RecentMutation(long Id, DateTime TransactionTime, bool HasTimeOfDay, string AccountLabel, string Description, string? Counterparty,
    decimal Amount, Direction Direction);

public sealed record DashboardModel(
    bool IsDemo,
    DateOnly Today,
    decimal MoneyInToday,
    decimal? MoneyOutToday,
    int MutationsToday,
    int UntaggedToday,
    int PendingOrders,
    decimal PendingOrdersTotal,
    DateTime? LastReadTime,
    IReadOnlyList<DashboardDay> Days,
    IReadOnlyList<RecentMutation> Recent);

/// <summary>
/// The home page numbers. Real accounts only, unless the database holds nothing but demo data: then the
/// demo shop is shown, and the page says so.
/// </summary>
public sealed class DashboardQuery(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public async Task<DashboardModel> LoadAsync(Viewer viewer, int days = 14, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var isDemo = await OnlyDemoData.InAsync(db, ct);
        var includeSandbox = isDemo;

        var today = clock.Today;
        var now = clock.UtcNow;
        var (todayStart, todayEnd) = clock.DayRangeUtc(today);
        var (rangeStart, _) = clock.DayRangeUtc(today.AddDays(-(days - 1)));

        var scope = db.Mutations.AsNoTracking().VisibleTo(viewer).Where(m => includeSandbox || !m.IsSandbox);
        // A credit read only from a phone notification is not money yet: out of every total until the bank confirms it.
        var window = await scope
            .Where(m => m.TransactionTime >= rangeStart && m.TransactionTime < todayEnd && !m.IsProvisional)
            .Select(m => new { m.TransactionTime, m.Amount, m.Direction })
            .ToListAsync(ct);

        var byDay = window.GroupBy(m => DateOnly.FromDateTime(clock.ToLocal(m.TransactionTime)))
            .ToDictionary(g => g.Key, g => (In: g.Where(x => x.Direction == Direction.Credit).Sum(x => x.Amount),
                                            Out: g.Where(x => x.Direction == Direction.Debit).Sum(x => x.Amount)));
        var series = Enumerable.Range(0, days).Select(i => today.AddDays(i - (days - 1)))
            .Select(d => byDay.TryGetValue(d, out var v) ? new DashboardDay(d, v.In, viewer.CanSeeDebits ? v.Out : 0) : new DashboardDay(d, 0, 0))
            .ToList();

        var todayRows = scope.Where(m => m.TransactionTime >= todayStart && m.TransactionTime < todayEnd);
        var mutationsToday = await todayRows.CountAsync(ct);
        var untaggedToday = await todayRows.CountAsync(m => !m.Tags.Any(), ct);
        var lastRead = await scope.MaxAsync(m => (DateTime?)m.ReadTime, ct);

        var pending = await PendingOrdersQuery.SummarizeAsync(db, now, includeSandbox, ct);

        var recent = await scope.OrderByDescending(m => m.TransactionTime).ThenByDescending(m => m.Id).Take(8)
            .Select(m => new RecentMutation(m.Id, m.TransactionTime, m.HasTimeOfDay, m.Account!.Label, m.Description, m.Counterparty, m.Amount, m.Direction))
            .ToListAsync(ct);

        var todayPoint = series[^1];
        return new DashboardModel(isDemo, today, todayPoint.MoneyIn, viewer.CanSeeDebits ? todayPoint.MoneyOut : null, mutationsToday, untaggedToday,
            pending.Count, pending.Total, lastRead, series, recent);
    }
}
