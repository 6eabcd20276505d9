using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Sweep;

/// <summary>The sweep's services wired over a test database, plus a small shop to sweep.</summary>
public sealed class SweepFixture
{
    public SweepFixture(TestDatabase test, SweepOptions? options = null)
    {
        Test = test;
        Options = new StaticOptions<SweepOptions>(options ?? new SweepOptions());
        Settings = new BusinessSettings(test, Microsoft.Extensions.Options.Options.Create(new MootaDeskOptions()), test.Time);
        Prepare = new PrepareSweepCommand(test, test.Inbox, test.Clock, Options, Settings, NullLogger<PrepareSweepCommand>.Instance);
        Email = new FakeEmailSender();
        Commands = new SweepCommands(test, test.Clock, Settings, Options, Email);
        Query = new SweepQuery(test, test.Clock);
        Tasks = new CsTaskCommands(test, test.Clock);
    }

    public TestDatabase Test { get; }
    public StaticOptions<SweepOptions> Options { get; }
    public BusinessSettings Settings { get; }
    public PrepareSweepCommand Prepare { get; }
    public FakeEmailSender Email { get; }
    public SweepCommands Commands { get; }
    public SweepQuery Query { get; }
    public CsTaskCommands Tasks { get; }

    public static readonly Viewer Finance = new("fina", "fina-id", new HashSet<string> { Roles.Finance });
    public static readonly Viewer Owner = new("owner", "owner-id", new HashSet<string> { Roles.Owner });
    public static readonly Viewer Ops = new("opi", "opi-id", new HashSet<string> { Roles.Ops });
    public static readonly Viewer Cs = new("cece", "cs-id", new HashSet<string> { Roles.CS });
    public static Actor ActorOf(Viewer v) => new(v.Name, v.UserId);

    public SweepSchedulerHarness Scheduler() => new(this);

    /// <summary>
    /// Two real accounts and a sandbox one, on the given Jakarta day: two customer credits (one with an order
    /// reference), an own-account transfer (debit BCA → credit Mandiri), a 7 jt supplier debit, a refund, and a
    /// sandbox credit.
    /// </summary>
    public async Task<Shop> SeedShopAsync(DateOnly day)
    {
        await using var db = Test.CreateDbContext();
        var now = Test.Clock.UtcNow;
        var bca = new Account { BankCode = "bca", AccountNumber = "111", HolderName = "PT Toko Maju", Label = "BCA Ops", CreatedAt = now };
        var mandiri = new Account { BankCode = "mandiri", AccountNumber = "222", HolderName = "PT Toko Maju", Label = "Mandiri", CreatedAt = now };
        var sandbox = new Account { BankCode = "bca", AccountNumber = "999", Label = "Sandbox", IsSandbox = true, CreatedAt = now };
        db.Accounts.AddRange(bca, mandiri, sandbox);
        var refund = new Tag { Name = "Refund", NormalizedName = TagName.Normalize("Refund"), CreatedAt = now };
        var supplier = new Tag { Name = "Supplier", NormalizedName = TagName.Normalize("Supplier"), CreatedAt = now };
        db.Tags.AddRange(refund, supplier);
        await db.SaveChangesAsync();

        DateTime At(int h, int m = 0) => Test.Clock.ToUtc(day.ToDateTime(new TimeOnly(h, m)));
        Mutation M(Account a, string id, int h, decimal amount, Direction d, decimal balance, string? cp = null, string? orderRef = null) => new()
        {
            AccountId = a.Id, SourceId = id, Source = MutationSource.Webhook, BankDate = day, TransactionTime = At(h), ReadTime = At(h, 1), Amount = amount, Direction = d,
            BalanceAfter = balance, Description = "TRSF " + (cp ?? id), Counterparty = cp, OrderReference = orderRef, IsSandbox = a.IsSandbox,
        };
        var c1 = M(bca, "c1", 9, 150_000m, Direction.Credit, 1_150_000m, "BUDI");
        var c2 = M(bca, "c2", 10, 250_000m, Direction.Credit, 1_400_000m, "SITI", "INV-2");
        var transferOut = M(bca, "t-out", 11, 1_000_000m, Direction.Debit, 400_000m, "PT TOKO MAJU");
        var transferIn = M(mandiri, "t-in", 11, 1_000_000m, Direction.Credit, 8_000_000m, "PT TOKO MAJU");
        var supplierDebit = M(mandiri, "sup", 12, 7_000_000m, Direction.Debit, 1_000_000m, "CV KAIN");
        var refundDebit = M(bca, "ref", 13, 50_000m, Direction.Debit, 350_000m, "BUDI");
        var sandboxCredit = M(sandbox, "sb", 9, 999_000m, Direction.Credit, 999_000m, "TEST");
        supplierDebit.Tags.Add(new MutationTag { TagId = supplier.Id, TaggedBy = "fina", TaggedAt = now });
        refundDebit.Tags.Add(new MutationTag { TagId = refund.Id, TaggedBy = "fina", TaggedAt = now });
        db.Mutations.AddRange(c1, c2, transferOut, transferIn, supplierDebit, refundDebit, sandboxCredit);
        await db.SaveChangesAsync();
        return new Shop(bca.Id, mandiri.Id, sandbox.Id, c1.Id, c2.Id, supplierDebit.Id, refundDebit.Id, transferIn.Id);
    }

    public sealed record Shop(int Bca, int Mandiri, int Sandbox, long Credit1, long Credit2, long Supplier, long Refund, long TransferIn);
}

public sealed class SweepSchedulerHarness(SweepFixture f)
{
    public SweepScheduler Create() => new(f.Prepare, f.Test, f.Test.Clock, f.Options,
        new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Testing" }, NullLogger<SweepScheduler>.Instance);
}

public sealed class StaticOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;
    public T Get(string? name) => CurrentValue;
    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

public sealed class FakeEmailSender : ISummaryEmailSender
{
    public List<(string Subject, string Body)> Sent { get; } = [];

    public Task<EmailOutcome> SendAsync(string subject, string body, CancellationToken ct = default)
    {
        Sent.Add((subject, body));
        return Task.FromResult(new EmailOutcome(true, false, "sent"));
    }
}
