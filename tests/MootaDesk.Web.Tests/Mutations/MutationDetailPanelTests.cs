using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Direction = MootaDesk.Core.Mutations.Direction;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Mutations;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>The mutation's side sheet on MudBlazor: "Riwayat perubahan" reads as sentences, and tags are added and removed there.</summary>
public class MutationDetailPanelTests : MutationsPageContext
{
    [Fact]
    public async Task The_change_history_says_who_when_and_what_in_words_never_JSON()
    {
        await SignInAsync(Roles.Finance, "sari");
        var account = await AccountAsync(Test);
        var dp = await TagAsync(Test, "DP");
        var cod = await TagAsync(Test, "COD");
        var id = await MutationAsync(Test, account, Wib(2026, 11, 21, 8), 150_000m);
        var commands = new TagMutationsCommand(Test, Test.Clock);
        var sari = new Actor("sari", "u-sari");
        await commands.AddTagsAsync([id], [dp.Id, cod.Id], Finance, sari);
        await commands.RemoveTagsAsync([id], [cod.Id], Finance, sari);
        await commands.AddNoteAsync([id], "x", Finance, sari);
        long noteId;
        await using (var db = Test.CreateDbContext()) noteId = await db.MutationNotes.Where(n => n.MutationId == id).Select(n => n.Id).SingleAsync();
        await commands.EditNoteAsync(noteId, "y", Finance, sari);
        await commands.SetStatusAsync([id], ReconciliationStatus.Matched, Finance, sari);
        Render<MudPopoverProvider>();

        var panel = Render<MutationDetailPanel>(p => p.Add(x => x.MutationId, id));

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=history-entry]").Count.ShouldBe(5));
        var history = panel.Find("[data-testid=timeline]").TextContent;
        history.ShouldContain("Catatan: “x” → “y”");
        history.ShouldContain("Tag ditambah: DP, COD");
        history.ShouldContain("Tag dilepas: COD");
        history.ShouldContain("Status: Baru → Cocok");
        history.ShouldContain("sari");
        history.ShouldContain("WIB");
        history.ShouldNotContain("{");
        history.ShouldNotContain("\"tags\"");
    }

    [Fact]
    public async Task A_tag_is_added_from_the_sheet_and_the_page_hears_of_it_for_its_undo()
    {
        await SignInAsync(Roles.Finance, "sari");
        var account = await AccountAsync(Test);
        await TagAsync(Test, "DP");
        var id = await MutationAsync(Test, account, Wib(2026, 11, 21, 8), 150_000m);
        var popovers = Render<MudPopoverProvider>();
        var told = new List<string>();
        var panel = Render<MutationDetailPanel>(p => p.Add(x => x.MutationId, id)
            .Add(x => x.OnChanged, ((MutationChange Change, string Message) c) => told.Add(c.Message)));
        panel.WaitForAssertion(() => panel.Find("[data-testid=mutation-detail]"));

        panel.Find("[data-testid=detail-tag-pick]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-list-item").Count.ShouldBe(1));
        popovers.Find(".mud-popover-open .mud-list-item").Click();
        panel.WaitForAssertion(() => panel.Find("[data-testid=detail-add-tag]").HasAttribute("disabled").ShouldBeFalse());
        panel.Find("[data-testid=detail-add-tag]").Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=detail-tags]").TextContent.ShouldContain("DP"));
        told.ShouldHaveSingleItem().ShouldContain("1");
        panel.Find("[data-testid=timeline]").TextContent.ShouldContain("Tag ditambah: DP");
    }

    [Fact]
    public async Task A_mutation_outside_the_viewer_s_scope_is_not_found_rather_than_shown()
    {
        await SignInAsync(Roles.CS, "cs");
        var account = await AccountAsync(Test);
        var debit = await MutationAsync(Test, account, Wib(2026, 11, 21, 8), 7_000_000m, Direction.Debit);
        Render<MudPopoverProvider>();

        var panel = Render<MutationDetailPanel>(p => p.Add(x => x.MutationId, debit));

        panel.WaitForAssertion(() => panel.Find("[data-testid=detail-not-found]"));
        panel.Markup.ShouldNotContain("7.000.000");
    }
}
