using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

public class RulesAndViewsTests
{
    private static IncomingMutation Incoming(string id, string description, decimal amount, Direction direction = Direction.Credit) => new()
    {
        Source = MutationSource.Webhook, SourceId = id, Account = new IncomingAccount("acc-1", "bca", "0123456789"),
        TransactionTimeUtc = new DateTime(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc), Description = description, Amount = amount, Direction = direction,
    };

    [Fact]
    public async Task Rules_tag_every_new_mutation_at_ingest_and_running_them_again_changes_nothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var gaji = await TagAsync(test, "Gaji");
        var penting = await TagAsync(test, "Penting");
        var runner = new AutoTagRuleRunner(test, test.Clock);
        var store = new AutoTagRuleStore(test, test.Clock, runner);
        await store.SaveAsync(new RuleInput { Name = "Gaji", DescriptionPattern = @"^TRSF .*GAJI", Direction = Direction.Debit, TagIds = [gaji.Id], SetStatus = ReconciliationStatus.Resolved }, Ops, new Actor("ops"));
        await store.SaveAsync(new RuleInput { Name = "Besar", AmountMin = 5_000_000m, TagIds = [penting.Id] }, Ops, new Actor("ops"));

        var ingestor = new MutationIngestor(test, test.Clock, [runner], NullLogger<MutationIngestor>.Instance);
        var result = await ingestor.IngestAsync([
            Incoming("a", "TRSF E-BANKING DB GAJI NOV", 6_000_000m, Direction.Debit),
            Incoming("b", "BI-FAST CR BUDI", 150_000m),
        ], Actor.System);

        await using (var db = test.CreateDbContext())
        {
            var a = await db.Mutations.Include(m => m.Tags).SingleAsync(m => m.SourceId == "a");
            a.Tags.Select(t => t.TagId).Order().ShouldBe(new[] { gaji.Id, penting.Id }.Order());
            a.Status.ShouldBe(ReconciliationStatus.Resolved);
            (await db.Mutations.Include(m => m.Tags).SingleAsync(m => m.SourceId == "b")).Tags.ShouldBeEmpty();
            (await db.AuditEvents.CountAsync(e => e.Action == "rule.apply")).ShouldBe(1);
        }

        (await runner.ApplyAsync(result.NewMutationIds, Actor.System)).ShouldBe(0);
        await using var again = test.CreateDbContext();
        (await again.AuditEvents.CountAsync(e => e.Action == "rule.apply")).ShouldBe(1);
        (await again.MutationTags.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_rule_without_a_condition_or_with_a_broken_pattern_is_refused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var tag = await TagAsync(test, "DP");
        var store = new AutoTagRuleStore(test, test.Clock, new AutoTagRuleRunner(test, test.Clock));
        (await Should.ThrowAsync<MutationChangeRefused>(() => store.SaveAsync(new RuleInput { Name = "x", TagIds = [tag.Id] }, Ops, new Actor("ops")))).MessageKey.ShouldBe("Rule.Error.NoCondition");
        (await Should.ThrowAsync<MutationChangeRefused>(() => store.SaveAsync(new RuleInput { Name = "x", DescriptionPattern = "([", TagIds = [tag.Id] }, Ops, new Actor("ops")))).MessageKey.ShouldBe("Rule.Error.Pattern");
        await Should.ThrowAsync<MutationChangeRefused>(() => store.SaveAsync(new RuleInput { Name = "x", DescriptionContains = "DP", TagIds = [tag.Id] }, Finance, FinanceActor));
    }

    [Fact]
    public async Task Testing_a_rule_with_a_regex_typo_and_no_tag_yet_is_refused_as_an_invalid_pattern_not_a_crash()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new AutoTagRuleStore(test, test.Clock, new AutoTagRuleRunner(test, test.Clock));
        var input = new RuleInput { Name = "Marketplace", DescriptionPattern = "([A-Z" };
        (await Should.ThrowAsync<MutationChangeRefused>(() => store.PreviewAsync(input, Ops))).MessageKey.ShouldBe("Rule.Error.Pattern");
        AutoTagRuleStore.Validate(input).ShouldNotBeNull().Detail.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_preview_shows_what_a_rule_would_match_in_the_last_90_days_without_changing_anything()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var tag = await TagAsync(test, "Marketplace");
        await MutationAsync(test, a, test.Clock.UtcNow.AddDays(-1), 5_000_000m, description: "MCM InhouseTrf TOKOPEDIA");
        await MutationAsync(test, a, test.Clock.UtcNow.AddDays(-2), 3_000_000m, description: "MCM InhouseTrf TOKOPEDIA", tags: [tag.Id]);
        await MutationAsync(test, a, test.Clock.UtcNow.AddDays(-120), 5_000_000m, description: "MCM InhouseTrf TOKOPEDIA");
        await MutationAsync(test, a, test.Clock.UtcNow.AddDays(-1), 5_000_000m, description: "QRIS BUDI");
        var store = new AutoTagRuleStore(test, test.Clock, new AutoTagRuleRunner(test, test.Clock));

        var preview = await store.PreviewAsync(new RuleInput { Name = "mp", DescriptionContains = "tokopedia", TagIds = [tag.Id] }, Ops);
        preview.Scanned.ShouldBe(3);
        preview.Matched.ShouldBe(2);
        preview.WouldChange.ShouldBe(1);
        preview.Sample.Count.ShouldBe(2);
        await using var db = test.CreateDbContext();
        (await db.MutationTags.CountAsync()).ShouldBe(1);
        (await db.AutoTagRules.CountAsync()).ShouldBe(0);
    }

    private static BusinessSettings Settings(TestDatabase test) =>
        new(test, Options.Create(new MootaDeskOptions { ImportantDebitThreshold = 5_000_000m }), test.Time);

    [Fact]
    public async Task The_five_default_views_are_seeded_once_and_the_important_debit_view_follows_the_threshold_setting()
    {
        await using var test = await TestDatabase.CreateAsync();
        var settings = Settings(test);
        var views = new SavedViewStore(test, test.Clock, settings);
        await views.EnsureDefaultsAsync();
        await views.EnsureDefaultsAsync();

        var list = await views.ListAsync(Finance);
        list.Count.ShouldBe(5);
        list.Select(v => v.Name).ShouldBe(["Refund", "Supplier", "Kredit tanpa catatan order hari ini", "Belum bertag", "Debit penting (≥ Rp 5.000.000)"]);
        list.ShouldAllBe(v => v.IsShared && v.IsBuiltIn && !v.CanDelete);
        MutationFilter.Parse(list[2].Query).ShouldBe(new MutationFilter { Preset = DatePreset.Today, Direction = Direction.Credit, WithoutOrderReference = true });

        await settings.SetAsync(BusinessSettings.ImportantDebitThresholdKey, "10000000", FinanceActor);
        var important = (await views.ListAsync(Finance)).Last();
        important.Name.ShouldBe("Debit penting (≥ Rp 10.000.000)");
        MutationFilter.Parse(important.Query).ShouldBe(new MutationFilter { Direction = Direction.Debit, AmountMin = 10_000_000m });
    }

    [Fact]
    public async Task A_personal_view_is_seen_only_by_its_owner_and_a_shared_one_by_everybody()
    {
        await using var test = await TestDatabase.CreateAsync();
        var views = new SavedViewStore(test, test.Clock, Settings(test));
        var filter = new MutationFilter { Direction = Direction.Credit, Text = "budi" };
        await views.SaveAsync("Punya saya", filter, shared: false, Finance, FinanceActor);
        await views.SaveAsync("Untuk tim", filter, shared: true, Finance, FinanceActor);

        (await views.ListAsync(Finance)).Select(v => v.Name).ShouldBe(["Untuk tim", "Punya saya"]);
        (await views.ListAsync(Ops)).Select(v => v.Name).ShouldBe(["Untuk tim"]);
        (await views.ListAsync(Finance)).First(v => v.Name == "Punya saya").Query.ShouldBe(filter.ToQueryString());
        var mine = (await views.ListAsync(Finance)).First(v => v.Name == "Punya saya");
        await Should.ThrowAsync<MutationChangeRefused>(() => views.DeleteAsync(mine.Id, Ops, new Actor("ops")));
        await views.DeleteAsync(mine.Id, Finance, FinanceActor);
        await using var db = test.CreateDbContext();
        (await db.AuditEvents.Select(e => e.Action).ToListAsync()).ShouldBe(["view.create", "view.create", "view.delete"]);
    }

    [Fact]
    public async Task Two_saved_views_cannot_share_a_name_in_the_same_list_and_the_refusal_names_it()
    {
        await using var test = await TestDatabase.CreateAsync();
        var views = new SavedViewStore(test, test.Clock, Settings(test));
        var filter = new MutationFilter { Text = "VA PAYMENT" };
        (await views.SaveAsync("VA masuk", filter, shared: true, Finance, FinanceActor)).IsRefused.ShouldBeFalse();

        // The same name ignoring case, spaces and punctuation, personal or shared: refused with a key, the form's text kept by the page.
        var again = await views.SaveAsync("  va   MASUK ", filter with { Direction = Direction.Credit }, shared: false, Finance, FinanceActor);
        again.Refusal.ShouldBe(Refusal.Of("View.Error.Exists", "VA masuk").About("name"));
        (await views.SaveAsync("VA-masuk", filter, shared: true, Ops, new Actor("ops"))).Refusal!.Key.ShouldBe("View.Error.Exists");
        // A built-in view's name is taken too.
        await views.EnsureDefaultsAsync();
        (await views.SaveAsync("Supplier", filter, shared: false, Finance, FinanceActor)).Refusal!.Key.ShouldBe("View.Error.Exists");
        (await views.SaveAsync("   ", filter, shared: false, Finance, FinanceActor)).Refusal!.Key.ShouldBe("View.Error.Name");

        // Another person's personal view is not in my list: the same name is mine to use.
        (await views.SaveAsync("Punya Ops", filter, shared: false, Ops, new Actor("ops"))).IsRefused.ShouldBeFalse();
        (await views.SaveAsync("Punya Ops", filter, shared: false, Finance, FinanceActor)).IsRefused.ShouldBeFalse();
        (await views.ListAsync(Finance)).Count(v => TagName.Normalize(v.Name) == "vamasuk").ShouldBe(1);
    }
}
