using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

public sealed record SweepListRow(int Id, DateOnly Day, DateTime PreparedAt, SweepTrigger Trigger, DateTime? SignedOffAt, string? SignedOffBy, decimal Income);

public sealed record StepProgress(int Step, int Total, int Done)
{
    public bool Complete => Done >= Total;
    public int Left => Math.Max(0, Total - Done);
}

public sealed record SweepHeader(int Id, DateOnly Day, DateTime WindowStartUtc, DateTime WindowEndUtc, DateTime PreparedAt, string PreparedBy, SweepTrigger Trigger,
    DateTime? AccountsReviewedAt, string? AccountsReviewedBy, DateTime? SignedOffAt, string? SignedOffBy, OwnerSummary Summary)
{
    public bool IsSignedOff => SignedOffAt is not null;
}

public sealed record SweepView(bool IsDemo, SweepHeader Header, IReadOnlyList<AccountDayFigures> Accounts, IReadOnlyList<StepProgress> Steps,
    IReadOnlyDictionary<SweepItemKind, (int Total, int Done)> ByKind);

public sealed record SweepItemRow(long Id, SweepItemKind Kind, string Detail, decimal? Amount, long? MutationId, DateTime? TransactionTime, bool HasTimeOfDay,
    string? AccountLabel, string? Description, string? Counterparty, Direction? Direction, string? OrderReference, bool HasNote,
    DateTime? CheckedAt, string? CheckedBy, string? CheckNote, string? TaskAssignee, DateTime? TaskDueAt, CsTaskStatus? TaskStatus)
{
    /// <summary>A step-2 credit is done once it carries an order reference or a note, whoever added it.</summary>
    public bool IsDone => CheckedAt is not null || (Kind == SweepItemKind.CreditWithoutReference && (HasNote || !string.IsNullOrWhiteSpace(OrderReference)));
}

public sealed record CsUser(string Id, string Name);

/// <summary>A day's summary as automation reads it: the five lines, the window they cover, and the sign-off if there was one.</summary>
public sealed record SweepSummary(DateOnly Day, OwnerSummary Summary, DateTime WindowStartUtc, DateTime WindowEndUtc, DateTime PreparedAt,
    DateTime? SignedOffAt, string? SignedOffBy);

/// <summary>Reads for the sweep page: list, one sweep with per-step progress, and pages of checklist items.</summary>
public sealed class SweepQuery(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public async Task<IReadOnlyList<SweepListRow>> ListAsync(int take = 60, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Sweeps.AsNoTracking().OrderByDescending(s => s.BusinessDate).Take(take)
            .Select(s => new SweepListRow(s.Id, s.BusinessDate, s.PreparedAt, s.Trigger, s.SignedOffAt, s.SignedOffBy, s.Income)).ToListAsync(ct);
    }

    /// <summary>The day's summary, or null when no sweep was prepared for <paramref name="day"/>.</summary>
    public async Task<SweepSummary?> SummaryAsync(DateOnly day, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Sweeps.AsNoTracking().Where(s => s.BusinessDate == day)
            .Select(s => new SweepSummary(s.BusinessDate, s.Summary, s.WindowStartUtc, s.WindowEndUtc, s.PreparedAt, s.SignedOffAt, s.SignedOffBy))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<SweepView?> LoadAsync(DateOnly day, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await db.Sweeps.AsNoTracking().FirstOrDefaultAsync(x => x.BusinessDate == day, ct);
        if (s is null) return null;
        var header = new SweepHeader(s.Id, s.BusinessDate, s.WindowStartUtc, s.WindowEndUtc, s.PreparedAt, s.PreparedBy, s.Trigger, s.AccountsReviewedAt,
            s.AccountsReviewedBy, s.SignedOffAt, s.SignedOffBy, s.Summary);

        var counts = await db.SweepItems.AsNoTracking().Where(i => i.SweepId == s.Id)
            .GroupBy(i => i.Kind)
            .Select(g => new { Kind = g.Key, Total = g.Count(), Checked = g.Count(i => i.CheckedAt != null) })
            .ToListAsync(ct);
        // Step 2 counts live: a credit placed from the Mutasi page (or by CS) is done without a second click here.
        var creditsDone = await (from i in db.SweepItems
                                 join m in db.Mutations on i.MutationId equals m.Id
                                 where i.SweepId == s.Id && i.Kind == SweepItemKind.CreditWithoutReference
                                       && (i.CheckedAt != null || m.HasNote || m.OrderReference != null)
                                 select i.Id).CountAsync(ct);
        var byKind = counts.ToDictionary(c => c.Kind, c => (c.Total, c.Kind == SweepItemKind.CreditWithoutReference ? creditsDone : c.Checked));

        (int, int) Sum(int step) => (byKind.Where(k => SweepAnalysis.StepOf(k.Key) == step).Sum(k => k.Value.Total),
                                     byKind.Where(k => SweepAnalysis.StepOf(k.Key) == step).Sum(k => k.Value.Item2));
        var (t2, d2) = Sum(2);
        var (t3, d3) = Sum(3);
        var (t4, d4) = Sum(4);
        var steps = new List<StepProgress>
        {
            new(1, 1, s.AccountsReviewedAt is null ? 0 : 1),
            new(2, t2, d2),
            new(3, t3, d3),
            new(4, t4, d4),
            new(5, 1, s.SignedOffAt is null ? 0 : 1),
        };
        return new SweepView(s.IsDemo, header, await AccountFiguresAsync(db, s, ct), steps, byKind);
    }

    /// <summary>
    /// Step 1 as computed at preparation, so a signed-off sweep stays as signed. Sweeps prepared before the figures
    /// were kept are computed again by the same rule, from what was stored before their cut-off.
    /// </summary>
    private async Task<IReadOnlyList<AccountDayFigures>> AccountFiguresAsync(MootaDeskDbContext db, DailySweep s, CancellationToken ct)
    {
        if (s.AccountFigures is { } json) return AccountFiguresJson.Read(json);
        var data = await SweepDataLoader.LoadDayAsync(db, s.BusinessDate, new SweepWindow(s.WindowStartUtc, s.WindowEndUtc), clock, ct);
        return SweepAnalysis.AccountFigures(data.Mutations, data.Accounts);
    }

    public async Task<(IReadOnlyList<SweepItemRow> Rows, int Count)> ItemsAsync(int sweepId, IReadOnlyCollection<SweepItemKind> kinds, bool onlyOpen,
        int skip, int take, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var kindList = kinds.ToList();
        var q = from i in db.SweepItems.AsNoTracking()
                where i.SweepId == sweepId && kindList.Contains(i.Kind)
                join m0 in db.Mutations on i.MutationId equals m0.Id into mj
                from m in mj.DefaultIfEmpty()
                join a0 in db.Accounts on i.AccountId equals a0.Id into aj
                from a in aj.DefaultIfEmpty()
                select new { i, m, a };
        if (onlyOpen)
            q = q.Where(x => x.i.CheckedAt == null && !(x.i.Kind == SweepItemKind.CreditWithoutReference && x.m != null && (x.m.HasNote || x.m.OrderReference != null)));
        var count = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.i.Kind).ThenBy(x => x.m == null ? (DateTime?)null : x.m.TransactionTime).ThenBy(x => x.i.Id).Skip(skip).Take(take)
            .Select(x => new SweepItemRow(x.i.Id, x.i.Kind, x.i.Detail, x.i.Amount, x.i.MutationId,
                x.m == null ? null : x.m.TransactionTime, x.m != null && x.m.HasTimeOfDay,
                x.a == null ? null : (x.a.Label == "" ? x.a.BankCode + " " + x.a.AccountNumber : x.a.Label),
                x.m == null ? null : x.m.Description, x.m == null ? null : x.m.Counterparty, x.m == null ? null : x.m.Direction,
                x.m == null ? null : x.m.OrderReference, x.m != null && x.m.HasNote,
                x.i.CheckedAt, x.i.CheckedBy, x.i.CheckNote,
                db.CsTasks.Where(t => t.MutationId == x.i.MutationId && t.SweepId == sweepId).OrderByDescending(t => t.Id).Select(t => t.AssigneeName).FirstOrDefault(),
                db.CsTasks.Where(t => t.MutationId == x.i.MutationId && t.SweepId == sweepId).OrderByDescending(t => t.Id).Select(t => (DateTime?)t.DueAt).FirstOrDefault(),
                db.CsTasks.Where(t => t.MutationId == x.i.MutationId && t.SweepId == sweepId).OrderByDescending(t => t.Id).Select(t => (CsTaskStatus?)t.Status).FirstOrDefault()))
            .ToListAsync(ct);
        return (rows, count);
    }

    /// <summary>Active CS users, for assigning credits.</summary>
    public async Task<IReadOnlyList<CsUser>> CsUsersAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == Roles.CS && !u.IsDisabled
                      orderby u.DisplayName
                      select new CsUser(u.Id, u.DisplayName == "" ? u.UserName! : u.DisplayName)).Distinct().ToListAsync(ct);
    }
}
