using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Orders;

/// <summary>The real order services wired over a test database, the way the app wires them.</summary>
internal sealed class OrderTestKit
{
    public OrderTestKit(TestDatabase db, OrderOptions? options = null)
    {
        Db = db;
        Options = options ?? new OrderOptions();
        Expiry = new OrderExpiry(db, db.Clock);
        Creator = new OrderCreator(db, new UniqueCodeAllocator(Options), Expiry, Options, db.Clock);
        Matching = new OrderMatchingStep(db, db.Clock, NullLogger<OrderMatchingStep>.Instance);
        Ingestor = new MutationIngestor(db, db.Clock, [Matching], NullLogger<MutationIngestor>.Instance);
        Settlement = new OrderSettlement(db, db.Clock);
        Candidates = new OrderCandidates(db, Options, db.Clock);
    }

    public static readonly Actor Clerk = new("finance-ani", "u-1", "10.0.0.5");

    public TestDatabase Db { get; }
    public OrderOptions Options { get; }
    public OrderExpiry Expiry { get; }
    public OrderCreator Creator { get; }
    public OrderMatchingStep Matching { get; }
    public MutationIngestor Ingestor { get; }
    public OrderSettlement Settlement { get; }
    public OrderCandidates Candidates { get; }

    public async Task<Account> AddAccountAsync(string number = "1234567890", bool sandbox = false, string bank = "bca")
    {
        await using var ctx = Db.CreateDbContext();
        var account = new Account { BankCode = bank, AccountNumber = number, HolderName = "PT Toko Maju", Label = $"{bank.ToUpperInvariant()} {number}", IsSandbox = sandbox, CreatedAt = Db.Clock.UtcNow };
        ctx.Accounts.Add(account);
        await ctx.SaveChangesAsync();
        return account;
    }

    public async Task<OrderView> CreateAsync(Account account, string reference, decimal amount, TimeSpan? validFor = null, string customer = "Budi Santoso")
    {
        var result = await Creator.CreateOneAsync(new OrderRequest
        {
            Reference = reference, CustomerName = customer, WhatsApp = "0812-3456-7890", Amount = amount, AccountId = account.Id,
            ExpiresAtUtc = Db.Clock.UtcNow + (validFor ?? TimeSpan.FromHours(24)),
        }, Clerk);
        result.Errors.ShouldBeEmpty();
        return result.Created[0];
    }

    private int _seq;

    /// <summary>A credit arriving through the one ingest path, exactly as a webhook or the sandbox page would hand it over.</summary>
    public async Task<long> CreditAsync(Account account, decimal amount, DateTime? atUtc = null, bool sandbox = false, string description = "TRSF E-BANKING CR 2111/FTSCY/WS95031 BUDI SANTOSO", bool hasTime = true)
    {
        var result = await Ingestor.IngestAsync([new IncomingMutation
        {
            Source = MutationSource.Sandbox,
            SourceId = "credit-" + Interlocked.Increment(ref _seq),
            AccountId = account.Id,
            TransactionTimeUtc = atUtc ?? Db.Clock.UtcNow,
            HasTimeOfDay = hasTime,
            Description = description,
            Amount = amount,
            Direction = Direction.Credit,
            IsSandbox = sandbox,
        }], Actor.System);
        result.New.ShouldBe(1);
        return result.NewMutationIds[0];
    }
}
