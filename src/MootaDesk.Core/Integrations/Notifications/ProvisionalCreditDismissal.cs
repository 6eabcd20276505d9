using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>
/// Dismisses a provisional credit (read from a phone notification) that the bank will never confirm: a parser's mistake, a
/// transfer reversed before it settled. The row is kept with who, when and why (<see cref="Mutation.DismissedAt"/>) but stops
/// counting anywhere: the sweep no longer lists it as unconfirmed, CS no longer finds it, a bank mutation no longer attaches to
/// it, and an order it made "kemungkinan dibayar" is open again. Restoring undoes that and lets order matching look again.
/// Both are audited (<c>mutation.dismiss</c>, <c>mutation.restore</c>). Refusals are IntegrationsText keys (<c>Dismiss.Refused.*</c>).
/// </summary>
public sealed class ProvisionalCreditDismissal(IDbContextFactory<MootaDeskDbContext> factory, OrderMatchingStep orders, BusinessClock clock)
{
    public const int MinReason = 3;
    public const int MaxReason = 500;

    public static bool CanDismiss(Viewer viewer) => viewer.Can(Actions.DismissProvisionalCredit);

    /// <summary>Dismisses provisional row <paramref name="mutationId"/> with the person's <paramref name="reason"/>; null when done, else a refusal key.</summary>
    public async Task<string?> DismissAsync(long mutationId, string? reason, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        if (!CanDismiss(viewer)) return "Dismiss.Refused.NotAllowed";
        var why = reason?.Trim() ?? "";
        if (why.Length is < MinReason or > MaxReason) return "Dismiss.Refused.Reason";

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var m = await db.Mutations.FirstOrDefaultAsync(x => x.Id == mutationId, ct);
        if (m is null || m.Source != MutationSource.Notification) return "Dismiss.Refused.NotFound";
        // Confirmed by the bank meanwhile: it is real money now and stays.
        if (!m.IsProvisional) return "Dismiss.Refused.Confirmed";
        if (m.DismissedAt is not null) return "Dismiss.Refused.Already";

        var now = clock.UtcNow;
        m.DismissedAt = now;
        m.DismissedBy = actor.Name;
        m.DismissReason = why;
        var likely = await db.Orders.Where(o => o.LikelyPaidByMutationId == mutationId).ToListAsync(ct);
        foreach (var o in likely)
        {
            o.LikelyPaidByMutationId = null;
            o.Version++;
            db.Record(actor, "order.likely-paid.cleared", "Order", o.Id, new { mutationId }, null, now);
        }
        db.Record(actor, "mutation.dismiss", "Mutation", m.Id, new { provisional = true },
            new { dismissed = true, reason = why, m.Amount, orders = likely.Select(o => o.Reference).ToList() }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Restores a dismissed provisional row: it waits for the bank again and may mark its order "kemungkinan dibayar" again.</summary>
    public async Task<string?> RestoreAsync(long mutationId, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        if (!CanDismiss(viewer)) return "Dismiss.Refused.NotAllowed";
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.BeginWriteAsync(ct);
            var m = await db.Mutations.FirstOrDefaultAsync(x => x.Id == mutationId, ct);
            if (m is null || m.Source != MutationSource.Notification) return "Dismiss.Refused.NotFound";
            if (m.DismissedAt is null) return "Dismiss.Refused.NotDismissed";
            var before = new { dismissedAt = m.DismissedAt, dismissedBy = m.DismissedBy, reason = m.DismissReason };
            m.DismissedAt = null;
            m.DismissedBy = null;
            m.DismissReason = null;
            db.Record(actor, "mutation.restore", "Mutation", m.Id, before, new { dismissed = false }, clock.UtcNow);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await orders.MatchOneAsync(mutationId, actor, ct);
        return null;
    }
}
