using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Proof;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Proof;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Proof;

/// <summary>The proof log on MudBlazor: pages come from the server, and the search, page and rows per page live in the link.</summary>
public class ProofLogPageTests : PageTestContext
{
    protected override DateTimeOffset Now => TestTime.Start;

    /// <summary>Proofs for <paramref name="count"/> credits of the seeded account, one a minute, newest last.</summary>
    private async Task IssueAsync(int count)
    {
        var seed = await ProofSeed.CreateAsync(Test, Test.Clock.UtcNow);
        var issue = ProofServices.Issue(Test);
        var cs = Viewer.ForRoles("cs", Roles.CS);
        await using (var db = Test.CreateDbContext())
        {
            var account = db.Mutations.Where(m => m.Id == seed.BudiCredit).Select(m => m.AccountId).Single();
            for (var i = 0; i < count; i++)
                db.Mutations.Add(new Mutation
                {
                    AccountId = account, SourceId = "log-" + i, Description = "TRSF CR " + i, Amount = 10_000m + i, Direction = Direction.Credit,
                    TransactionTime = Test.Clock.UtcNow.AddMinutes(-i), ReadTime = Test.Clock.UtcNow,
                });
            await db.SaveChangesAsync();
        }
        await using var read = Test.CreateDbContext();
        foreach (var id in read.Mutations.Where(m => m.SourceId.StartsWith("log-")).OrderBy(m => m.Id).Select(m => m.Id).ToList())
        {
            await issue.IssueAsync(id, cs, new Actor("cs", "cs-id"), "app", reuseActive: true);
            Test.Time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task A_link_with_a_page_and_rows_per_page_opens_the_grid_there_from_the_server()
    {
        await IssueAsync(30);
        await SignInAsync("fina", Roles.Finance);

        var page = RenderAt<ProofLogPage>("bukti/log?hal=2&baris=25");

        page.WaitForAssertion(() => page.FindAll("tr.proof-log-row").Count.ShouldBe(5));
        // Newest first: the second page of 25 holds the five oldest proofs.
        page.Find("[data-testid=proof-log]").TextContent.ShouldContain("Rp 10.000");
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.Uri.ShouldContain("hal=2");
        nav.Uri.ShouldContain("baris=25");
    }

    [Fact]
    public async Task The_search_is_applied_on_the_server_and_kept_in_the_link()
    {
        await IssueAsync(3);
        await SignInAsync("fina", Roles.Finance);
        var page = RenderAt<ProofLogPage>("bukti/log");
        page.WaitForAssertion(() => page.FindAll("tr.proof-log-row").Count.ShouldBe(3));
        var code = page.FindAll("[data-testid=proof-log-code]")[1].TextContent.Trim();

        page.Find("#log-filter").Change(code.ToLowerInvariant().Replace("-", ""));
        page.Find("form.proof-log-filter").Submit();

        page.WaitForAssertion(() => page.FindAll("tr.proof-log-row").Count.ShouldBe(1));
        page.Find("tr.proof-log-row").TextContent.ShouldContain(code);
        page.Find("[data-testid=log-history]").TextContent.ShouldContain("dibuat");
        Services.GetRequiredService<NavigationManager>().Uri.ShouldContain("q=");
    }

    [Theory]
    [InlineData(null, null, 0, 50)]
    [InlineData(3, 25, 2, 25)]
    [InlineData(0, 51, 0, 50)]
    [InlineData(-4, 10_000, 0, 50)]
    public void A_link_s_page_and_rows_open_the_grid_there_or_at_the_start(int? page, int? size, int expectedPage, int expectedSize) =>
        GridLink.Position(page, size, 50).ShouldBe((expectedPage, expectedSize));

    [Fact]
    public void The_link_leaves_out_the_first_page_and_the_default_rows()
    {
        var link = new GridLink(50);
        link.Query(0, 50).ShouldAllBe(p => p.Value == null);
        link.Query(2, 100).ShouldBe(new KeyValuePair<string, object?>[] { new("hal", 3), new("baris", 100) });
    }
}
