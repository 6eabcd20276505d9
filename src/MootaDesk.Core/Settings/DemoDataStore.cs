using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Settings;

/// <summary>Loads the demo shop into an empty database, and removes every trace of it again.</summary>
public sealed class DemoDataStore(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    /// <summary>Loads demo data when the database holds no accounts yet. Returns false when it did nothing.</summary>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Accounts.AnyAsync(ct)) return false;

        var now = clock.UtcNow;
        var data = new DemoDataGenerator().Generate(clock.LocalNow);
        var accounts = DemoDataGenerator.Accounts.ToDictionary(a => a.Key, a => new Account
        {
            BankCode = a.BankCode, AccountNumber = a.Number, HolderName = a.Holder, Label = a.Label, Purpose = a.Purpose,
            ExternalId = "demo-" + a.Key, IsDemo = true, IsSandbox = true, IsActive = true, CreatedAt = now,
        });
        db.Accounts.AddRange(accounts.Values);

        var existingTags = await db.Tags.ToDictionaryAsync(t => t.NormalizedName, ct);
        var tags = new Dictionary<string, Tag>();
        foreach (var (name, color, meaning) in DemoDataGenerator.Tags)
        {
            var key = TagName.Normalize(name);
            if (!existingTags.TryGetValue(key, out var tag))
            {
                tag = new Tag { Name = name, NormalizedName = key, Color = color, Meaning = meaning, CreatedAt = now };
                db.Tags.Add(tag);
            }
            tags[name] = tag;
        }

        var bySourceId = new Dictionary<string, Mutation>();
        foreach (var m in data.Mutations)
        {
            var txUtc = clock.ToUtc(m.TransactionTimeLocal);
            var readUtc = txUtc.AddSeconds(45 + (m.SourceId.GetHashCode(StringComparison.Ordinal) & 0x3FF));
            if (readUtc > now) readUtc = now;
            var mutation = new Mutation
            {
                Account = accounts[m.AccountKey], Source = MutationSource.Sandbox, SourceId = m.SourceId,
                TransactionTime = txUtc, BankDate = DateOnly.FromDateTime(m.TransactionTimeLocal), ReadTime = readUtc, ReadLatencySeconds = (int)(readUtc - txUtc).TotalSeconds,
                Description = m.Description, Amount = m.Amount, Direction = m.Direction, BalanceAfter = m.Balance,
                Counterparty = m.Counterparty, OrderReference = m.OrderReference, Status = m.Status, IsSandbox = true,
                HasNote = m.Note is not null,
            };
            foreach (var t in m.Tags)
                mutation.Tags.Add(new MutationTag { Tag = tags[t], TaggedBy = "demo", TaggedAt = readUtc });
            if (m.Note is not null)
                mutation.Notes.Add(new MutationNote { Text = m.Note, Author = "demo", CreatedAt = readUtc });
            bySourceId[m.SourceId] = mutation;
            db.Mutations.Add(mutation);
        }

        foreach (var acc in DemoDataGenerator.Accounts)
        {
            var last = data.Mutations.LastOrDefault(m => m.AccountKey == acc.Key);
            accounts[acc.Key].LastKnownBalance = last?.Balance ?? acc.OpeningBalance;
            accounts[acc.Key].LastKnownBalanceAt = last is null ? now : clock.ToUtc(last.TransactionTimeLocal);
        }
        await db.SaveChangesAsync(ct);
        await MutationTextSearch.IndexNewMutationsAsync(db, ct: ct);

        foreach (var o in data.Orders)
        {
            db.Orders.Add(new Order
            {
                Reference = o.Reference, CustomerName = o.Customer, WhatsApp = o.WhatsApp, Amount = o.Amount, UniqueCode = o.UniqueCode,
                PayableAmount = o.Amount + o.UniqueCode, AccountId = accounts[o.AccountKey].Id, CreatedAt = clock.ToUtc(o.CreatedLocal),
                CreatedBy = "demo", ExpiresAt = clock.ToUtc(o.ExpiresLocal), Status = o.Status, IsSandbox = true,
                MatchedMutationId = o.PaidBySourceId is null ? null : bySourceId[o.PaidBySourceId].Id,
                PaidAt = o.PaidBySourceId is null ? null : bySourceId[o.PaidBySourceId].TransactionTime,
            });
        }
        db.Record(Actor.System, "demo.load", "Demo", "all", null, new { accounts = accounts.Count, mutations = data.Mutations.Count, orders = data.Orders.Count }, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Accounts.AnyAsync(a => a.IsDemo, ct);
    }

    /// <summary>Removes demo accounts and everything hanging off them, in one transaction, audited.</summary>
    public async Task<int> RemoveAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var ids = await db.Accounts.Where(a => a.IsDemo).Select(a => a.Id).ToListAsync(ct);
        var orders = await db.Orders.Where(o => ids.Contains(o.AccountId)).ExecuteDeleteAsync(ct);
        var tags = await db.MutationTags.Where(t => ids.Contains(t.Mutation!.AccountId)).ExecuteDeleteAsync(ct);
        var notes = await db.MutationNotes.Where(n => db.Mutations.Any(m => m.Id == n.MutationId && ids.Contains(m.AccountId))).ExecuteDeleteAsync(ct);
        var mutations = await db.Mutations.Where(m => ids.Contains(m.AccountId)).ExecuteDeleteAsync(ct);
        await db.Accounts.Where(a => a.IsDemo).ExecuteDeleteAsync(ct);
        db.Record(actor, "demo.remove", "Demo", "all", new { accounts = ids.Count, mutations, orders, tags, notes }, null, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return mutations;
    }
}
