using System.Text;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

/// <summary>Why a credit and an order might belong together. Only <see cref="Exact"/> is ever matched automatically, and only when it is the only one.</summary>
public enum CandidateKind { Exact = 0, Late = 1, NearAmount = 2, SameName = 3 }

public sealed record CreditCandidate(long MutationId, DateTime TransactionTime, bool HasTimeOfDay, decimal Amount, string Description, string? Counterparty,
    ReconciliationStatus Status, string AccountLabel, CandidateKind Kind);

public sealed record OrderCandidate(int OrderId, string Reference, string CustomerName, decimal PayableAmount, DateTime CreatedAt, DateTime ExpiresAt,
    OrderStatus Status, bool NeedsAttention, CandidateKind Kind);

/// <summary>
/// Candidates for a person to choose from, from either side: credits that might pay an order, orders a credit
/// might pay. Computed on read, so they always reflect what is still unmatched.
/// </summary>
public sealed class OrderCandidates(IDbContextFactory<MootaDeskDbContext> factory, OrderOptions options, BusinessClock clock)
{
    private const int Limit = 50;

    /// <summary>
    /// The UTC span a credit's transaction time stands for: the instant itself, or the whole business day when
    /// the bank gave only the date (Moota's 00:00:00), so a date-only credit still fits an order made that day.
    /// </summary>
    public static (DateTime From, DateTime To) PaymentWindow(DateTime transactionTime, bool hasTimeOfDay, BusinessClock clock)
    {
        if (hasTimeOfDay) return (transactionTime, transactionTime);
        var (start, end) = clock.DayRangeUtc(DateOnly.FromDateTime(clock.ToLocal(transactionTime)));
        return (start, end.AddTicks(-1));
    }

    public async Task<IReadOnlyList<CreditCandidate>> ForOrderAsync(int orderId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var o = await db.Orders.AsNoTracking().FirstOrDefaultAsync(x => x.Id == orderId, ct);
        if (o is null || o.Status is OrderStatus.Paid or OrderStatus.Cancelled) return [];

        var late = TimeSpan.FromDays(options.LatePaymentDays);
        var from = o.CreatedAt.AddDays(-1);
        var to = o.ExpiresAt + late;
        var low = o.PayableAmount - options.SuggestionTolerance;
        var high = o.PayableAmount + options.SuggestionTolerance;
        var nameKey = NameKey(o.CustomerName);

        var rows = await db.Mutations.AsNoTracking()
            .Where(m => m.AccountId == o.AccountId && m.IsSandbox == o.IsSandbox && m.Direction == Direction.Credit
                        && m.OrderReference == null && m.Status != ReconciliationStatus.Matched && m.Status != ReconciliationStatus.Resolved
                        && m.TransactionTime >= from && m.TransactionTime <= to
                        && ((m.Amount >= low && m.Amount <= high) || m.Counterparty != null))
            .OrderBy(m => m.TransactionTime).Take(2000)
            .Select(m => new { m.Id, m.TransactionTime, m.HasTimeOfDay, m.Amount, m.Description, m.Counterparty, m.Status, m.Account!.Label })
            .ToListAsync(ct);

        var result = new List<CreditCandidate>();
        foreach (var m in rows)
        {
            var (wFrom, wTo) = PaymentWindow(m.TransactionTime, m.HasTimeOfDay, clock);
            var inWindow = o.CreatedAt <= wTo && o.ExpiresAt >= wFrom;
            CandidateKind? kind = null;
            if (m.Amount == o.PayableAmount && inWindow) kind = CandidateKind.Exact;
            else if (m.Amount == o.PayableAmount && wFrom > o.ExpiresAt) kind = CandidateKind.Late;
            else if (m.Amount >= low && m.Amount <= high && o.CreatedAt <= wTo) kind = CandidateKind.NearAmount;
            else if (nameKey.Length > 0 && SameName(nameKey, NameKey(m.Counterparty))) kind = CandidateKind.SameName;
            if (kind is CandidateKind k)
                result.Add(new CreditCandidate(m.Id, m.TransactionTime, m.HasTimeOfDay, m.Amount, m.Description, m.Counterparty, m.Status, m.Label, k));
        }
        return result.OrderBy(c => c.Kind).ThenBy(c => Math.Abs(c.Amount - o.PayableAmount)).ThenBy(c => c.TransactionTime).Take(Limit).ToList();
    }

    public async Task<IReadOnlyList<OrderCandidate>> ForMutationAsync(long mutationId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var m = await db.Mutations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == mutationId, ct);
        if (m is null || m.Direction != Direction.Credit || m.OrderReference != null) return [];

        var (wFrom, wTo) = PaymentWindow(m.TransactionTime, m.HasTimeOfDay, clock);
        var late = TimeSpan.FromDays(options.LatePaymentDays);
        var createdBy = wTo.AddDays(1);
        var expiresAfter = wFrom - late;
        var low = m.Amount - options.SuggestionTolerance;
        var high = m.Amount + options.SuggestionTolerance;
        var nameKey = NameKey(m.Counterparty);
        var now = clock.UtcNow;

        var rows = await db.Orders.AsNoTracking()
            .Where(o => o.AccountId == m.AccountId && o.IsSandbox == m.IsSandbox
                        && (o.Status == OrderStatus.Pending || o.Status == OrderStatus.Expired)
                        && o.CreatedAt <= createdBy && o.ExpiresAt >= expiresAfter)
            .OrderBy(o => o.CreatedAt).Take(2000)
            .ToListAsync(ct);

        var result = new List<OrderCandidate>();
        foreach (var o in rows)
        {
            var inWindow = o.CreatedAt <= wTo && o.ExpiresAt >= wFrom;
            CandidateKind? kind = null;
            if (o.PayableAmount == m.Amount && inWindow) kind = CandidateKind.Exact;
            else if (o.PayableAmount == m.Amount && wFrom > o.ExpiresAt) kind = CandidateKind.Late;
            else if (o.PayableAmount >= low && o.PayableAmount <= high && o.CreatedAt <= wTo) kind = CandidateKind.NearAmount;
            else if (nameKey.Length > 0 && SameName(nameKey, NameKey(o.CustomerName))) kind = CandidateKind.SameName;
            if (kind is CandidateKind k)
            {
                var status = o.Status == OrderStatus.Pending && o.ExpiresAt <= now ? OrderStatus.Expired : o.Status;
                result.Add(new OrderCandidate(o.Id, o.Reference, o.CustomerName, o.PayableAmount, o.CreatedAt, o.ExpiresAt, status, o.NeedsAttention, k));
            }
        }
        return result.OrderBy(c => c.Kind).ThenBy(c => Math.Abs(c.PayableAmount - m.Amount)).Take(Limit).ToList();
    }

    /// <summary>Upper-case letters and single spaces: bank descriptions shout and squeeze ("BUDI  SANTOSO").</summary>
    internal static string NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var sb = new StringBuilder();
        foreach (var c in name.ToUpperInvariant())
            sb.Append(char.IsLetter(c) ? c : ' ');
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Same person, as far as a bank line can tell: one name contains the other, or both start with the same word of 3+ letters.</summary>
    internal static bool SameName(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        if (a.Length >= 3 && b.Length >= 3 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal))) return true;
        var fa = a.Split(' ')[0];
        var fb = b.Split(' ')[0];
        return fa.Length >= 3 && fa == fb;
    }
}
