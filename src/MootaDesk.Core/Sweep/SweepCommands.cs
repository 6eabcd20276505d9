using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

public sealed record SignOffResult(string Text, string WhatsAppLink, EmailOutcome Email, DateTime SignedOffAt, string SignedOffBy);

/// <summary>
/// Everything Finance changes on a sweep. Each command checks the caller's role itself (the page hiding a
/// button is not a control), refuses to touch a signed-off sweep, and leaves an audit row.
/// </summary>
public sealed class SweepCommands(
    IDbContextFactory<MootaDeskDbContext> factory,
    BusinessClock clock,
    BusinessSettings settings,
    IOptionsMonitor<SweepOptions> options,
    ISummaryEmailSender email)
{
    public const string OwnerWhatsAppKey = "sweep.owner-whatsapp";

    public async Task MarkAccountsReviewedAsync(int sweepId, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        Require(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await OpenSweepAsync(db, sweepId, ct);
        s.AccountsReviewedAt = clock.UtcNow;
        s.AccountsReviewedBy = actor.Name;
        db.Record(actor, "sweep.accounts-reviewed", "Sweep", s.BusinessDate.ToString("yyyy-MM-dd"), null, null, clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Confirms (or, with <paramref name="check"/> false, reopens) checklist items.</summary>
    public async Task<int> CheckItemsAsync(int sweepId, IReadOnlyCollection<long> itemIds, bool check, string? note, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        Require(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await OpenSweepAsync(db, sweepId, ct);
        var ids = itemIds.ToList();
        var items = await db.SweepItems.Where(i => i.SweepId == s.Id && ids.Contains(i.Id)).ToListAsync(ct);
        var now = clock.UtcNow;
        foreach (var i in items)
        {
            var before = new { i.CheckedBy, i.CheckedAt, i.CheckNote };
            i.CheckedAt = check ? now : null;
            i.CheckedBy = check ? actor.Name : null;
            i.CheckNote = check ? OwnerSummary.OneLine(note, 1000) : null;
            db.Record(actor, check ? "sweep.item-check" : "sweep.item-reopen", "SweepItem", i.Id, before, new { i.Kind, i.MutationId, i.CheckNote }, now);
        }
        await db.SaveChangesAsync(ct);
        return items.Count;
    }

    /// <summary>Confirms every open item of the given kinds, e.g. all untagged debits after reading them through.</summary>
    public async Task<int> CheckAllOpenAsync(int sweepId, IReadOnlyCollection<SweepItemKind> kinds, string? note, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        List<long> ids;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var k = kinds.ToList();
            ids = await db.SweepItems.Where(i => i.SweepId == sweepId && k.Contains(i.Kind) && i.CheckedAt == null).Select(i => i.Id).ToListAsync(ct);
        }
        return ids.Count == 0 ? 0 : await CheckItemsAsync(sweepId, ids, true, note, viewer, actor, ct);
    }

    /// <summary>Hands step-2 credits to a CS agent with a due time; an open task for the same credit is reassigned, not duplicated.</summary>
    public async Task<int> AssignAsync(int sweepId, IReadOnlyCollection<long> itemIds, string assigneeId, DateTime dueAtUtc, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        Require(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await OpenSweepAsync(db, sweepId, ct);
        var assignee = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where u.Id == assigneeId && r.Name == Roles.CS && !u.IsDisabled
                              select u).FirstOrDefaultAsync(ct)
                       ?? throw new SweepRefusedException("assignee", "Pilih petugas CS yang aktif.");
        if (dueAtUtc <= clock.UtcNow)
            throw new SweepRefusedException("due", "Batas waktu harus di masa depan.");
        var ids = itemIds.ToList();
        var mutationIds = await db.SweepItems.Where(i => i.SweepId == s.Id && ids.Contains(i.Id) && i.Kind == SweepItemKind.CreditWithoutReference && i.MutationId != null)
            .Select(i => i.MutationId!.Value).ToListAsync(ct);
        var open = await db.CsTasks.Where(t => t.SweepId == s.Id && mutationIds.Contains(t.MutationId) && t.Status == CsTaskStatus.Open).ToListAsync(ct);
        var now = clock.UtcNow;
        var name = assignee.DisplayName == "" ? assignee.UserName! : assignee.DisplayName;
        foreach (var mid in mutationIds)
        {
            var task = open.FirstOrDefault(t => t.MutationId == mid);
            if (task is null)
                db.CsTasks.Add(task = new CsTask { SweepId = s.Id, MutationId = mid, AssigneeId = assignee.Id, CreatedAt = now, CreatedBy = actor.Name });
            task.AssigneeId = assignee.Id;
            task.AssigneeName = name;
            task.DueAt = dueAtUtc;
            db.Record(actor, "cstask.assign", "Mutation", mid, null, new { assignee = name, dueAtUtc }, now);
        }
        if (mutationIds.Count > 0)
            db.Notifications.Add(new Notification
            {
                UserId = assignee.Id,
                Text = $"{mutationIds.Count} kredit perlu ditautkan ke pesanan atau diberi catatan, paling lambat {clock.FormatDateTime(dueAtUtc, System.Globalization.CultureInfo.GetCultureInfo("id-ID"))}.",
                Link = NotificationLinks.CsTasks,
                CreatedAt = now,
            });
        await db.SaveChangesAsync(ct);
        return mutationIds.Count;
    }

    public async Task SaveSummaryAsync(int sweepId, OwnerSummary summary, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        Require(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await OpenSweepAsync(db, sweepId, ct);
        var before = s.Summary.Lines;
        s.Summary = summary.ForStorage();
        db.Record(actor, "sweep.summary-edit", "Sweep", s.BusinessDate.ToString("yyyy-MM-dd"), before, s.Summary.Lines, clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// "Kirim": freezes the five lines, records who signed off and when, snapshots reconciliation accuracy,
    /// then emails the summary when SMTP is configured. Copying and WhatsApp happen in the browser.
    /// </summary>
    public async Task<SignOffResult> SignOffAsync(int sweepId, OwnerSummary summary, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        if (!viewer.Can(Actions.SignOffSweep))
            throw new SweepRefusedException("forbidden", "Hanya Finance atau Owner yang boleh menandatangani sweep.");
        var lines = summary.Normalized();
        if (lines.Lines.Any(string.IsNullOrWhiteSpace))
            throw new SweepRefusedException("empty-line", "Kelima baris ringkasan harus terisi.");

        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await OpenSweepAsync(db, sweepId, ct);
        var now = clock.UtcNow;
        var (day, end) = (s.BusinessDate, s.WindowEndUtc);
        var demoOnly = await OnlyDemoData.InAsync(db, ct);
        // The day's own credits, as the sweep counted them (bank date, stored before the cut-off).
        var credits = db.Mutations.Where(m => m.Direction == Direction.Credit && (demoOnly || !m.IsSandbox) && m.BankDate == day && m.ReadTime < end);
        s.CreditsAtSignOff = await credits.CountAsync(ct);
        s.CreditsReconciledAtSignOff = await credits.CountAsync(m => m.Status == ReconciliationStatus.Matched || m.HasNote || m.OrderReference != null, ct);
        s.Summary = lines.ForStorage();
        s.SignedOffAt = now;
        s.SignedOffBy = actor.Name;
        s.SignedOffById = actor.UserId;
        db.Record(actor, "sweep.signoff", "Sweep", s.BusinessDate.ToString("yyyy-MM-dd"), null,
            new { lines = lines.Lines, s.CreditsAtSignOff, s.CreditsReconciledAtSignOff }, now);
        await db.SaveChangesAsync(ct);

        var business = await settings.BusinessNameAsync(ct);
        var text = lines.ToMessage(business, s.BusinessDate);
        var mail = await email.SendAsync($"{business}: ringkasan {BusinessClock.FormatDay(s.BusinessDate, System.Globalization.CultureInfo.GetCultureInfo("id-ID"))}", text, ct);
        return new SignOffResult(text, await WhatsAppLinkAsync(text, ct), mail, now, actor.Name);
    }

    public async Task<string?> OwnerWhatsAppAsync(CancellationToken ct = default) =>
        await settings.GetAsync(OwnerWhatsAppKey, ct) ?? options.CurrentValue.OwnerWhatsApp;

    public async Task SetOwnerWhatsAppAsync(string number, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        Require(viewer);
        if (!WhatsAppNumber.TryNormalize(number, out var normalized))
            throw new SweepRefusedException("phone", "Nomor WhatsApp tidak valid. Contoh: 0812 3456 7890 atau 62812…");
        await settings.SetAsync(OwnerWhatsAppKey, normalized, actor, ct);
    }

    /// <summary>The owner's message for a day: which shop and which day first, then the five lines.</summary>
    public async Task<string> OwnerMessageAsync(DateOnly day, OwnerSummary summary, CancellationToken ct = default) =>
        summary.ToMessage(await settings.BusinessNameAsync(ct), day);

    /// <summary>The owner's chat with <paramref name="text"/> filled in; a number stored by an older version is read by the same rule.</summary>
    public async Task<string> WhatsAppLinkAsync(string text, CancellationToken ct = default) =>
        WhatsAppNumber.Link(await OwnerWhatsAppAsync(ct), text);

    private static void Require(Viewer viewer)
    {
        if (!viewer.Can(Actions.WorkSweep))
            throw new SweepRefusedException("forbidden", "Hanya Finance atau Owner yang boleh mengubah sweep.");
    }

    private static async Task<DailySweep> OpenSweepAsync(MootaDeskDbContext db, int id, CancellationToken ct)
    {
        var s = await db.Sweeps.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new SweepRefusedException("missing", "Sweep tidak ditemukan.");
        if (s.IsSignedOff)
            throw new SweepRefusedException("signed-off", "Sweep ini sudah ditandatangani dan hanya bisa dibaca.");
        return s;
    }
}
