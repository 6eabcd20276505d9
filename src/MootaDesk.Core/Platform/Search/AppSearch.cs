using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Platform.Search;

/// <summary>A mutation found by the app search; <paramref name="Day"/> is its business day (what the Mutasi link filters on).</summary>
public sealed record MutationHit(long Id, int AccountId, DateOnly Day, DateTime TransactionTime, bool HasTimeOfDay, string AccountLabel, string Description,
    string? Counterparty, decimal Amount, Direction Direction, bool IsSandbox);

/// <summary>An order found by its reference, its customer's name or WhatsApp number, or its amount.</summary>
public sealed record OrderHit(int Id, string Reference, string CustomerName, decimal PayableAmount, OrderStatus Status, DateTime CreatedAt, bool IsSandbox);

/// <summary>
/// A customer as the orders name them: one name with one WhatsApp number (or none), how many orders they placed and when
/// the last one was made.
/// </summary>
public sealed record CustomerHit(string Name, string? WhatsApp, int Orders, DateTime LastOrderAt);

/// <summary>A proof of payment found by its verification code, its order reference, the payer's name or the amount.</summary>
public sealed record ProofHit(long Id, string Code, decimal Amount, string? Counterparty, string? OrderReference, DateTime CreatedAt, bool IsRevoked, bool IsSandbox);

/// <summary>
/// What one search box found, grouped. A group the viewer may not open is empty, never filled and hidden: the permission
/// matrix decides per group (mutations: <see cref="Actions.ReadCredits"/>, CS credits only; orders and customers:
/// <see cref="Actions.ReadOrders"/>; proofs: <see cref="Actions.CreateProof"/>).
/// </summary>
public sealed record AppSearchResult(string Query, IReadOnlyList<MutationHit> Mutations, IReadOnlyList<OrderHit> Orders,
    IReadOnlyList<CustomerHit> Customers, IReadOnlyList<ProofHit> Proofs)
{
    public bool IsEmpty => Mutations.Count == 0 && Orders.Count == 0 && Customers.Count == 0 && Proofs.Count == 0;

    public static AppSearchResult None(string query) => new(query, [], [], [], []);
}

/// <summary>
/// The app bar's search across areas: one text finds mutations (description, payer, notes, or the exact amount), orders
/// (reference, customer, WhatsApp, amount), customers (from the orders) and proofs (verification code, order reference,
/// payer, amount), newest first, at most <see cref="PerGroup"/> of each. Words match in any order ("saputra hendra" finds
/// "HENDRA SAPUTRA"). Mutations go through <see cref="MutationSearch"/>, so the CS rule and the trigram index apply as on
/// Mutasi; sandbox rows are included and marked, since people search for the transfer they just simulated.
/// </summary>
public sealed class AppSearch(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    /// <summary>Hits per group: enough to recognise the one meant, few enough to read at a glance.</summary>
    public const int PerGroup = 5;

    /// <summary>Shorter text matches too much to be useful (and cannot use the trigram index).</summary>
    public const int MinLength = 2;

    /// <summary>Longer text is cut: nobody types a 100-character search, and LIKE patterns stay small.</summary>
    public const int MaxLength = 100;

    public async Task<AppSearchResult> SearchAsync(string? text, Viewer viewer, CancellationToken ct = default)
    {
        var query = (text ?? "").Trim();
        if (query.Length > MaxLength) query = query[..MaxLength];
        if (query.Length < MinLength) return AppSearchResult.None(query);

        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // "1.500.000" or "Rp 150.123" is an amount; a reference such as "INV-0042" is not, even though it holds digits.
        decimal? amount = LooksLikeAmount(query) && Money.TryParse(query, out var a) && a > 0 && a < Money.MaxAmount ? a : null;

        await using var db = await factory.CreateDbContextAsync(ct);
        var mutations = viewer.Can(Actions.ReadCredits) ? await MutationsAsync(db, query, amount, viewer, ct) : [];
        var orders = viewer.Can(Actions.ReadOrders) ? await OrdersAsync(db, words, amount, ct) : [];
        var customers = viewer.Can(Actions.ReadOrders) ? await CustomersAsync(db, words, ct) : [];
        var proofs = viewer.Can(Actions.CreateProof) ? await ProofsAsync(db, query, words, amount, viewer, ct) : [];
        return new AppSearchResult(query, mutations, orders, customers, proofs);
    }

    /// <summary>Digits with the separators and "Rp" people write amounts with, and nothing else.</summary>
    public static bool LooksLikeAmount(string text)
    {
        var s = text.Trim();
        if (s.StartsWith("Rp", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        return s.Any(char.IsDigit) && s.All(c => char.IsDigit(c) || c is '.' or ',' or ' ' or '\u00a0');
    }

    private async Task<IReadOnlyList<MutationHit>> MutationsAsync(MootaDeskDbContext db, string query, decimal? amount, Viewer viewer, CancellationToken ct)
    {
        var hits = new List<MutationHit>();
        // An amount is looked up by its exact value (the amount index) and the text is still searched, so "2026" finds both.
        if (amount is decimal exact)
            hits.AddRange(await MutationPageAsync(db, new MutationFilter { AmountExact = exact, Sandbox = SandboxFilter.Include }, viewer, ct));
        if (!LooksLikeAmount(query) || hits.Count < PerGroup)
            hits.AddRange(await MutationPageAsync(db, new MutationFilter { Text = query, Sandbox = SandboxFilter.Include }, viewer, ct));
        return hits.DistinctBy(h => h.Id).OrderByDescending(h => h.TransactionTime).ThenByDescending(h => h.Id).Take(PerGroup).ToList();
    }

    private async Task<List<MutationHit>> MutationPageAsync(MootaDeskDbContext db, MutationFilter filter, Viewer viewer, CancellationToken ct)
    {
        var q = MutationSearch.Sorted(await MutationSearch.ApplyAsync(db, filter, viewer, clock, MutationSearch.PageCandidateLimit, ct), filter.Sort);
        var rows = await q.Take(PerGroup)
            .Select(m => new { m.Id, m.AccountId, m.TransactionTime, m.HasTimeOfDay, m.Account!.Label, m.Account.BankCode, m.Account.AccountNumber,
                m.Description, m.Counterparty, m.Amount, m.Direction, m.IsSandbox })
            .ToListAsync(ct);
        return rows.Select(m => new MutationHit(m.Id, m.AccountId, DateOnly.FromDateTime(clock.ToLocal(m.TransactionTime)), m.TransactionTime, m.HasTimeOfDay,
            string.IsNullOrWhiteSpace(m.Label) ? AccountMask.Describe(m.BankCode, m.AccountNumber) : m.Label, m.Description, m.Counterparty, m.Amount,
            m.Direction, m.IsSandbox)).ToList();
    }

    private static async Task<IReadOnlyList<OrderHit>> OrdersAsync(MootaDeskDbContext db, string[] words, decimal? amount, CancellationToken ct)
    {
        var hits = await OrderPageAsync(words.Aggregate(db.Orders.AsNoTracking(), (q, w) => q.Where(OrderMatches(w))), ct);
        if (amount is decimal a) hits.AddRange(await OrderPageAsync(db.Orders.AsNoTracking().Where(o => o.PayableAmount == a || o.Amount == a), ct));
        return hits.DistinctBy(h => h.Id).OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id).Take(PerGroup).ToList();
    }

    private static Task<List<OrderHit>> OrderPageAsync(IQueryable<Order> q, CancellationToken ct) =>
        q.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(PerGroup)
            .Select(o => new OrderHit(o.Id, o.Reference, o.CustomerName, o.PayableAmount, o.Status, o.CreatedAt, o.IsSandbox))
            .ToListAsync(ct);

    private static async Task<IReadOnlyList<CustomerHit>> CustomersAsync(MootaDeskDbContext db, string[] words, CancellationToken ct)
    {
        // Customers are named by their orders: every word must be in the name or the WhatsApp number.
        var q = words.Aggregate(db.Orders.AsNoTracking(), (current, w) =>
        {
            var pattern = Pattern(w);
            return current.Where(o => EF.Functions.Like(o.CustomerName, pattern, "\\") || (o.WhatsApp != null && EF.Functions.Like(o.WhatsApp, pattern, "\\")));
        });
        var groups = await q.GroupBy(o => new { o.CustomerName, o.WhatsApp })
            .Select(g => new { g.Key.CustomerName, g.Key.WhatsApp, Count = g.Count(), Last = g.Max(o => o.CreatedAt) })
            .OrderByDescending(g => g.Last).Take(PerGroup).ToListAsync(ct);
        return groups.Select(g => new CustomerHit(g.CustomerName, g.WhatsApp, g.Count, g.Last)).ToList();
    }

    private static async Task<IReadOnlyList<ProofHit>> ProofsAsync(MootaDeskDbContext db, string query, string[] words, decimal? amount, Viewer viewer,
        CancellationToken ct)
    {
        var proofs = db.Proofs.AsNoTracking();
        // Proofs are issued for credits only; the rule is repeated here so no search can ever show CS a debit.
        if (!viewer.CanSeeDebits) proofs = proofs.Where(p => p.Mutation!.Direction == Direction.Credit);
        if (VerificationCode.Normalize(query) is string code)
            return await ProofPageAsync(proofs.Where(p => p.VerificationCode == code), ct);
        var byText = words.Aggregate(proofs, (current, w) =>
        {
            var pattern = Pattern(w);
            return current.Where(p => (p.Order != null && EF.Functions.Like(p.Order.Reference, pattern, "\\"))
                                      || (p.Mutation!.OrderReference != null && EF.Functions.Like(p.Mutation.OrderReference, pattern, "\\"))
                                      || (p.Mutation.Counterparty != null && EF.Functions.Like(p.Mutation.Counterparty, pattern, "\\")));
        });
        var hits = await ProofPageAsync(byText, ct);
        if (amount is decimal a) hits.AddRange(await ProofPageAsync(proofs.Where(p => p.Mutation!.Amount == a), ct));
        return hits.DistinctBy(h => h.Id).OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id).Take(PerGroup).ToList();
    }

    private static Task<List<ProofHit>> ProofPageAsync(IQueryable<PaymentProof> q, CancellationToken ct) =>
        q.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(PerGroup)
            .Select(p => new ProofHit(p.Id, p.VerificationCode, p.Mutation!.Amount, p.Mutation.Counterparty,
                p.Order != null ? p.Order.Reference : p.Mutation.OrderReference, p.CreatedAt, p.RevokedAt != null, p.Mutation.IsSandbox))
            .ToListAsync(ct);

    private static Expression<Func<Order, bool>> OrderMatches(string word)
    {
        var pattern = Pattern(word);
        return o => EF.Functions.Like(o.Reference, pattern, "\\") || EF.Functions.Like(o.CustomerName, pattern, "\\")
                    || (o.WhatsApp != null && EF.Functions.Like(o.WhatsApp, pattern, "\\"));
    }

    private static string Pattern(string word) => "%" + MutationTextSearch.EscapeLike(word) + "%";
}
