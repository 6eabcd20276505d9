using Bunit;
using MudBlazor;
using Direction = MootaDesk.Core.Mutations.Direction;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Mutations;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>The cross-source duplicates review on MudBlazor: a group with the rows side by side, merged after a confirmation.</summary>
public class DuplicatesPageTests : MutationsPageContext
{
    [Fact]
    public async Task Nothing_to_review_says_so()
    {
        await SignInAsync(Roles.Finance);
        Render<MudPopoverProvider>();
        var page = Render<DuplicatesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=duplicates-none]"));
    }

    [Fact]
    public async Task A_second_copy_of_a_Moota_id_is_shown_and_merged_after_Ya()
    {
        await SignInAsync(Roles.Finance);
        var account = await AccountAsync(Test);
        var first = await MutationAsync(Test, account, Wib(2026, 11, 21, 8), 150_000m);
        var copy = await MutationAsync(Test, account, Wib(2026, 11, 21, 8), 150_000m, source: MutationSource.Api);
        await using (var db = Test.CreateDbContext())
        {
            var kept = await db.Mutations.FindAsync(first);
            var other = await db.Mutations.FindAsync(copy);
            kept!.MootaMutationId = "moota-1";
            other!.SourceId = "moota-1";
            await db.SaveChangesAsync();
        }
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<DuplicatesPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=duplicate-group]").Count.ShouldBe(1));
        page.FindAll("[data-testid=duplicate-row]").Count.ShouldBe(2);
        page.Find("[data-testid=duplicates-summary]").TextContent.ShouldContain("Rp 150.000");

        page.Find("[data-testid=duplicate-merge]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").ShouldContain(b => b.TextContent.Trim() == "Ya"));
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Ya").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=duplicates-none]"));
        page.FindAll("[data-testid=merge-history-row]").Count.ShouldBe(1);
    }
}
