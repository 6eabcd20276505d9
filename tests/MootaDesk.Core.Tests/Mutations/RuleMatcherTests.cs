using System.Diagnostics;
using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Tests.Mutations;

public class RuleMatcherTests
{
    private static AutoTagRule Rule(int id, Action<AutoTagRule> set)
    {
        var r = new AutoTagRule { Id = id, Name = "r" + id, Position = id, CreatedBy = "ops" };
        set(r);
        return r;
    }

    private static RuleSubject Subject(string description, decimal amount = 100_000m, Direction direction = Direction.Credit, string? counterparty = null, int account = 1) =>
        new(1, description, counterparty, amount, direction, account);

    [Fact]
    public void Every_condition_that_is_set_must_hold()
    {
        var m = new RuleMatcher(Rule(1, r => { r.DescriptionContains = "bi-fast"; r.AmountMin = 50_000m; r.AmountMax = 200_000m; r.Direction = Direction.Credit; r.AccountId = 1; r.CounterpartyContains = "budi"; }));
        m.Match(Subject("BI-FAST CR BUDI", counterparty: "BUDI SANTOSO")).ShouldBe(RuleMatch.Yes);
        m.Match(Subject("BI-FAST CR BUDI", amount: 300_000m, counterparty: "BUDI SANTOSO")).ShouldBe(RuleMatch.No);
        m.Match(Subject("BI-FAST CR BUDI", direction: Direction.Debit, counterparty: "BUDI SANTOSO")).ShouldBe(RuleMatch.No);
        m.Match(Subject("BI-FAST CR BUDI", counterparty: "SITI")).ShouldBe(RuleMatch.No);
        m.Match(Subject("BI-FAST CR BUDI", counterparty: "BUDI", account: 2)).ShouldBe(RuleMatch.No);
        m.Match(Subject("QRIS", counterparty: "BUDI")).ShouldBe(RuleMatch.No);
    }

    [Fact]
    public void A_runaway_regex_times_out_instead_of_stalling()
    {
        var m = new RuleMatcher(Rule(1, r => r.DescriptionPattern = "^(a+)+$"), TimeSpan.FromMilliseconds(50));
        var sw = Stopwatch.StartNew();
        m.Match(Subject(new string('a', 40) + "!")).ShouldBe(RuleMatch.TimedOut);
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        m.Match(Subject("aaaa")).ShouldBe(RuleMatch.Yes);
    }

    [Fact]
    public void A_bad_pattern_is_reported_before_saving()
    {
        RuleMatcher.PatternError("([a-z]").ShouldNotBeNull();
        RuleMatcher.PatternError("^TRSF .*CR$").ShouldBeNull();
    }

    [Fact]
    public void Rules_run_in_order_first_status_wins_and_stop_ends_the_run()
    {
        var rules = new[]
        {
            new RuleMatcher(Rule(1, r => { r.DescriptionContains = "refund"; r.AddTagIds = "10"; r.SetStatus = ReconciliationStatus.NeedsAttention; })),
            new RuleMatcher(Rule(2, r => { r.DescriptionContains = "refund"; r.AddTagIds = "11"; r.SetStatus = ReconciliationStatus.Resolved; r.StopAfterMatch = true; })),
            new RuleMatcher(Rule(3, r => { r.DescriptionContains = "refund"; r.AddTagIds = "12"; })),
        };
        var outcome = AutoTagRuleRunner.Evaluate(rules, Subject("REFUND ORDER 12"), new HashSet<int>(), ReconciliationStatus.New);
        outcome.TagsToAdd.ShouldBe([10, 11]);
        outcome.NewStatus.ShouldBe(ReconciliationStatus.NeedsAttention);
        outcome.MatchedRuleIds.ShouldBe([1, 2]);
    }

    [Fact]
    public void Evaluating_again_after_applying_changes_nothing()
    {
        var rules = new[] { new RuleMatcher(Rule(1, r => { r.DescriptionContains = "gaji"; r.AddTagIds = "4"; r.SetStatus = ReconciliationStatus.Resolved; })) };
        var again = AutoTagRuleRunner.Evaluate(rules, Subject("GAJI NOV"), new HashSet<int> { 4 }, ReconciliationStatus.Resolved);
        again.TagsToAdd.ShouldBeEmpty();
        again.NewStatus.ShouldBeNull();
    }
}
