using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

public sealed record CsTaskRow(long Id, long MutationId, DateTime TransactionTime, bool HasTimeOfDay, string AccountLabel, string Description, string? Counterparty,
    decimal Amount, DateTime DueAt, CsTaskStatus Status, string AssigneeName, DateTime? DoneAt, string? Resolution, string? OrderReference);

/// <summary>"Tugas saya": a CS agent's credits to place, and completing them (order reference or note).</summary>
public sealed class CsTaskCommands(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    /// <summary>Open tasks first (soonest due), then the last week's done ones. Finance and the Owner see everyone's.</summary>
    public async Task<IReadOnlyList<CsTaskRow>> ListAsync(Viewer viewer, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var since = clock.UtcNow.AddDays(-7);
        var seeAll = viewer.Can(Actions.WorkSweep);
        var q = db.CsTasks.AsNoTracking().Where(t => seeAll || t.AssigneeId == viewer.UserId)
            .Where(t => t.Status == CsTaskStatus.Open || t.DoneAt >= since);
        // Tasks are credits only, so CS sees nothing their data scope forbids; the join re-applies it anyway.
        return await (from t in q
                      join m in db.Mutations.VisibleTo(viewer) on t.MutationId equals m.Id
                      orderby t.Status, t.DueAt
                      select new CsTaskRow(t.Id, m.Id, m.TransactionTime, m.HasTimeOfDay, m.Account!.Label == "" ? m.Account.BankCode + " " + m.Account.AccountNumber : m.Account.Label,
                          m.Description, m.Counterparty, m.Amount, t.DueAt, t.Status, t.AssigneeName, t.DoneAt, t.Resolution, m.OrderReference))
            .Take(500).ToListAsync(ct);
    }

    public async Task<int> OpenCountAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.UserId is null) return 0;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.CsTasks.CountAsync(t => t.AssigneeId == viewer.UserId && t.Status == CsTaskStatus.Open, ct);
    }

    /// <summary>Links the credit to an order reference and/or writes a note, marks the task done and ticks the sweep's step-2 line.</summary>
    public async Task CompleteAsync(long taskId, string? orderReference, string? note, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        var reference = orderReference?.Trim();
        var text = note?.Trim();
        if (string.IsNullOrEmpty(reference) && string.IsNullOrEmpty(text))
            throw new SweepRefusedException("empty", "Isi nomor pesanan atau tulis catatan.");
        if (reference is { Length: > 64 }) throw new SweepRefusedException("reference", "Nomor pesanan terlalu panjang (maks. 64 karakter).");
        if (text is { Length: > 2000 }) throw new SweepRefusedException("note", "Catatan terlalu panjang (maks. 2000 karakter).");

        await using var db = await factory.CreateDbContextAsync(ct);
        var task = await db.CsTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new SweepRefusedException("missing", "Tugas tidak ditemukan.");
        if (!viewer.Can(Actions.WorkCsTasks) || task.AssigneeId != viewer.UserId && !viewer.Can(Actions.WorkSweep))
            throw new SweepRefusedException("forbidden", "Tugas ini milik petugas lain.");
        if (task.Status == CsTaskStatus.Done)
            throw new SweepRefusedException("done", "Tugas ini sudah selesai.");
        var m = await db.Mutations.FirstAsync(x => x.Id == task.MutationId, ct);
        if (!string.IsNullOrEmpty(reference))
            reference = await KnownOrderReferenceAsync(db, reference, m.IsSandbox, ct);
        var now = clock.UtcNow;
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(reference))
        {
            db.Record(actor, "mutation.order-reference", "Mutation", m.Id, new { m.OrderReference }, new { OrderReference = reference }, now);
            m.OrderReference = reference;
            parts.Add("Pesanan " + reference);
        }
        if (!string.IsNullOrEmpty(text))
        {
            var n = new MutationNote { MutationId = m.Id, Text = text, Author = actor.Name, CreatedAt = now };
            db.MutationNotes.Add(n);
            m.HasNote = true;
            db.Record(actor, "note.add", "Mutation", m.Id, null, new { text }, now);
            parts.Add(text);
        }
        task.Status = CsTaskStatus.Done;
        task.DoneAt = now;
        task.DoneBy = actor.Name;
        task.Resolution = string.Join(" · ", parts);
        if (task.Resolution.Length > 2000) task.Resolution = task.Resolution[..2000];
        db.Record(actor, "cstask.done", "CsTask", task.Id, null, new { task.Resolution }, now);

        var item = await db.SweepItems.Where(i => i.SweepId == task.SweepId && i.MutationId == m.Id && i.Kind == SweepItemKind.CreditWithoutReference)
            .Join(db.Sweeps.Where(s => s.SignedOffAt == null), i => i.SweepId, s => s.Id, (i, s) => i).FirstOrDefaultAsync(ct);
        if (item is not null && item.CheckedAt is null)
        {
            item.CheckedAt = now;
            item.CheckedBy = actor.Name;
            item.CheckNote = task.Resolution.Length > 1000 ? task.Resolution[..1000] : task.Resolution;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The order's reference as stored (case as the order has it) when the business keeps its orders in MootaDesk;
    /// a number that names no order is refused, so a typo never lands on a credit as if it were paid. A business
    /// with no orders here (orders kept elsewhere) may write its own numbers.
    /// </summary>
    private static async Task<string> KnownOrderReferenceAsync(MootaDeskDbContext db, string reference, bool sandbox, CancellationToken ct)
    {
        var orders = db.Orders.AsNoTracking().Where(o => o.IsSandbox == sandbox);
        if (!await orders.AnyAsync(ct)) return reference;
        var upper = reference.ToUpperInvariant();
        return await orders.Where(o => o.Reference == reference || o.Reference.ToUpper() == upper).Select(o => o.Reference).FirstOrDefaultAsync(ct)
            ?? throw new SweepRefusedException("unknown-order",
                $"Pesanan \"{reference}\" tidak ditemukan. Periksa nomornya, atau tulis catatan bila pesanan tidak tercatat di MootaDesk.");
    }
}
