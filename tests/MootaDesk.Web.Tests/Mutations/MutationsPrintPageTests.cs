using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Direction = MootaDesk.Core.Mutations.Direction;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Mutations;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>Mutasi on paper: the filter in words, the business zone, the filtered rows and their totals, the viewer's scope kept.</summary>
public class MutationsPrintPageTests : MutationsPageContext
{
    [Fact]
    public async Task The_printout_names_the_filter_in_words_and_prints_only_the_filtered_rows_with_their_total()
    {
        await SignInAsync(Roles.Finance);
        var account = await AccountAsync(Test);
        var dp = await TagAsync(Test, "DP");
        await MutationAsync(Test, account, Wib(2026, 11, 21, 8), 150_000m, counterparty: "BUDI", tags: [dp.Id]);
        await MutationAsync(Test, account, Wib(2026, 11, 21, 9), 1_250_000m, counterparty: "SITI", tags: [dp.Id]);
        await MutationAsync(Test, account, Wib(2026, 11, 21, 10), 99_000m, counterparty: "ANDI");
        Services.GetRequiredService<NavigationManager>().NavigateTo("mutasi/cetak?tag=" + dp.Id);
        Render<MudPopoverProvider>();

        var page = Render<MutationsPrintPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=print-row]").Count.ShouldBe(2));
        page.Find("[data-testid=print-filter]").TextContent.ShouldContain("Tag (salah satu): DP");
        page.Find("[data-testid=print-filter]").TextContent.ShouldNotContain("tag=");
        page.Find("[data-testid=print-table] thead").TextContent.ShouldContain("WIB");
        page.Find("[data-testid=print-totals]").TextContent.ShouldContain("Rp 1.400.000");
        page.Find("[data-testid=print-count]").TextContent.ShouldContain("2 mutasi");
        page.Find("[data-testid=print-now]").GetAttribute("data-md-action").ShouldBe("print");
        page.Markup.ShouldNotContain("ANDI");
    }

    [Fact]
    public async Task CS_prints_credits_without_a_debit_or_balance_column()
    {
        await SignInAsync(Roles.CS, "cs");
        var account = await AccountAsync(Test);
        await MutationAsync(Test, account, Wib(2026, 11, 21, 8), 150_000m, counterparty: "BUDI");
        await MutationAsync(Test, account, Wib(2026, 11, 21, 9), 7_000_000m, Direction.Debit, counterparty: "PT SUMBER");
        Render<MudPopoverProvider>();

        var page = Render<MutationsPrintPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=print-row]").Count.ShouldBe(1));
        var head = page.Find("[data-testid=print-table] thead").TextContent;
        head.ShouldNotContain("Debit");
        head.ShouldNotContain("Saldo");
        page.Markup.ShouldNotContain("PT SUMBER");
        page.Markup.ShouldNotContain("10.000.000");
    }
}
