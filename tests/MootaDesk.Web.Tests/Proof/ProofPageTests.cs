using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Proof;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Proof;

/// <summary>Cek pembayaran on MudBlazor, as CS uses it: search by amount, the nearest-amount hint, one click to the proof.</summary>
public class ProofPageTests : PageTestContext
{
    protected override DateTimeOffset Now => TestTime.Start;

    private IRenderedComponent<ProofPage> Search(string amount)
    {
        var page = RenderPage<ProofPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=proof-result-summary]"));
        page.Find("#search-amount").Change(amount);
        page.Find("[data-testid=proof-search]").Submit();
        return page;
    }

    [Fact]
    public async Task An_amount_off_by_one_rupiah_shows_the_nearest_credit_and_one_click_opens_its_proof()
    {
        var seed = await ProofSeed.CreateAsync(Test, Test.Clock.UtcNow);
        await SignInAsync("cs", Roles.CS);

        var page = Search("150.122");

        page.WaitForAssertion(() => page.Find("[data-testid=proof-nearest]").TextContent.ShouldContain("Tidak ada yang persis Rp 150.122"));
        page.Find("[data-testid=proof-no-results]");
        var hint = page.Find("[data-testid=proof-nearest-hit]");
        hint.GetAttribute("data-mutation-id").ShouldBe(seed.BudiCredit.ToString());
        hint.TextContent.ShouldContain("Rp 150.123");
        hint.TextContent.ShouldContain("selisih Rp 1");
        hint.TextContent.ShouldContain("BUDI SANTOSO");

        hint.QuerySelector("[data-testid=open-proof]")!.Click();

        var nav = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => new Uri(nav.Uri).AbsolutePath.ShouldMatch(@"^/bukti/\d+$"));
    }

    [Fact]
    public async Task CS_is_never_offered_a_debit_as_the_nearest_amount()
    {
        await ProofSeed.CreateAsync(Test, Test.Clock.UtcNow);
        await SignInAsync("cs", Roles.CS);

        var page = Search("7.000.001");

        page.WaitForAssertion(() => page.Find("[data-testid=proof-no-results]"));
        page.FindAll("[data-testid=proof-nearest]").ShouldBeEmpty();
        page.Markup.ShouldNotContain("SUPPLIER RAHASIA");
        page.Markup.ShouldNotContain("7.000.000");
    }

    [Fact]
    public async Task An_unreadable_amount_says_how_to_write_it_and_keeps_what_was_typed()
    {
        await ProofSeed.CreateAsync(Test, Test.Clock.UtcNow);
        await SignInAsync("cs", Roles.CS);

        var page = Search("seratus ribu");

        page.WaitForAssertion(() => page.Find("[data-testid=proof-error]").TextContent.ShouldContain("tidak terbaca"));
        page.Find("#search-amount").GetAttribute("value").ShouldBe("seratus ribu");
    }

    [Fact]
    public async Task The_exact_amount_lists_the_payment_with_its_masked_account_and_order()
    {
        await ProofSeed.CreateAsync(Test, Test.Clock.UtcNow);
        await SignInAsync("cs", Roles.CS);

        var page = Search("150123");

        page.WaitForAssertion(() => page.FindAll("[data-testid=proof-results] tbody tr").Count.ShouldBe(1));
        var row = page.Find("[data-testid=proof-results] tbody tr");
        row.TextContent.ShouldContain("+Rp 150.123");
        row.TextContent.ShouldContain("BCA ••••0123");
        row.TextContent.ShouldContain("INV-2026-0042");
        row.TextContent.ShouldNotContain(ProofSeed.FullAccountNumber);
        page.FindAll("[data-testid=proof-nearest]").ShouldBeEmpty();
    }
}
