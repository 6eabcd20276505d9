using MootaDesk.Core.Integrations.Notifications;

namespace MootaDesk.Core.Tests.Integrations.Notifications;

/// <summary>The table's own consistency: a mistake in a row must fail here, not in a shop's inbox.</summary>
public class NotificationParserTableTests
{
    private static readonly IReadOnlyList<NotificationParserEntry> Entries = NotificationParserTable.Entries;

    [Fact]
    public void The_issues_eleven_banks_and_wallets_are_all_in_the_table_with_moota_compatible_codes() =>
        Entries.Select(e => e.BankCode).Distinct().Order().ShouldBe(["bca", "bni", "bri", "bsi", "dana", "gojek", "jago", "mandiri", "ovo", "seabank", "shopeepay"]);

    [Fact]
    public void Every_app_recognises_money_in_and_money_out()
    {
        foreach (var entry in Entries)
        {
            entry.Rules.ShouldContain(r => r.Outcome == RuleOutcome.Credit, entry.Id);
            entry.Rules.ShouldContain(r => r.Outcome == RuleOutcome.Debit, entry.Id);
        }
    }

    [Fact]
    public void Ids_packages_app_names_and_rule_names_are_unique()
    {
        Entries.Select(e => e.Id).ShouldBeUnique();
        Entries.SelectMany(e => e.Packages).Select(p => p.ToLowerInvariant()).ShouldBeUnique();
        Entries.SelectMany(e => e.AppNames).Select(p => p.ToLowerInvariant()).ShouldBeUnique();
        foreach (var entry in Entries) entry.Rules.Select(r => r.Name).ShouldBeUnique(entry.Id);
    }

    [Fact]
    public void Every_transaction_rule_captures_an_amount_and_only_fields_the_engine_reads()
    {
        foreach (var (entry, rule) in Entries.SelectMany(e => e.Rules.Select(r => (e, r))))
        {
            var groups = rule.Regex.GetGroupNames().Where(g => !int.TryParse(g, out _)).ToList();
            groups.ShouldAllBe(g => NotificationRule.Fields.Contains(g), $"{entry.Id}/{rule.Name}");
            if (rule.Outcome != RuleOutcome.NotATransaction) groups.ShouldContain("amount", $"{entry.Id}/{rule.Name}");
        }
    }

    [Fact]
    public void Packages_look_like_android_application_ids() =>
        Entries.SelectMany(e => e.Packages).ShouldAllBe(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$"));
}
