using Bunit;
using MudBlazor;
using Direction = MootaDesk.Core.Mutations.Direction;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Mutations;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>/mutasi/aturan on MudBlazor: Ops picks tags for a rule and saves it; a regex typo is said at the field and loses nothing.</summary>
public class RulesPageTests : MutationsPageContext
{
    [Fact]
    public async Task A_tag_picked_with_the_mouse_is_ticked_and_the_rule_saves_with_it()
    {
        await SignInAsync(Roles.Ops);
        var dp = await TagAsync(Test, "DP");
        var cod = await TagAsync(Test, "COD");
        var popovers = Render<MudPopoverProvider>();
        var page = Render<RulesPage>();

        page.Find("input[name=ruleName]").Input("Marketplace");
        page.Find("input[name=ruleContains]").Input("SHOPEE");
        page.Find("[data-testid=rule-tags]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-list-item").Count.ShouldBe(2));
        popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("DP")).Click();
        popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("COD")).Click();

        page.WaitForAssertion(() => page.Instance.Form.TagIds.Order().ShouldBe(new[] { dp.Id, cod.Id }.Order()));
        page.Find("[data-testid=rule-save]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=rule-row]").Count.ShouldBe(1));
        page.Find("[data-testid=rule-row]").TextContent.ShouldContain("DP, COD");
        var saved = (await new AutoTagRuleStore(Test, Test.Clock, new AutoTagRuleRunner(Test, Test.Clock)).ListAsync()).Single();
        saved.TagIds.Order().ShouldBe(new[] { dp.Id, cod.Id }.Order());
        page.Instance.Form.TagIds.ShouldBeEmpty("the form starts over for the next rule");
    }

    [Fact]
    public async Task A_regex_typo_says_pola_tidak_valid_at_the_pattern_and_keeps_the_form()
    {
        await SignInAsync(Roles.Ops);
        Render<MudPopoverProvider>();
        var page = Render<RulesPage>();

        page.Find("input[name=ruleName]").Input("Marketplace");
        page.Find("input[name=rulePattern]").Input("([A-Z");
        page.Find("[data-testid=rule-test]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=rule-error]").TextContent.ShouldContain("Pola tidak valid"));
        page.FindAll(".mud-input-helper-text.mud-input-error").ShouldContain(e => e.TextContent.Contains("Pola tidak valid"));
        page.Find("input[name=ruleName]").GetAttribute("value").ShouldBe("Marketplace");
        page.Find("input[name=rulePattern]").GetAttribute("value").ShouldBe("([A-Z");
        page.FindAll("[data-testid=rule-preview]").ShouldBeEmpty();

        // Saving the same typo is refused the same way; the form is still there to fix.
        page.Find("[data-testid=rule-save]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=rule-error]").TextContent.ShouldContain("Pola tidak valid"));
        page.FindAll("[data-testid=rule-row]").ShouldBeEmpty();
        page.Find("input[name=rulePattern]").GetAttribute("value").ShouldBe("([A-Z");
    }
}
