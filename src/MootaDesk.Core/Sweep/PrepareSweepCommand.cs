using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

public sealed record PrepareSweepResult(int SweepId, DateOnly Day, bool Created, bool SignedOff);

/// <summary>Refusals a person can act on; the message is in Indonesian, the code lets the UI translate.</summary>
public sealed class SweepRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// Prepares (or, before sign-off, refreshes) a day's sweep: loads the window, runs the analysis, stores the
/// checklist and the draft summary, and tells Finance. One row per business day, enforced by a unique index.
/// </summary>
public sealed class PrepareSweepCommand(
    IDbContextFactory<MootaDeskDbContext> factory,
    IDbContextFactory<InboxDbContext> inboxFactory,
    BusinessClock clock,
    IOptionsMonitor<SweepOptions> options,
    BusinessSettings settings,
    ILogger<PrepareSweepCommand> logger)
{
    /// <param name="viewer">The person or key asking, checked against the matrix (Sweep rule: Owner, Finance); null for the scheduler.</param>
    public async Task<PrepareSweepResult> PrepareAsync(DateOnly day, SweepTrigger trigger, Actor actor, bool refresh = false, CancellationToken ct = default,
        Viewer? viewer = null)
    {
        if (viewer is not null && !viewer.Can(Actions.PrepareSweep))
            throw new SweepRefusedException("forbidden", "Hanya Finance atau Owner yang boleh menyiapkan sweep.");
        if (day > clock.Today)
            throw new SweepRefusedException("future", "Sweep untuk hari yang belum tiba tidak bisa disiapkan.");

        await using var db = await factory.CreateDbContextAsync(ct);
        var existing = await db.Sweeps.FirstOrDefaultAsync(s => s.BusinessDate == day, ct);
        if (existing is not null && (!refresh || existing.IsSignedOff))
            return new PrepareSweepResult(existing.Id, day, false, existing.IsSignedOff);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var now = clock.UtcNow;
        // "Since the last sweep": the cut-off of the latest sweep of an earlier day, whether signed off or not.
        var previousEnd = await db.Sweeps.AsNoTracking().Where(s => s.BusinessDate < day)
            .OrderByDescending(s => s.BusinessDate).Select(s => (DateTime?)s.WindowEndUtc).FirstOrDefaultAsync(ct);
        var window = SweepWindow.Compute(day, previousEnd, now, clock);
        var opts = options.CurrentValue;
        SweepInput input;
        await using (var inbox = await inboxFactory.CreateDbContextAsync(ct))
            input = await SweepDataLoader.LoadAsync(db, inbox, day, window, clock, await settings.ImportantDebitThresholdAsync(ct), opts.Thresholds(), ct);
        var loadMs = stopwatch.ElapsedMilliseconds;
        var result = SweepAnalysis.Analyse(input, clock, opts.Calendar());
        var analyseMs = stopwatch.ElapsedMilliseconds - loadMs;

        var sweep = existing ?? new DailySweep { BusinessDate = day };
        sweep.WindowStartUtc = window.StartUtc;
        sweep.WindowEndUtc = window.EndUtc;
        sweep.PreparedAt = now;
        sweep.PreparedBy = actor.Name;
        sweep.Trigger = trigger;
        sweep.Income = result.Income;
        sweep.Summary = result.Summary;
        sweep.AccountFigures = AccountFiguresJson.Write(result.Accounts);
        sweep.IsDemo = input.IsDemo;
        var findings = Distinct(result.Findings);

        await using var tx = await db.BeginWriteAsync(ct);
        if (existing is null)
        {
            db.Sweeps.Add(sweep);
            db.Notifications.Add(new Notification
            {
                Role = Roles.Finance,
                Text = $"Sweep {BusinessClock.FormatDay(day, System.Globalization.CultureInfo.GetCultureInfo("id-ID"))} siap: {findings.Count} hal untuk diperiksa.",
                Link = NotificationLinks.Sweep(day),
                CreatedAt = now,
            });
        }
        db.Record(actor, existing is null ? "sweep.prepare" : "sweep.refresh", "Sweep", day.ToString("yyyy-MM-dd"), null,
            new { trigger = trigger.ToString(), window.StartUtc, window.EndUtc, items = findings.Count, result.Income, lateCredits = input.EarlierDayCredits.Count }, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // Another instance (or a second click) prepared the same day first; theirs stands.
            await tx.RollbackAsync(ct);
            await using var again = await factory.CreateDbContextAsync(ct);
            var winner = await again.Sweeps.AsNoTracking().FirstAsync(s => s.BusinessDate == day, ct);
            return new PrepareSweepResult(winner.Id, day, false, winner.IsSignedOff);
        }

        // On refresh, what someone already checked keeps its check (and its line); everything else is rebuilt.
        var kept = new HashSet<ItemKey>();
        if (existing is not null)
        {
            await db.SweepItems.Where(i => i.SweepId == sweep.Id && i.CheckedAt == null).ExecuteDeleteAsync(ct);
            kept = (await db.SweepItems.AsNoTracking().Where(i => i.SweepId == sweep.Id)
                .Select(i => new { i.Kind, i.MutationId, i.AccountId, i.WebhookDeliveryId }).ToListAsync(ct))
                .Select(i => new ItemKey(i.Kind, i.MutationId, i.AccountId, i.WebhookDeliveryId)).ToHashSet();
        }
        await SweepItemWriter.InsertAsync(db, sweep.Id, findings.Where(f => !kept.Contains(KeyOf(f))), ct);
        await tx.CommitAsync(ct);

        logger.LogInformation("Sweep {Day} {Action} by {Actor} ({Trigger}): {Mutations} mutations, {Items} items in {Ms} ms (load {Load} ms, analyse {Analyse} ms, write {Write} ms)",
            day, existing is null ? "prepared" : "refreshed", actor.Name, trigger, input.Mutations.Count, findings.Count, stopwatch.ElapsedMilliseconds,
            loadMs, analyseMs, stopwatch.ElapsedMilliseconds - loadMs - analyseMs);
        return new PrepareSweepResult(sweep.Id, day, existing is null, false);
    }

    private readonly record struct ItemKey(SweepItemKind Kind, long? MutationId, int? AccountId, long? WebhookDeliveryId);

    private static ItemKey KeyOf(SweepFinding f) => new(f.Kind, f.MutationId, f.AccountId, f.WebhookDeliveryId);

    /// <summary>One checklist line per (kind, mutation, account, delivery): a detector never lists the same thing twice.</summary>
    private static List<SweepFinding> Distinct(IReadOnlyList<SweepFinding> findings)
    {
        var seen = new HashSet<ItemKey>();
        return findings.Where(f => seen.Add(KeyOf(f))).ToList();
    }
}
