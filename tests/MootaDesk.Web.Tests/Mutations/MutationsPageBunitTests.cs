using Bunit;
using MudBlazor;
using Direction = MootaDesk.Core.Mutations.Direction;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Mutations;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>The Mutasi page rendered whole: Indonesian digit grouping in the count and the pager, bulk tagging with several tags at once.</summary>
public class MutationsPageBunitTests : MutationsPageContext
{
    [Fact]
    public async Task The_count_and_the_pager_group_thousands_the_Indonesian_way()
    {
        await SignInAsync(Roles.Ops);
        var account = await AccountAsync(Test);
        await using (var db = Test.CreateDbContext())
        {
            var start = Wib(2026, 11, 20, 8);
            for (var i = 0; i < 1_282; i++)
            {
                db.Mutations.Add(new Mutation
                {
                    AccountId = account.Id, SourceId = "m" + i, Source = MutationSource.Webhook, TransactionTime = start.AddMinutes(i), ReadTime = start.AddMinutes(i),
                    Description = "BI-FAST CR " + i, Amount = 10_000m + i, Direction = Direction.Credit,
                });
            }
            await db.SaveChangesAsync();
        }
        Render<MudPopoverProvider>();

        var page = Render<MutationsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=mutation-count]").TextContent.Trim().ShouldBe("1.282 mutasi"));
        page.WaitForAssertion(() => page.Find(".mud-table-pagination").TextContent.ShouldContain("1–50 dari 1.282", Case.Sensitive, page.Find(".mud-table-pagination").InnerHtml));
        page.Find(".mud-table-pagination").TextContent.ShouldNotContain("1,282");
    }

    [Fact]
    public async Task Two_rows_get_two_tags_in_one_bulk_action_with_an_undo()
    {
        await SignInAsync(Roles.Ops);
        var account = await AccountAsync(Test);
        await TagAsync(Test, "DP");
        await TagAsync(Test, "Penting");
        await MutationAsync(Test, account, Wib(2026, 11, 21, 8), 150_000m, counterparty: "BUDI");
        await MutationAsync(Test, account, Wib(2026, 11, 21, 9), 250_000m, counterparty: "SITI");
        var popovers = Render<MudPopoverProvider>();
        var page = Render<MutationsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=row-select]").Count.ShouldBe(2));

        page.FindAll("[data-testid=row-select]")[0].Change(true);
        page.FindAll("[data-testid=row-select]")[1].Change(true);
        page.WaitForAssertion(() => page.Find("[data-testid=selected-count]").TextContent.ShouldStartWith("2"));
        page.Find("[data-testid=bulk-tags]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-list-item").Count.ShouldBe(2));
        popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("DP")).Click();
        popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("Penting")).Click();
        page.WaitForAssertion(() => page.Find("[data-testid=bulk-add-tags]").HasAttribute("disabled").ShouldBeFalse());
        page.Find("[data-testid=bulk-add-tags]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=undo-toast]").TextContent.ShouldContain("2"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=mutation-grid] tbody tr").ShouldAllBe(r => r.TextContent.Contains("DP") && r.TextContent.Contains("Penting")));
    }
}
