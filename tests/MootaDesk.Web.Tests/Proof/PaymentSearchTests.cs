using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Proof;

public class PaymentSearchTests
{
    private static readonly Viewer Cs = Viewer.ForRoles("cs", Roles.CS);
    private static readonly Viewer Finance = Viewer.ForRoles("fin", Roles.Finance);

    [Theory]
    [InlineData("150.123")]
    [InlineData("150123")]
    [InlineData("Rp150.123")]
    [InlineData("Rp 150.123,00")]
    public async Task Amounts_are_found_however_they_are_typed(string typed)
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var result = await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(Amount: typed), Cs);
        result.Hits.Select(h => h.MutationId).ShouldBe([seed.BudiCredit]);
    }

    [Fact]
    public async Task The_default_range_is_the_last_seven_days_in_WIB()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var result = await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(Amount: "150123"), Cs);
        result.To.ShouldBe(test.Clock.Today);
        result.From.ShouldBe(test.Clock.Today.AddDays(-6));
        result.Hits.ShouldNotContain(h => h.MutationId == seed.OldCredit);

        var wider = await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(Amount: "150123", From: test.Clock.Today.AddDays(-30)), Cs);
        wider.Hits.Select(h => h.MutationId).ShouldBe([seed.BudiCredit, seed.OldCredit]);
    }

    [Theory]
    [InlineData("budi santoso")]
    [InlineData("BUDI")]
    [InlineData("budi santosa")]
    [InlineData("Santos")]
    public async Task Sender_names_are_matched_despite_case_and_typos(string typed)
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var result = await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(Name: typed), Cs);
        result.Hits.Select(h => h.MutationId).ShouldBe([seed.BudiCredit]);
    }

    [Fact]
    public async Task Order_references_find_the_payment_through_the_matched_order_or_the_mutation()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var search = ProofServices.Search(test);

        var byOrder = await search.SearchAsync(new PaymentSearchCriteria(OrderReference: "inv-2026-0042"), Cs);
        var hit = byOrder.Hits.ShouldHaveSingleItem();
        hit.MutationId.ShouldBe(seed.BudiCredit);
        hit.OrderReference.ShouldBe("INV-2026-0042");
        hit.CustomerName.ShouldBe("Budi Santoso");

        (await search.SearchAsync(new PaymentSearchCriteria(OrderReference: "INV-77"), Cs)).Hits.ShouldHaveSingleItem().MutationId.ShouldBe(seed.SitiCredit);
        (await search.SearchAsync(new PaymentSearchCriteria(OrderReference: "INV-99"), Cs)).Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Results_are_credits_only_for_CS_and_for_everyone_else()
    {
        await using var test = await TestDatabase.CreateAsync();
        await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        foreach (var viewer in new[] { Cs, Finance, Viewer.ForRoles("owner", Roles.Owner) })
        {
            var all = await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(), viewer);
            all.Hits.Count.ShouldBe(2);
            (await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(Amount: "7.000.000"), viewer)).Hits.ShouldBeEmpty();
            (await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(Name: "supplier rahasia"), viewer)).Hits.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Results_show_the_masked_destination_never_the_full_number()
    {
        await using var test = await TestDatabase.CreateAsync();
        await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var result = await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(), Cs);
        result.Hits.ShouldAllBe(h => h.Destination == "BCA ••••0123");
    }

    [Fact]
    public async Task An_unreadable_amount_is_reported_not_ignored()
    {
        await using var test = await TestDatabase.CreateAsync();
        await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var result = await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(Amount: "seratus ribu"), Cs);
        result.AmountUnreadable.ShouldBeTrue();
        result.Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_credit_with_a_live_proof_says_so()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var issued = await ProofServices.Issue(test).IssueAsync(seed.BudiCredit, Cs, new("cs"), "app", reuseActive: true);
        var hit = (await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(Amount: "150123"), Cs)).Hits.ShouldHaveSingleItem();
        hit.ActiveProofId.ShouldBe(issued.ProofId);
    }

    [Theory]
    [InlineData("150.122", 1)]      // one rupiah short
    [InlineData("150.125", 2)]      // a few rupiah over
    [InlineData("150.000", 123)]    // the order's amount without its unique code
    public async Task An_amount_that_is_slightly_off_finds_nothing_exactly_but_names_the_nearest_credit(string typed, int difference)
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);

        var result = await ProofServices.Search(test).SearchAsync(new PaymentSearchCriteria(Amount: typed), Cs);

        result.Hits.ShouldBeEmpty();
        var nearest = result.Nearest.ShouldHaveSingleItem();
        nearest.MutationId.ShouldBe(seed.BudiCredit);
        Money.TryParse(typed, out var amount).ShouldBeTrue();
        Math.Abs(nearest.Amount - amount).ShouldBe(difference);
    }

    [Fact]
    public async Task The_nearest_amounts_are_credits_only_within_the_range_closest_first()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var search = ProofServices.Search(test);

        // The supplier's 7.000.000 debit is a rupiah away from this, and nobody (CS nor Finance) is offered it.
        foreach (var viewer in new[] { Cs, Finance })
            (await search.SearchAsync(new PaymentSearchCriteria(Amount: "7.000.001"), viewer)).Nearest.ShouldBeEmpty();
        // Far off: no hint at all rather than a random credit.
        (await search.SearchAsync(new PaymentSearchCriteria(Amount: "120.000"), Cs)).Nearest.ShouldBeEmpty();
        // An exact find gives no hint; a wider range brings the old transfer in, after the nearer one.
        (await search.SearchAsync(new PaymentSearchCriteria(Amount: "150.123"), Cs)).Nearest.ShouldBeEmpty();
        var wider = await search.SearchAsync(new PaymentSearchCriteria(Amount: "150.124", From: test.Clock.Today.AddDays(-30)), Cs);
        wider.Nearest.Select(h => h.MutationId).ShouldBe([seed.BudiCredit, seed.OldCredit]);
    }
}
