using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Search;
using MootaDesk.Core.Proof;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform.Search;

/// <summary>The app bar's search on real SQLite with the migrations: grouped, newest first, and each group as the matrix allows.</summary>
public class AppSearchTests
{
    private static readonly Viewer Finance = Viewer.ForRoles("fina", Roles.Finance);
    private static readonly Viewer Cs = Viewer.ForRoles("cs", Roles.CS);
    private static readonly Viewer Ops = Viewer.ForRoles("ops", Roles.Ops);

    /// <summary>
    /// Hendra paid order INV-0042 (Rp 150.123, proof K7QX-3M9P); the shop paid PT Hendra Kain Rp 2.000.000 (a debit); Hendra has a
    /// second, pending order; a demo transfer from Hendra sits in the sandbox.
    /// </summary>
    private static async Task<(TestDatabase Test, AppSearch Search)> StoreAsync()
    {
        var test = await TestDatabase.CreateAsync();
        var now = test.Clock.UtcNow;
        await using var db = test.CreateDbContext();
        var account = new Account { BankCode = "bca", AccountNumber = "0123456789", Label = "BCA Toko", CreatedAt = now };
        var sandbox = new Account { BankCode = "bca", AccountNumber = "9999", Label = "BCA Demo", CreatedAt = now, IsSandbox = true };
        var credit = new Mutation { Account = account, SourceId = "c1", Description = "TRSF E-BANKING CR 2111 HENDRA SAPUTRA", Counterparty = "HENDRA SAPUTRA",
            Amount = 150_123m, Direction = Direction.Credit, TransactionTime = now.AddHours(-2), ReadTime = now, OrderReference = "INV-0042" };
        var debit = new Mutation { Account = account, SourceId = "d1", Description = "TRSF E-BANKING DB PT HENDRA KAIN", Counterparty = "PT HENDRA KAIN",
            Amount = 2_000_000m, Direction = Direction.Debit, TransactionTime = now.AddHours(-1), ReadTime = now };
        var demo = new Mutation { Account = sandbox, SourceId = "s1", Description = "SANDBOX TRANSFER HENDRA SAPUTRA", Counterparty = "HENDRA SAPUTRA",
            Amount = 75_000m, Direction = Direction.Credit, TransactionTime = now.AddMinutes(-5), ReadTime = now, IsSandbox = true };
        db.Mutations.AddRange(credit, debit, demo);
        await db.SaveChangesAsync();
        var paid = new Order { Reference = "INV-0042", CustomerName = "Hendra Saputra", WhatsApp = "6281234567890", Amount = 150_000m, UniqueCode = 123,
            PayableAmount = 150_123m, AccountId = account.Id, CreatedAt = now.AddDays(-1), ExpiresAt = now.AddDays(1), Status = OrderStatus.Paid, MatchedMutationId = credit.Id };
        var pending = new Order { Reference = "INV-0051", CustomerName = "Hendra Saputra", WhatsApp = "6281234567890", Amount = 80_000m, UniqueCode = 7,
            PayableAmount = 80_007m, AccountId = account.Id, CreatedAt = now.AddHours(-3), ExpiresAt = now.AddDays(1) };
        var other = new Order { Reference = "INV-0060", CustomerName = "Sari Wulandari", Amount = 50_000m, UniqueCode = 1, PayableAmount = 50_001m,
            AccountId = account.Id, CreatedAt = now.AddHours(-4), ExpiresAt = now.AddDays(1) };
        db.Orders.AddRange(paid, pending, other);
        await db.SaveChangesAsync();
        db.Proofs.Add(new PaymentProof { MutationId = credit.Id, OrderId = paid.Id, VerificationCode = "K7QX-3M9P", TokenId = "t1", CreatedAt = now, CreatedBy = "cs",
            ExpiresAt = now.AddDays(30) });
        await db.SaveChangesAsync();
        return (test, new AppSearch(test, test.Clock));
    }

    [Fact]
    public async Task One_name_finds_the_mutations_orders_customer_and_proof_grouped_with_words_in_any_order()
    {
        var (test, search) = await StoreAsync();
        await using var _ = test;

        var r = await search.SearchAsync("saputra hendra", Finance);

        r.Mutations.Select(m => m.Counterparty).ShouldBe(["HENDRA SAPUTRA", "HENDRA SAPUTRA"]); // the demo transfer first: newest
        r.Mutations[0].IsSandbox.ShouldBeTrue();
        r.Orders.Select(o => o.Reference).ShouldBe(["INV-0051", "INV-0042"]);
        r.Customers.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Name.ShouldBe("Hendra Saputra"), c => c.Orders.ShouldBe(2));
        r.Proofs.ShouldHaveSingleItem().Code.ShouldBe("K7QX-3M9P");
    }

    [Fact]
    public async Task CS_finds_credits_but_never_a_debit_while_Finance_finds_both()
    {
        var (test, search) = await StoreAsync();
        await using var _ = test;

        (await search.SearchAsync("hendra", Finance)).Mutations.ShouldContain(m => m.Direction == Direction.Debit);
        var cs = await search.SearchAsync("hendra", Cs);
        cs.Mutations.ShouldNotBeEmpty();
        cs.Mutations.ShouldAllBe(m => m.Direction == Direction.Credit);
        (await search.SearchAsync("2.000.000", Cs)).Mutations.ShouldBeEmpty();
        (await search.SearchAsync("PT HENDRA KAIN", Cs)).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Each_group_follows_the_permission_matrix_Ops_gets_no_proofs()
    {
        var (test, search) = await StoreAsync();
        await using var _ = test;

        var ops = await search.SearchAsync("hendra", Ops);
        ops.Mutations.ShouldNotBeEmpty();
        ops.Orders.ShouldNotBeEmpty();
        ops.Proofs.ShouldBeEmpty();
        (await search.SearchAsync("hendra", Cs)).Proofs.ShouldNotBeEmpty();
        (await search.SearchAsync("hendra", Viewer.Nobody("gone"))).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task An_amount_as_people_write_it_finds_the_mutation_the_order_and_the_proof()
    {
        var (test, search) = await StoreAsync();
        await using var _ = test;

        var r = await search.SearchAsync("Rp 150.123", Finance);

        r.Mutations.ShouldHaveSingleItem().Amount.ShouldBe(150_123m);
        r.Orders.ShouldHaveSingleItem().Reference.ShouldBe("INV-0042");
        r.Proofs.ShouldHaveSingleItem().Amount.ShouldBe(150_123m);
    }

    [Fact]
    public async Task A_proof_code_typed_loosely_and_an_order_reference_are_found()
    {
        var (test, search) = await StoreAsync();
        await using var _ = test;

        (await search.SearchAsync("k7qx 3m9p", Cs)).Proofs.ShouldHaveSingleItem().OrderReference.ShouldBe("INV-0042");
        var byReference = await search.SearchAsync("inv-0060", Cs);
        byReference.Orders.ShouldHaveSingleItem().CustomerName.ShouldBe("Sari Wulandari");
        byReference.Customers.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" h ")]
    [InlineData(null)]
    public async Task Text_too_short_to_mean_anything_finds_nothing(string? text)
    {
        var (test, search) = await StoreAsync();
        await using var _ = test;

        (await search.SearchAsync(text, Finance)).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Like_wildcards_are_taken_literally()
    {
        var (test, search) = await StoreAsync();
        await using var _ = test;

        (await search.SearchAsync("%%", Finance)).IsEmpty.ShouldBeTrue();
        (await search.SearchAsync("INV_00", Finance)).Orders.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("150.123", true)]
    [InlineData("Rp 1.500.000", true)]
    [InlineData("INV-0042", false)]
    [InlineData("hendra", false)]
    public void Only_digits_with_separators_read_as_an_amount(string text, bool amount) =>
        AppSearch.LooksLikeAmount(text).ShouldBe(amount);
}
