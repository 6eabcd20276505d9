using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Platform.Notifications;

/// <summary>
/// A debit of at least the Owner's "important debit" threshold (<see cref="BusinessSettings.ImportantDebitThresholdAsync"/>,
/// the rule the sweep flags important debits by) puts a notice in the bell of every role that may see debits (the permission
/// matrix's <see cref="Actions.ReadDebitsAndBalances"/>: never CS), from any channel, as soon as it is stored. One notice per
/// role per mutation: the notice links to the mutation, and a mutation that already has its notices (steps re-run, a repeat
/// delivery) gets none again. Sandbox debits are announced too, marked Demo, so the simulator shows the rule at work. Only
/// debits of the last <see cref="RecentWindow"/> ring: a statement imported for last year is history, not news.
/// </summary>
public sealed class ImportantDebitAlerts(IDbContextFactory<MootaDeskDbContext> factory, BusinessSettings settings, BusinessClock clock) : IPostIngestStep
{
    /// <summary>After tagging (100) and order matching (200): the notice is about money already stored, nothing waits for it.</summary>
    public int Order => 300;

    /// <summary>
    /// How old a debit may be and still be news: a weekend's debits read on Monday morning still ring; a statement of months
    /// ago does not flood the bell (its important debits are in the sweeps of their days).
    /// </summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(3);

    /// <summary>The roles that hear of an important debit: exactly those the matrix lets see debits.</summary>
    public static IReadOnlyList<string> Audience { get; } =
        Roles.All.Where(r => PermissionMatrix.Allows(Actions.ReadDebitsAndBalances, [r])).ToList();

    public async Task RunAsync(IReadOnlyList<long> newMutationIds, Actor actor, CancellationToken ct)
    {
        if (newMutationIds.Count == 0) return;
        var threshold = await settings.ImportantDebitThresholdAsync(ct);
        var since = clock.UtcNow - RecentWindow;
        await using var db = await factory.CreateDbContextAsync(ct);
        var debits = new List<(long Id, int AccountId, DateTime At, decimal Amount, string Description, string? Counterparty, bool IsSandbox, string Account)>();
        foreach (var chunk in newMutationIds.Chunk(500))
        {
            var rows = await db.Mutations.AsNoTracking()
                .Where(m => chunk.Contains(m.Id) && m.Direction == Direction.Debit && m.Amount >= threshold && m.TransactionTime >= since)
                .Select(m => new { m.Id, m.AccountId, m.TransactionTime, m.Amount, m.Description, m.Counterparty, m.IsSandbox, m.Account!.Label, m.Account.BankCode, m.Account.AccountNumber })
                .ToListAsync(ct);
            debits.AddRange(rows.Select(r => (r.Id, r.AccountId, r.TransactionTime, r.Amount, r.Description, r.Counterparty, r.IsSandbox,
                string.IsNullOrWhiteSpace(r.Label) ? AccountMask.Describe(r.BankCode, r.AccountNumber) : r.Label)));
        }
        if (debits.Count == 0) return;

        await using var tx = await db.BeginWriteAsync(ct);
        var links = debits.ToDictionary(d => d.Id, d => MutationLink.To(d.Id, d.AccountId, DateOnly.FromDateTime(clock.ToLocal(d.At)), d.Amount, d.IsSandbox));
        var wanted = links.Values.ToList();
        var announced = (await db.Notifications.AsNoTracking().Where(n => n.Link != null && wanted.Contains(n.Link)).Select(n => n.Link!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var now = clock.UtcNow;
        foreach (var d in debits.Where(d => !announced.Contains(links[d.Id])))
        {
            var text = Text(d.Amount, d.Account, d.Counterparty ?? d.Description, d.IsSandbox, clock.FormatDateTime(d.At));
            foreach (var role in Audience)
                db.Notifications.Add(new Notification { Role = role, CreatedAt = now, Link = links[d.Id], Text = text });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// "Debit penting Rp 7.500.000 dari BCA Operasional, 21 Nov 2026 14.05 WIB: PT SUMBER KAIN". Stored in Indonesian like the
    /// other notices (ingest has no UI culture), at most 500 characters.
    /// </summary>
    public static string Text(decimal amount, string account, string what, bool isSandbox, string when)
    {
        var text = $"{(isSandbox ? "[Demo] " : "")}Debit penting {Money.Format(amount)} dari {account}, {when}: {what.Trim()}";
        return text.Length <= 500 ? text : text[..499] + "…";
    }
}
