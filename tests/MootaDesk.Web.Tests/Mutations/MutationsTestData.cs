using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>Small, explicit data sets for the Mutasi tests: each mutation is written out so a test says what it expects.</summary>
internal static class MutationsTestData
{
    public static readonly Viewer Finance = new("fin", "u-fin", new HashSet<string> { Roles.Finance });
    public static readonly Viewer Cs = new("cs", "u-cs", new HashSet<string> { Roles.CS });
    public static readonly Viewer Ops = new("ops", "u-ops", new HashSet<string> { Roles.Ops });
    public static readonly Actor FinanceActor = new("fin", "u-fin");

    public static async Task<Account> AccountAsync(TestDatabase test, string number = "0123456789", bool sandbox = false)
    {
        await using var db = test.CreateDbContext();
        var a = new Account { BankCode = "bca", AccountNumber = number, Label = "BCA " + number[^4..], IsSandbox = sandbox, CreatedAt = test.Clock.UtcNow };
        db.Accounts.Add(a);
        await db.SaveChangesAsync();
        return a;
    }

    public static async Task<Tag> TagAsync(TestDatabase test, string name)
    {
        await using var db = test.CreateDbContext();
        var t = new Tag { Name = name, NormalizedName = TagName.Normalize(name), CreatedAt = test.Clock.UtcNow };
        db.Tags.Add(t);
        await db.SaveChangesAsync();
        return t;
    }

    public static async Task<long> MutationAsync(TestDatabase test, Account account, DateTime utc, decimal amount, Direction direction = Direction.Credit,
        string description = "TRSF E-BANKING CR", string? counterparty = null, int[]? tags = null, string? note = null, string? orderReference = null,
        ReconciliationStatus status = ReconciliationStatus.New, MutationSource source = MutationSource.Webhook, bool sandbox = false, decimal? balance = 10_000_000m)
    {
        await using var db = test.CreateDbContext();
        var m = new Mutation
        {
            AccountId = account.Id, SourceId = Guid.NewGuid().ToString("N"), Source = source, TransactionTime = utc, ReadTime = utc, Description = description,
            Counterparty = counterparty, Amount = amount, Direction = direction, BalanceAfter = balance, OrderReference = orderReference, Status = status,
            IsSandbox = sandbox, HasNote = note is not null, RawSource = """{"amount":150000,"balance":10000000,"description":"x"}""",
        };
        foreach (var t in tags ?? []) m.Tags.Add(new MutationTag { TagId = t, TaggedBy = "test", TaggedAt = utc });
        if (note is not null) m.Notes.Add(new MutationNote { Text = note, Author = "test", CreatedAt = utc });
        db.Mutations.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    }

    /// <summary>A UTC instant from a Jakarta wall-clock time.</summary>
    public static DateTime Wib(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(7)).UtcDateTime;
}
