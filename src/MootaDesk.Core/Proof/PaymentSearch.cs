using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Proof;

public sealed record PaymentSearchCriteria(string? Amount = null, string? Name = null, DateOnly? From = null, DateOnly? To = null, string? OrderReference = null);

public sealed record PaymentHit(
    long MutationId,
    DateTime TransactionTime,
    bool HasTimeOfDay,
    decimal Amount,
    string Destination,
    string? Counterparty,
    string Description,
    string? OrderReference,
    string? CustomerName,
    long? ActiveProofId,
    bool IsSandbox,
    bool IsProvisional = false);

/// <summary>
/// What a search found. <see cref="Nearest"/> is filled only when an amount was typed and nothing matched it exactly:
/// the credits of the same range (and the same order filter) whose amount is closest to it, within
/// <see cref="ProofOptions.NearestAmountTolerance"/> rupiah, closest first ("nominal terdekat").
/// </summary>
public sealed record PaymentSearchResult(IReadOnlyList<PaymentHit> Hits, DateOnly From, DateOnly To, bool AmountUnreadable, bool Truncated)
{
    public IReadOnlyList<PaymentHit> Nearest { get; init; } = [];
}

/// <summary>
/// "Sudah masuk belum, Kak?": finds credits by amount (as people type it), sender name (tolerant of spelling
/// and case), date range (WIB days, last 7 by default) and order reference. Credits only, for every role: a
/// proof is about money that came in. Name matching runs in memory over the date-bounded candidates, because
/// typos cannot be matched in SQL.
/// </summary>
public sealed class PaymentSearch(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock, IOptions<ProofOptions> options, TimeProvider time)
{
    public const int MaxHits = 100;
    public const int DefaultDays = 7;
    public const int MaxNearest = 5;

    public async Task<PaymentSearchResult> SearchAsync(PaymentSearchCriteria criteria, Viewer viewer, CancellationToken ct = default)
    {
        var to = criteria.To ?? clock.Today;
        var from = criteria.From ?? to.AddDays(-(DefaultDays - 1));
        if (from > to) (from, to) = (to, from);

        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(criteria.Amount))
        {
            if (!Money.TryParse(criteria.Amount, out var parsed) || parsed <= 0)
                return new PaymentSearchResult([], from, to, AmountUnreadable: true, Truncated: false);
            amount = parsed;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        // Sandbox money is not a customer's payment, except when the database holds nothing else (the demo shop).
        var includeSandbox = !await db.Accounts.AnyAsync(a => !a.IsSandbox, ct);
        var (startUtc, endUtc) = clock.DaysRangeUtc(from, to);

        // Credits only, whatever the role: a proof is about money that came in, and CS never sees a debit.
        var inRange = db.Mutations.AsNoTracking().VisibleTo(viewer)
            .Where(m => m.Direction == Direction.Credit && m.TransactionTime >= startUtc && m.TransactionTime < endUtc)
            .Where(m => includeSandbox || !m.IsSandbox)
            // A provisional credit Ops dismissed (issue 15) is no payment a customer can be told about.
            .Where(m => m.DismissedAt == null);

        var reference = criteria.OrderReference?.Trim();
        if (!string.IsNullOrEmpty(reference))
        {
            var pattern = "%" + EscapeLike(reference) + "%";
            var paidBy = db.Orders.Where(o => o.MatchedMutationId != null && EF.Functions.Like(o.Reference, pattern, "\\")).Select(o => o.MatchedMutationId!.Value);
            inRange = inRange.Where(m => (m.OrderReference != null && EF.Functions.Like(m.OrderReference, pattern, "\\")) || paidBy.Contains(m.Id));
        }
        var query = amount is decimal a ? inRange.Where(m => m.Amount == a) : inRange;

        List<long> ids;
        var truncated = false;
        var name = criteria.Name?.Trim();
        Dictionary<long, double>? scores = null;
        if (!string.IsNullOrEmpty(name))
        {
            var limit = options.Value.NameSearchCandidateLimit;
            var candidates = await query.OrderByDescending(m => m.TransactionTime).Take(limit + 1)
                .Select(m => new { m.Id, m.Counterparty, m.Description, m.TransactionTime }).ToListAsync(ct);
            truncated = candidates.Count > limit;
            var typed = SenderNameMatcher.Tokens(name);
            scores = candidates.Take(limit)
                .Select(c => (c.Id, c.TransactionTime, Score: SenderNameMatcher.Score(typed, SenderNameMatcher.Tokens(c.Counterparty).Concat(SenderNameMatcher.Tokens(c.Description)).Distinct().ToList())))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score).ThenByDescending(x => x.TransactionTime)
                .Take(MaxHits + 1)
                .ToDictionary(x => x.Id, x => x.Score);
            truncated |= scores.Count > MaxHits;
            ids = scores.Keys.Take(MaxHits).ToList();
        }
        else
        {
            ids = await query.OrderByDescending(m => m.TransactionTime).ThenByDescending(m => m.Id).Take(MaxHits + 1).Select(m => m.Id).ToListAsync(ct);
            truncated = ids.Count > MaxHits;
            ids = ids.Take(MaxHits).ToList();
        }
        if (ids.Count == 0)
        {
            var nearest = amount is decimal typedAmount ? await NearestAsync(db, inRange, typedAmount, ct) : [];
            return new PaymentSearchResult([], from, to, false, truncated) { Nearest = nearest };
        }
        var hits = await HitsAsync(db, ids, ct);
        var ordered = scores is null
            ? hits.OrderByDescending(h => h.TransactionTime).ThenByDescending(h => h.MutationId)
            : hits.OrderByDescending(h => scores[h.MutationId]).ThenByDescending(h => h.TransactionTime);
        return new PaymentSearchResult(ordered.ToList(), from, to, false, truncated);
    }

    /// <summary>
    /// "Nominal terdekat": a customer who says "sudah transfer 150.000" usually sent the order's amount with its unique
    /// code, or a clerk typed one digit off. The closest credits within the tolerance, closest first, then newest.
    /// </summary>
    private async Task<IReadOnlyList<PaymentHit>> NearestAsync(MootaDeskDbContext db, IQueryable<Mutation> inRange, decimal amount, CancellationToken ct)
    {
        var tolerance = Math.Max(0m, options.Value.NearestAmountTolerance);
        if (tolerance == 0) return [];
        var (low, high) = (amount - tolerance, amount + tolerance);
        // Bounded by the range and the tolerance; the distance is ranked here because SQLite stores money as whole sen.
        var near = await inRange.Where(m => m.Amount >= low && m.Amount <= high)
            .OrderByDescending(m => m.TransactionTime).Take(500)
            .Select(m => new { m.Id, m.Amount, m.TransactionTime }).ToListAsync(ct);
        var ids = near.OrderBy(m => Math.Abs(m.Amount - amount)).ThenByDescending(m => m.TransactionTime).Take(MaxNearest).Select(m => m.Id).ToList();
        if (ids.Count == 0) return [];
        var hits = (await HitsAsync(db, ids, ct)).ToDictionary(h => h.MutationId);
        return ids.Select(id => hits[id]).ToList();
    }

    /// <summary>The hits for the given credits, with masked destination, the order that names them and any live proof.</summary>
    private async Task<List<PaymentHit>> HitsAsync(MootaDeskDbContext db, List<long> ids, CancellationToken ct)
    {
        var rows = await db.Mutations.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.TransactionTime, m.HasTimeOfDay, m.Amount, m.Account!.BankCode, m.Account.AccountNumber, m.Counterparty, m.Description, m.OrderReference, m.IsSandbox, m.IsProvisional })
            .ToListAsync(ct);
        var orders = await db.Orders.AsNoTracking().Where(o => o.MatchedMutationId != null && ids.Contains(o.MatchedMutationId.Value))
            .Select(o => new { MutationId = o.MatchedMutationId!.Value, o.Reference, o.CustomerName }).ToListAsync(ct);
        var orderByMutation = orders.GroupBy(o => o.MutationId).ToDictionary(g => g.Key, g => g.First());
        var referenced = rows.Where(r => r.OrderReference != null && !orderByMutation.ContainsKey(r.Id)).Select(r => r.OrderReference!).Distinct().ToList();
        var ordersByReference = referenced.Count == 0 ? [] : (await db.Orders.AsNoTracking().Where(o => referenced.Contains(o.Reference))
            .Select(o => new { o.Reference, o.CustomerName }).ToListAsync(ct)).GroupBy(o => o.Reference).ToDictionary(g => g.Key, g => g.First().CustomerName);

        var now = time.GetUtcNow().UtcDateTime;
        var proofs = (await db.Proofs.AsNoTracking().Where(p => ids.Contains(p.MutationId) && p.RevokedAt == null && p.ExpiresAt > now)
                .Select(p => new { p.MutationId, p.Id }).ToListAsync(ct))
            .GroupBy(p => p.MutationId).ToDictionary(g => g.Key, g => g.Max(p => p.Id));

        return rows.Select(r =>
        {
            orderByMutation.TryGetValue(r.Id, out var order);
            var customer = order?.CustomerName ?? (r.OrderReference is not null ? ordersByReference.GetValueOrDefault(r.OrderReference) : null);
            return new PaymentHit(r.Id, r.TransactionTime, r.HasTimeOfDay, r.Amount, AccountMask.Describe(r.BankCode, r.AccountNumber),
                r.Counterparty, r.Description, order?.Reference ?? r.OrderReference, customer,
                proofs.TryGetValue(r.Id, out var proofId) ? proofId : null, r.IsSandbox, r.IsProvisional);
        }).ToList();
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
