using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Proof;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Proof;

/// <summary>A small real business: one BCA account, Budi's payment for an order, another customer's transfer, a supplier debit.</summary>
internal sealed record ProofSeed(long BudiCredit, long SitiCredit, long SupplierDebit, long OldCredit, int OrderId)
{
    public const string FullAccountNumber = "8730120123";
    public const decimal Balance = 98_765_432m;

    public static async Task<ProofSeed> CreateAsync(IDbContextFactory<MootaDeskDbContext> factory, DateTime nowUtc)
    {
        await using var db = await factory.CreateDbContextAsync();
        var account = new Account { BankCode = "bca", AccountNumber = FullAccountNumber, HolderName = "PT Kopi", Label = "BCA Operasional", CreatedAt = nowUtc };
        db.Accounts.Add(account);
        Mutation Credit(string id, decimal amount, string description, string? counterparty, DateTime at, string? orderRef = null) => new()
        {
            Account = account, SourceId = id, Description = description, Counterparty = counterparty, Amount = amount, Direction = Direction.Credit,
            BalanceAfter = Balance, TransactionTime = at, ReadTime = at.AddMinutes(1), OrderReference = orderRef,
        };
        var budi = Credit("budi", 150_123m, "TRSF E-BANKING CR 2111/FTSCY/WS95031 150123.00 BUDI SANTOSO", "BUDI SANTOSO", nowUtc.AddHours(-2));
        var siti = Credit("siti", 89_500m, "TRSF E-BANKING CR 2111/FTSCY/WS95032 89500.00 SITI AMINAH", "SITI AMINAH", nowUtc.AddHours(-3), "INV-77");
        var old = Credit("old", 150_123m, "TRSF E-BANKING CR 0111/FTSCY/WS00001 150123.00 BUDI SANTOSO", "BUDI SANTOSO", nowUtc.AddDays(-20));
        var debit = new Mutation
        {
            Account = account, SourceId = "supplier", Description = "TRSF E-BANKING DB SUPPLIER RAHASIA", Counterparty = "SUPPLIER RAHASIA",
            Amount = 7_000_000m, Direction = Direction.Debit, BalanceAfter = Balance, TransactionTime = nowUtc.AddHours(-1), ReadTime = nowUtc,
        };
        db.Mutations.AddRange(budi, siti, old, debit);
        await db.SaveChangesAsync();
        var order = new Order
        {
            Reference = "INV-2026-0042", CustomerName = "Budi Santoso", WhatsApp = "0812-3456-7890", Amount = 150_000m, UniqueCode = 123,
            PayableAmount = 150_123m, AccountId = account.Id, CreatedAt = nowUtc.AddDays(-1), ExpiresAt = nowUtc.AddDays(1),
            Status = OrderStatus.Paid, MatchedMutationId = budi.Id, PaidAt = nowUtc,
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return new ProofSeed(budi.Id, siti.Id, debit.Id, old.Id, order.Id);
    }
}

internal static class ProofServices
{
    public static ProofOptions Options(int validDays = 30) => new() { ValidDays = validDays };

    public static ProofSigning Signing(TestDatabase test) => new(test, Microsoft.Extensions.Options.Options.Create(new ProofOptions()), test.Time);

    public static ProofCardQuery Cards(TestDatabase test, ProofSigning signing) => new(test,
        new BusinessSettings(test, Microsoft.Extensions.Options.Options.Create(new MootaDeskOptions { BusinessName = "Toko Kopi Nusantara" }), test.Time), signing, test.Time);

    public static IssueProofCommand Issue(TestDatabase test) => new(test, Microsoft.Extensions.Options.Options.Create(Options()), test.Time);

    public static PaymentSearch Search(TestDatabase test) => new(test, test.Clock, Microsoft.Extensions.Options.Options.Create(new ProofOptions()), test.Time);
}
