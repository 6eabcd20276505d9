using Bunit;
using MudBlazor;
using Direction = MootaDesk.Core.Mutations.Direction;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Mutations;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>The tag glossary on MudBlazor: warnings before a tag repeats another, and a read-only glossary for CS.</summary>
public class TagsPageTests : MutationsPageContext
{
    [Fact]
    public async Task A_new_tag_repeating_another_s_meaning_is_warned_and_saved_only_when_confirmed()
    {
        await SignInAsync(Roles.Ops);
        await new TagCatalog(Test, Test.Clock).CreateAsync("Refund", "#dc2626", "Uang dikembalikan ke pelanggan", false, MutationsTestData.Ops, new Actor("ops"));
        Render<MudPopoverProvider>();
        var page = Render<TagsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=glossary-row]").Count.ShouldBe(1));

        page.Find("input[name=tagName]").Input("Retur");
        page.Find("input[name=tagMeaning]").Input("uang dikembalikan ke pelanggan");
        page.Find("[data-testid=tag-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=tag-warning]").TextContent.ShouldContain("Artinya sama dengan tag yang sudah ada: Refund"));
        page.FindAll("[data-testid=glossary-row]").Count.ShouldBe(1);
        page.Find("input[name=tagName]").GetAttribute("value").ShouldBe("Retur");

        page.Find("[data-testid=tag-save-anyway]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=glossary-row]").Count.ShouldBe(2));
        page.FindAll("[data-testid=tag-warning]").ShouldBeEmpty();
        page.Find("[data-testid=glossary]").TextContent.ShouldContain("Retur");
    }

    [Fact]
    public async Task CS_reads_the_glossary_without_the_form_to_change_it()
    {
        await SignInAsync(Roles.CS, "cs");
        await MutationsTestData.TagAsync(Test, "DP");
        Render<MudPopoverProvider>();
        var page = Render<TagsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=glossary-row]").Count.ShouldBe(1));
        page.FindAll("[data-testid=tag-form]").ShouldBeEmpty();
        page.Markup.ShouldNotContain("Gabungkan");
    }
}
