using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Proof;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Platform.Security;

/// <summary>Small leaks closed (glossary counts, timelines, the public proof card) and rules that cannot hurt ingest.</summary>
public class LeakAndRuleLimitTests
{
    private static IncomingMutation Incoming(string id, string description, decimal amount, Direction direction) => new()
    {
        Source = MutationSource.Webhook, SourceId = id, Account = new IncomingAccount("acc-1", "bca", "0123456789"),
        TransactionTimeUtc = new DateTime(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc), Description = description, Amount = amount, Direction = direction,
        BalanceAfter = 55_555_555m,
    };

    [Fact]
    public async Task The_glossary_counts_only_credits_for_CS()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var gaji = await TagAsync(test, "Gaji");
        for (var i = 0; i < 3; i++) await MutationAsync(test, a, test.Clock.UtcNow, 4_000_000m, Direction.Debit, tags: [gaji.Id]);
        await MutationAsync(test, a, test.Clock.UtcNow, 150_000m, Direction.Credit, tags: [gaji.Id]);
        var catalog = new TagCatalog(test, test.Clock);
        (await catalog.ListAsync(Cs)).Single().Uses.ShouldBe(1);
        (await catalog.ListAsync(Finance)).Single().Uses.ShouldBe(4);
    }

    [Fact]
    public async Task The_timeline_of_a_credit_does_not_tell_CS_about_the_debits_of_its_batch()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        var result = await ingestor.IngestAsync([Incoming("c", "BI-FAST CR BUDI", 150_000m, Direction.Credit), Incoming("d", "TRSF DB SUPPLIER", 9_000_000m, Direction.Debit)], Actor.System);
        var queries = new MutationQueries(test, test.Clock);
        var credit = result.NewMutationIds[0];

        var forCs = (await queries.DetailAsync(credit, Cs)).ShouldNotBeNull().Timeline.Single(e => e.Action == "mutation.ingest");
        forCs.After.ShouldBe("""{"source":"Webhook"}""");
        var forFinance = (await queries.DetailAsync(credit, Finance)).ShouldNotBeNull().Timeline.Single(e => e.Action == "mutation.ingest");
        forFinance.After!.ShouldContain("\"count\":2");
        (await queries.DetailAsync(result.NewMutationIds[1], Cs)).ShouldBeNull();
    }

    [Fact]
    public async Task The_public_proof_card_names_the_business_and_says_verified_automatically_never_the_key()
    {
        using var app = new MootaDeskFactory();
        app.Settings["MootaDesk:BusinessName"] = "Toko Kopi Nusantara";
        app.WithApiKey(0, "internal-shopbot-prod-7", "internal-shopbot-key-0123456789", "proof", "CS");
        var seed = await Proof.ProofSeed.CreateAsync(app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>(), app.Time.GetUtcNow().UtcDateTime);
        var api = app.CreateBareClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", "internal-shopbot-key-0123456789");
        var created = await api.PostAsync($"/api/mutations/{seed.BudiCredit}/proof", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("text").GetString()!.ShouldNotContain("shopbot");

        var page = WebUtility.HtmlDecode(await app.CreateBareClient().GetStringAsync(new Uri(body.GetProperty("verificationUrl").GetString()!).PathAndQuery));
        page.ShouldContain("Toko Kopi Nusantara");
        page.ShouldContain("Diverifikasi otomatis");
        page.ShouldNotContain("shopbot");
        page.ShouldNotContain("(API)");
    }

    [Fact]
    public async Task A_pattern_that_times_out_cannot_be_saved()
    {
        await using var test = await TestDatabase.CreateAsync();
        var tag = await TagAsync(test, "X");
        var store = new AutoTagRuleStore(test, test.Clock, new AutoTagRuleRunner(test, test.Clock));
        var refused = await Should.ThrowAsync<MutationChangeRefused>(() =>
            store.SaveAsync(new RuleInput { Name = "slow", DescriptionPattern = "(a+)+$", TagIds = [tag.Id] }, Ops, new Actor("ops")));
        refused.MessageKey.ShouldBe("Rule.Error.PatternSlow");
        await using var db = test.CreateDbContext();
        (await db.AutoTagRules.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_pattern_that_times_out_on_the_last_90_days_cannot_be_saved_either()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        // Text the built-in stress strings do not cover, but a real description does.
        await MutationAsync(test, a, test.Clock.UtcNow.AddDays(-1), 10_000m, description: "REF " + new string('x', 40) + "#");
        var tag = await TagAsync(test, "X");
        var store = new AutoTagRuleStore(test, test.Clock, new AutoTagRuleRunner(test, test.Clock));
        var input = new RuleInput { Name = "slow", DescriptionPattern = "(x+x+)+y", TagIds = [tag.Id] };
        RuleMatcher.TimesOutOnStressText(input.DescriptionPattern).ShouldBeFalse();
        (await store.PreviewAsync(input, Ops)).TimedOut.ShouldBeGreaterThan(0);
        (await Should.ThrowAsync<MutationChangeRefused>(() => store.SaveAsync(input, Ops, new Actor("ops")))).MessageKey.ShouldBe("Rule.Error.PatternSlow");
    }

    private static async Task<int> SlowRuleAsync(TestDatabase test, int tagId, int timeoutCount = 0)
    {
        // Written straight to the store, as a rule saved before patterns were checked would be.
        await using var db = test.CreateDbContext();
        var rule = new AutoTagRule { Name = "lambat", DescriptionPattern = "(a+)+$", AddTagIds = tagId.ToString(), CreatedBy = "ops", Position = 1, TimeoutCount = timeoutCount };
        db.AutoTagRules.Add(rule);
        await db.SaveChangesAsync();
        return rule.Id;
    }

    [Fact]
    public async Task During_ingest_a_rule_that_keeps_timing_out_is_turned_off_and_Ops_is_told()
    {
        await using var test = await TestDatabase.CreateAsync();
        var tag = await TagAsync(test, "Lambat");
        var ruleId = await SlowRuleAsync(test, tag.Id);
        var runner = new AutoTagRuleRunner(test, test.Clock);
        var ingestor = new MutationIngestor(test, test.Clock, [runner], NullLogger<MutationIngestor>.Instance);
        var batch = Enumerable.Range(0, 20).Select(i => Incoming("m" + i, new string('a', 40) + "!", 10_000m + i, Direction.Credit)).ToList();

        (await ingestor.IngestAsync(batch, Actor.System)).New.ShouldBe(20);

        await using var db = test.CreateDbContext();
        var rule = await db.AutoTagRules.SingleAsync(r => r.Id == ruleId);
        rule.IsEnabled.ShouldBeFalse();
        rule.DisabledReason.ShouldBe(AutoTagRuleRunner.TimeoutReason);
        rule.TimeoutCount.ShouldBe(RuleLimits.Default.MaxTimeouts);
        (await db.AuditEvents.SingleAsync(e => e.Action == "rule.auto-disable")).EntityId.ShouldBe(ruleId.ToString());
        (await db.Notifications.SingleAsync(n => n.Role == Roles.Ops)).Text.ShouldContain("lambat");
    }

    [Fact]
    public async Task Time_outs_add_up_across_batches_until_the_rule_is_saved_again()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var tag = await TagAsync(test, "Lambat");
        var ruleId = await SlowRuleAsync(test, tag.Id, timeoutCount: RuleLimits.Default.MaxTimeouts - 1);
        var id = await MutationAsync(test, a, test.Clock.UtcNow, 10_000m, description: new string('a', 40) + "!");
        var result = await new AutoTagRuleRunner(test, test.Clock).RunWithLimitsAsync([id], Actor.System);
        result.DisabledRuleIds.ShouldBe([ruleId]);
    }

    /// <summary>A clock whose stopwatch moves 100 ms each time it is read: rule time is "spent" without waiting.</summary>
    private sealed class SlowStopwatch : FakeTimeProvider
    {
        public override long GetTimestamp()
        {
            Advance(TimeSpan.FromMilliseconds(100));
            return base.GetTimestamp();
        }
    }

    [Fact]
    public async Task One_batchs_rule_time_has_a_cap_and_the_rest_of_the_batch_is_stored_without_rules()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var tag = await TagAsync(test, "Semua");
        await using (var db = test.CreateDbContext())
        {
            db.AutoTagRules.Add(new AutoTagRule { Name = "semua", DescriptionContains = "TRSF", AddTagIds = tag.Id.ToString(), CreatedBy = "ops", Position = 1 });
            await db.SaveChangesAsync();
        }
        var ids = new List<long>();
        for (var i = 0; i < 10; i++) ids.Add(await MutationAsync(test, a, test.Clock.UtcNow, 10_000m + i, description: "TRSF " + i));
        // Each evaluation is measured as 100 ms by this clock; a 500 ms budget is spent after five mutations.
        var runner = new AutoTagRuleRunner(test, test.Clock, new SlowStopwatch(), new RuleLimits(3, TimeSpan.FromMilliseconds(500)));

        var result = await runner.RunWithLimitsAsync(ids, Actor.System);

        result.Changed.ShouldBe(5);
        result.SkippedForBudget.ShouldBe(5);
        await using var check = test.CreateDbContext();
        (await check.MutationTags.CountAsync()).ShouldBe(5);
        (await check.Notifications.SingleAsync(n => n.Role == Roles.Ops)).Text.ShouldContain("5 mutasi");
    }
}
