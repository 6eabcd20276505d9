using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

/// <summary>
/// Creates orders, one or a whole CSV at once: all of them or none. Checks every field, then allocates codes
/// and inserts inside ONE write transaction that takes SQLite's write lock at its start (BEGIN IMMEDIATE), so
/// concurrent creators are serialised and never pick the same payable amount; the partial unique index
/// IX_Orders_OpenPayableAmount backs that up.
/// </summary>
public sealed partial class OrderCreator(
    IDbContextFactory<MootaDeskDbContext> factory,
    UniqueCodeAllocator allocator,
    OrderExpiry expiry,
    OrderOptions options,
    BusinessClock clock)
{
    public const int MaxReferenceLength = 64;
    public const int MaxNameLength = 120;
    public const decimal MaxAmount = 10_000_000_000m;
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(90);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/#-]*$")]
    private static partial Regex ReferencePattern();

    /// <summary>Checks and allocates but writes nothing: the import preview shows the payable amounts it would get.</summary>
    public Task<OrderCreationResult> PreviewAsync(IReadOnlyList<OrderRequest> requests, CancellationToken ct = default) =>
        RunAsync(requests, Actor.System, commit: false, ct);

    public Task<OrderCreationResult> CreateAsync(IReadOnlyList<OrderRequest> requests, Actor actor, CancellationToken ct = default) =>
        RunAsync(requests, actor, commit: true, ct);

    public async Task<OrderCreationResult> CreateOneAsync(OrderRequest request, Actor actor, CancellationToken ct = default) =>
        await CreateAsync([request], actor, ct);

    private sealed record Checked(string Reference, string CustomerName, string? WhatsApp, decimal Amount, DateTime ExpiresAt);

    private async Task<OrderCreationResult> RunAsync(IReadOnlyList<OrderRequest> requests, Actor actor, bool commit, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var errors = new List<OrderRequestErrors>();
        var rows = new Checked?[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var fieldErrors = new List<OrderFieldError>();
            rows[i] = Check(requests[i], now, fieldErrors);
            if (fieldErrors.Count > 0) errors.Add(new OrderRequestErrors(i, fieldErrors));
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        // The store's write turn is ours before we read which amounts are taken (SQLite's BEGIN IMMEDIATE, PostgreSQL's
        // advisory lock: StoreWrites).
        await using var tx = await db.BeginWriteAsync(ct);

        var accounts = await db.Accounts.AsNoTracking().ToListAsync(ct);
        var resolved = new Account?[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var accountError = ResolveAccount(requests[i], accounts, out resolved[i]);
            if (accountError is not null) AddError(errors, i, accountError);
        }

        var refs = rows.Where(r => r is not null).Select(r => r!.Reference).Distinct().ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in refs.Chunk(500))
            existing.UnionWith(await db.Orders.AsNoTracking().Where(o => chunk.Contains(o.Reference)).Select(o => o.Reference).ToListAsync(ct));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is not { } row) continue;
            if (existing.Contains(row.Reference)) AddError(errors, i, new OrderFieldError(OrderFields.Reference, OrderErrorCodes.DuplicateReference, row.Reference));
            else if (seen.TryGetValue(row.Reference, out var first)) AddError(errors, i, new OrderFieldError(OrderFields.Reference, OrderErrorCodes.DuplicateInBatch, row.Reference, first + 1));
            else seen[row.Reference] = i;
        }
        if (errors.Count > 0) return Failed(errors);

        foreach (var accountId in resolved.Select(a => a!.Id).Distinct())
            await expiry.ExpireDueAsync(db, now, accountId, ct);

        var takenInBatch = new Dictionary<(int, bool), HashSet<decimal>>();
        var orders = new List<Order>();
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i]!;
            var account = resolved[i]!;
            if (!takenInBatch.TryGetValue((account.Id, account.IsSandbox), out var taken))
                takenInBatch[(account.Id, account.IsSandbox)] = taken = [];
            var code = await allocator.AllocateAsync(db, account.Id, account.IsSandbox, row.Amount, taken, ct);
            if (code is not int signed)
            {
                AddError(errors, i, new OrderFieldError(OrderFields.Amount, OrderErrorCodes.CodesExhausted,
                    Money.Format(row.Amount), account.Label, options.UniqueCodeMin, options.UniqueCodeMax));
                continue;
            }
            var payable = row.Amount + signed;
            taken.Add(payable);
            orders.Add(new Order
            {
                Reference = row.Reference,
                CustomerName = row.CustomerName,
                WhatsApp = row.WhatsApp,
                Amount = row.Amount,
                UniqueCode = signed,
                PayableAmount = payable,
                AccountId = account.Id,
                CreatedAt = now,
                CreatedBy = actor.Name,
                ExpiresAt = row.ExpiresAt,
                IsSandbox = account.IsSandbox,
            });
        }
        if (errors.Count > 0) return Failed(errors);

        db.Orders.AddRange(orders);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (StoreWrites.IsConstraintViolation(ex))
        {
            // Only reachable if something wrote outside this path; the index refused rather than letting two orders share an amount.
            return Failed([new OrderRequestErrors(0, [new OrderFieldError(OrderFields.Reference, OrderErrorCodes.DuplicateReference, orders[0].Reference)])]);
        }
        foreach (var o in orders)
            db.Record(actor, "order.create", "Order", o.Id, null,
                new { o.Reference, o.CustomerName, o.WhatsApp, o.Amount, o.UniqueCode, o.PayableAmount, o.AccountId, o.ExpiresAt, o.IsSandbox }, now);
        await db.SaveChangesAsync(ct);

        var ids = orders.Select(o => o.Id).ToList();
        var views = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).ToViews(now).ToListAsync(ct);
        if (commit) await tx.CommitAsync(ct);
        else await tx.RollbackAsync(ct);
        var byId = views.ToDictionary(v => v.Id);
        return new OrderCreationResult(ids.Select(id => byId[id]).ToList(), []);
    }

    private static OrderCreationResult Failed(List<OrderRequestErrors> errors) =>
        new([], errors.OrderBy(e => e.Index).ToList());

    private static void AddError(List<OrderRequestErrors> errors, int index, OrderFieldError error)
    {
        var at = errors.FindIndex(e => e.Index == index);
        if (at < 0) errors.Add(new OrderRequestErrors(index, [error]));
        else errors[at] = errors[at] with { Errors = [.. errors[at].Errors, error] };
    }

    private Checked? Check(OrderRequest r, DateTime now, List<OrderFieldError> errors)
    {
        var reference = r.Reference?.Trim() ?? "";
        if (reference.Length == 0) errors.Add(new(OrderFields.Reference, OrderErrorCodes.Required));
        else if (reference.Length > MaxReferenceLength) errors.Add(new(OrderFields.Reference, OrderErrorCodes.TooLong, MaxReferenceLength));
        else if (!ReferencePattern().IsMatch(reference)) errors.Add(new(OrderFields.Reference, OrderErrorCodes.ReferenceCharacters));

        var name = string.Join(' ', (r.CustomerName ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0) errors.Add(new(OrderFields.CustomerName, OrderErrorCodes.Required));
        else if (name.Length > MaxNameLength) errors.Add(new(OrderFields.CustomerName, OrderErrorCodes.TooLong, MaxNameLength));

        string? whatsApp = null;
        if (!string.IsNullOrWhiteSpace(r.WhatsApp))
        {
            if (WhatsAppNumber.TryNormalize(r.WhatsApp, out var normalized)) whatsApp = normalized;
            else errors.Add(new(OrderFields.WhatsApp, OrderErrorCodes.WhatsAppInvalid, r.WhatsApp.Trim()));
        }

        var amount = r.Amount ?? 0;
        if (r.Amount is null) errors.Add(new(OrderFields.Amount, OrderErrorCodes.Required));
        else if (amount <= 0) errors.Add(new(OrderFields.Amount, OrderErrorCodes.AmountNotPositive));
        else if (decimal.Round(amount, 2) != amount) errors.Add(new(OrderFields.Amount, OrderErrorCodes.AmountDecimals));
        else if (amount > MaxAmount) errors.Add(new(OrderFields.Amount, OrderErrorCodes.AmountTooLarge, Money.Format(MaxAmount)));
        else if (options.UniqueCodeMode == UniqueCodeMode.Subtract && amount <= options.UniqueCodeMax)
            errors.Add(new(OrderFields.Amount, OrderErrorCodes.AmountTooSmallForCode, Money.Format(options.UniqueCodeMax + 1)));

        var expires = r.ExpiresAtUtc ?? now.AddHours(options.DefaultExpiryHours);
        expires = DateTime.SpecifyKind(expires, DateTimeKind.Utc);
        if (expires <= now) errors.Add(new(OrderFields.ExpiresAt, OrderErrorCodes.ExpiryInPast));
        else if (expires > now + MaxValidity) errors.Add(new(OrderFields.ExpiresAt, OrderErrorCodes.ExpiryTooFar, (int)MaxValidity.TotalDays));

        return errors.Count == 0 ? new Checked(reference, name, whatsApp, amount, expires) : null;
    }

    private static OrderFieldError? ResolveAccount(OrderRequest r, List<Account> accounts, out Account? account)
    {
        account = null;
        if (r.AccountId is int id)
        {
            account = accounts.FirstOrDefault(a => a.Id == id);
            if (account is null) return new(OrderFields.Account, OrderErrorCodes.AccountUnknown, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            var number = Digits(r.AccountNumber);
            if (number.Length == 0) return new(OrderFields.Account, OrderErrorCodes.Required);
            var found = accounts.Where(a => Digits(a.AccountNumber) == number
                                            && (string.IsNullOrWhiteSpace(r.BankCode) || a.BankCode.Equals(r.BankCode.Trim(), StringComparison.OrdinalIgnoreCase)))
                .ToList();
            // A number shared by an inactive and an active account means the active one.
            if (found.Count > 1) found = found.Where(a => a.IsActive).ToList();
            if (found.Count == 0) return new(OrderFields.Account, OrderErrorCodes.AccountUnknown, r.AccountNumber!.Trim());
            if (found.Count > 1) return new(OrderFields.Account, OrderErrorCodes.AccountAmbiguous, r.AccountNumber!.Trim());
            account = found[0];
        }
        if (!account.IsActive) return new(OrderFields.Account, OrderErrorCodes.AccountInactive, account.Label);
        return null;
    }

    private static string Digits(string? s) => new((s ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '.').ToArray());
}
