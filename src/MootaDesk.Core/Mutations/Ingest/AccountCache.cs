using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations.Ingest;

/// <summary>
/// The accounts one ingest batch names, looked up once each. <see cref="FindAsync"/> never creates: a delivery that only
/// repeats (or contradicts) a stored mutation must not add an account as a side effect.
/// </summary>
internal sealed class AccountCache(MootaDeskDbContext db, DateTime now)
{
    private readonly Dictionary<string, Account?> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Account> _byId = [];

    public async Task<Account?> FindAsync(IncomingMutation m, CancellationToken ct)
    {
        if (m.AccountId is int id)
        {
            if (_byId.TryGetValue(id, out var cached)) return cached;
            var found = await db.Accounts.FindAsync([id], ct) ?? throw new ArgumentException($"Account {id} does not exist.");
            return _byId[id] = found;
        }
        var incoming = m.Account!;
        var key = KeyOf(incoming);
        if (_byKey.TryGetValue(key, out var known)) return known;
        Account? account = null;
        if (!string.IsNullOrEmpty(incoming.ExternalId))
            account = await db.Accounts.FirstOrDefaultAsync(a => a.ExternalId == incoming.ExternalId, ct);
        account ??= await db.Accounts.FirstOrDefaultAsync(a => a.BankCode == incoming.BankCode && a.AccountNumber == incoming.AccountNumber, ct);
        return _byKey[key] = account;
    }

    /// <summary>The account, created when the source names one MootaDesk does not know yet.</summary>
    public async Task<Account> GetOrCreateAsync(IncomingMutation m, CancellationToken ct)
    {
        var account = await FindAsync(m, ct);
        if (m.AccountId is not null) return account!;
        var incoming = m.Account!;
        if (account is null)
        {
            account = new Account
            {
                BankCode = incoming.BankCode,
                AccountNumber = incoming.AccountNumber,
                HolderName = incoming.HolderName ?? "",
                Label = string.IsNullOrWhiteSpace(incoming.Label) ? $"{BankNames.Display(incoming.BankCode)} {incoming.AccountNumber}" : incoming.Label!,
                ExternalId = incoming.ExternalId,
                IsSandbox = incoming.IsSandbox,
                CreatedAt = now,
            };
            db.Accounts.Add(account);
            _byKey[KeyOf(incoming)] = account;
        }
        else
        {
            account.ExternalId ??= incoming.ExternalId;
            if (string.IsNullOrEmpty(account.HolderName) && !string.IsNullOrEmpty(incoming.HolderName)) account.HolderName = incoming.HolderName;
        }
        return account;
    }

    /// <summary>"bcaV3 0144050123" for messages about an account that may not exist.</summary>
    public static string Describe(IncomingMutation m, Account? account) =>
        account is not null ? $"{account.BankCode} {account.AccountNumber}"
        : m.Account is { } a ? $"{a.BankCode} {a.AccountNumber}" : $"#{m.AccountId}";

    private static string KeyOf(IncomingAccount a) => a.ExternalId ?? $"{a.BankCode}|{a.AccountNumber}";
}
