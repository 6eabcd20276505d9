using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Mutations.Ingest;

/// <summary>
/// "Duplikat lintas sumber": a database from before one identity per transaction holds the same transfer twice (webhook
/// and pull; Moota and a statement). Finance finds, merges with audit and undo; orders, tags, notes and tasks follow the kept row.
/// </summary>
public class DuplicatesReviewTests
{
    private static readonly Viewer Finance = Viewer.ForRoles("fina", Roles.Finance);
    private static readonly Actor Fina = new("fina", "u-fina", "10.0.0.5");
    private static readonly DateOnly Day = new(2026, 11, 30);

    /// <summary>The rows an older MootaDesk left behind, as the IngestIdentity migration leaves them (later Moota copies without a Moota id).</summary>
    private sealed record Legacy(int AccountId, long Webhook, long PullCopy, long Statement, long MootaOfStatement, long EqualA, long EqualB, long EqualStatement, int OrderId, int TagId);

    private static async Task<Legacy> LegacyAsync(TestDatabase test)
    {
        test.Time.SetJakarta(2026, 11, 30, 12, 0);
        await using var db = test.CreateDbContext();
        var now = test.Clock.UtcNow;
        var account = new Account { BankCode = "bcaV3", AccountNumber = "0144050123", Label = "BCA Uji Sig", CreatedAt = now };
        var vip = new Tag { Name = "Pelanggan VIP", NormalizedName = TagName.Normalize("Pelanggan VIP"), CreatedAt = now };
        db.AddRange(account, vip);
        await db.SaveChangesAsync();
        Mutation Row(MutationSource source, string sourceId, string? mootaId, decimal amount, decimal? balance, string description, int minute) => new()
        {
            AccountId = account.Id, Source = source, SourceId = sourceId, MootaMutationId = mootaId, Amount = amount, Direction = Direction.Credit,
            BalanceAfter = balance, Description = description, TransactionTime = now.AddMinutes(-minute), BankDate = Day, ReadTime = now.AddMinutes(-minute + 1),
        };
        var webhook = Row(MutationSource.Webhook, "dblOrder001", "dblOrder001", 200_037m, 2_975_160m, "TRSF E-BANKING CR 30/11 WS95040 200037.00 DEWI LESTARI", 300);
        webhook.Status = ReconciliationStatus.Matched;
        webhook.OrderReference = "INV-DBL-1";
        var copy = Row(MutationSource.Api, "dblOrder001", null, 200_037m, 2_975_160m, "TRSF E-BANKING CR 30/11 WS95040 200037.00 DEWI LESTARI", 300);
        copy.HasNote = true;
        copy.Notes.Add(new MutationNote { Text = "Dicek CS: pembayaran Dewi", Author = "cece", CreatedAt = now });
        copy.Tags.Add(new MutationTag { TagId = vip.Id, TaggedBy = "cece", TaggedAt = now });
        var statement = Row(MutationSource.Import, "stmt-line-1:0", null, 150_123m, 2_650_123m, "TRSF E-BANKING CR 30/11 FTSCY/WS95031 CAFE MELATI", 400);
        statement.HasTimeOfDay = false;
        var mootaOfStatement = Row(MutationSource.Webhook, "sigPhp0001A", "sigPhp0001A", 150_123m, 2_650_123m, "TRSF E-BANKING CR 30/11 CAFÉ MÉLATI", 400);
        var equalA = Row(MutationSource.Webhook, "kopi-a", "kopi-a", 50_000m, null, "QRIS CR KOPI", 200);
        var equalB = Row(MutationSource.Webhook, "kopi-b", "kopi-b", 50_000m, null, "QRIS CR KOPI", 100);
        var equalStatement = Row(MutationSource.Import, "stmt-kopi:0", null, 50_000m, null, "QRIS CR KOPI", 200);
        db.Mutations.AddRange(webhook, copy, statement, mootaOfStatement, equalA, equalB, equalStatement);
        await db.SaveChangesAsync();
        var order = new Order
        {
            Reference = "INV-DBL-1", CustomerName = "Dewi Lestari", Amount = 200_000m, UniqueCode = 37, PayableAmount = 200_037m, AccountId = account.Id,
            CreatedAt = now.AddHours(-6), ExpiresAt = now.AddHours(18), Status = OrderStatus.Paid, MatchedMutationId = webhook.Id, PaidAt = webhook.TransactionTime,
        };
        db.Orders.Add(order);
        db.CsTasks.Add(new CsTask { MutationId = copy.Id, AssigneeId = "cs-1", AssigneeName = "cece", DueAt = now.AddHours(2), CreatedAt = now, CreatedBy = "fina" });
        await db.SaveChangesAsync();
        return new Legacy(account.Id, webhook.Id, copy.Id, statement.Id, mootaOfStatement.Id, equalA.Id, equalB.Id, equalStatement.Id, order.Id, vip.Id);
    }

    private static (CrossSourceDuplicates Review, MutationMerger Merger) Services(TestDatabase test) => (new(test), new(test, test.Clock));

    private static async Task<decimal> CreditsAsync(TestDatabase test)
    {
        await using var db = test.CreateDbContext();
        return (await db.Mutations.Where(m => m.Direction == Direction.Credit).Select(m => m.Amount).ToListAsync()).Sum();
    }

    [Fact]
    public async Task The_review_groups_each_transaction_stored_more_than_once_and_counts_equal_transfers_apart()
    {
        await using var test = await TestDatabase.CreateAsync();
        var legacy = await LegacyAsync(test);

        var review = await Services(test).Review.FindAsync();

        review.TotalGroups.ShouldBe(3);
        review.ExtraCredits.ShouldBe(200_037m + 150_123m + 50_000m);
        var same = review.Groups.Single(g => g.Reason == DuplicateReason.SameMootaId);
        same.Rows.Select(r => r.Id).ShouldBe([legacy.Webhook, legacy.PullCopy]);
        same.SuggestedKeptId.ShouldBe(legacy.Webhook); // the row the order is paid with
        same.Rows.Single(r => r.Id == legacy.Webhook).PaidOrder.ShouldBe("INV-DBL-1");
        same.ValuesDiffer.ShouldBeFalse();
        var statement = review.Groups.Single(g => g.Rows.Any(r => r.Id == legacy.Statement));
        (statement.Reason, statement.SuggestedKeptId).ShouldBe((DuplicateReason.SameTransaction, legacy.MootaOfStatement));
        // Two Moota transfers of Rp 50.000 and one statement line: one of them is the line, the other is its own transaction.
        var kopi = review.Groups.Single(g => g.Rows.Any(r => r.Id == legacy.EqualStatement));
        kopi.Rows.Count.ShouldBe(2);
        kopi.Rows.Select(r => r.Id).ShouldContain(legacy.EqualA);
    }

    [Fact]
    public async Task Merging_moves_tags_notes_tasks_and_channels_to_the_kept_row_counts_the_money_once_and_undo_restores_everything()
    {
        await using var test = await TestDatabase.CreateAsync();
        var legacy = await LegacyAsync(test);
        var (review, merger) = Services(test);
        await using (var index = test.CreateDbContext()) await MutationTextSearch.CatchUpAsync(index);
        var creditsBefore = await CreditsAsync(test);

        var merged = await merger.MergeAsync(legacy.Webhook, legacy.PullCopy, Finance, Fina);

        merged.Succeeded.ShouldBeTrue();
        (await CreditsAsync(test)).ShouldBe(creditsBefore - 200_037m);
        await using (var db = test.CreateDbContext())
        {
            (await db.Mutations.AnyAsync(m => m.Id == legacy.PullCopy)).ShouldBeFalse();
            var kept = await db.Mutations.Include(m => m.Tags).Include(m => m.Notes).Include(m => m.Sightings).SingleAsync(m => m.Id == legacy.Webhook);
            (kept.Status, kept.OrderReference, kept.HasNote, kept.MootaMutationId).ShouldBe((ReconciliationStatus.Matched, "INV-DBL-1", true, "dblOrder001"));
            kept.Tags.Select(t => t.TagId).ShouldBe([legacy.TagId]);
            kept.Notes.Select(n => n.Text).ShouldBe(["Dicek CS: pembayaran Dewi"]);
            kept.Sightings.Select(s => (s.Channel, s.ExternalRef)).ShouldBe([(MutationSource.Api, "dblOrder001")]);
            (await db.CsTasks.SingleAsync()).MutationId.ShouldBe(legacy.Webhook);
            (await db.Orders.SingleAsync()).MatchedMutationId.ShouldBe(legacy.Webhook);
            var audits = await db.AuditEvents.Where(a => a.Action.StartsWith("mutation.merge")).ToListAsync();
            audits.Select(a => (a.Action, a.EntityId, a.Actor, a.Ip)).ShouldBe([
                ("mutation.merge", legacy.Webhook.ToString(), "fina", "10.0.0.5"), ("mutation.merged-away", legacy.PullCopy.ToString(), "fina", "10.0.0.5")], ignoreOrder: true);
        }
        (await review.FindAsync()).Groups.ShouldNotContain(g => g.Reason == DuplicateReason.SameMootaId);

        var history = await merger.HistoryAsync();
        var undone = await merger.UndoAsync(history.Single().Id, Finance, Fina);

        undone.Succeeded.ShouldBeTrue();
        (await CreditsAsync(test)).ShouldBe(creditsBefore);
        await using (var db = test.CreateDbContext())
        {
            var copy = await db.Mutations.Include(m => m.Tags).Include(m => m.Notes).SingleAsync(m => m.Id == legacy.PullCopy);
            (copy.Source, copy.SourceId, copy.MootaMutationId, copy.HasNote).ShouldBe((MutationSource.Api, "dblOrder001", (string?)null, true));
            copy.Tags.Select(t => t.TagId).ShouldBe([legacy.TagId]);
            copy.Notes.Count.ShouldBe(1);
            var kept = await db.Mutations.Include(m => m.Tags).Include(m => m.Sightings).SingleAsync(m => m.Id == legacy.Webhook);
            (kept.Tags.Count, kept.Sightings.Count, kept.HasNote, kept.Status).ShouldBe((0, 0, false, ReconciliationStatus.Matched));
            (await db.CsTasks.SingleAsync()).MutationId.ShouldBe(legacy.PullCopy);
            (await db.Orders.SingleAsync()).MatchedMutationId.ShouldBe(legacy.Webhook);
            (await db.MutationMerges.SingleAsync()).UndoneBy.ShouldBe("fina");
            (await db.AuditEvents.CountAsync(a => a.Action == "mutation.merge.undo")).ShouldBe(2);
        }
        // The restored row is found by the text search again (its id sits below the index's mark).
        var found = await new MutationQueries(test, test.Clock).IdsAsync(new MutationFilter { Text = "DEWI LESTARI" }, Finance);
        found.ShouldBe([legacy.Webhook, legacy.PullCopy], ignoreOrder: true);
        (await review.FindAsync()).Groups.Count(g => g.Reason == DuplicateReason.SameMootaId).ShouldBe(1);
    }

    [Fact]
    public async Task Keeping_the_statement_row_gives_it_the_moota_id_so_later_deliveries_find_it()
    {
        await using var test = await TestDatabase.CreateAsync();
        var legacy = await LegacyAsync(test);
        var (_, merger) = Services(test);

        (await merger.MergeAsync(legacy.Statement, legacy.MootaOfStatement, Finance, Fina)).Succeeded.ShouldBeTrue();

        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        var resend = await ingestor.IngestAsync([new IncomingMutation
        {
            Source = MutationSource.Api, SourceId = "sigPhp0001A", AccountId = legacy.AccountId, TransactionTimeUtc = test.Clock.UtcNow.AddHours(-7),
            BankDate = Day, Description = "TRSF E-BANKING CR 30/11 CAFÉ MÉLATI", Amount = 150_123m, Direction = Direction.Credit,
        }], Actor.System);
        resend.New.ShouldBe(0);
        await using var db = test.CreateDbContext();
        var kept = await db.Mutations.Include(m => m.Sightings).SingleAsync(m => m.Id == legacy.Statement);
        kept.MootaMutationId.ShouldBe("sigPhp0001A");
        kept.Sightings.Select(s => s.Channel).ShouldBe([MutationSource.Webhook, MutationSource.Api], ignoreOrder: true);

        (await merger.UndoAsync((await merger.HistoryAsync()).Single().Id, Finance, Fina)).Succeeded.ShouldBeTrue();
        await using var after = test.CreateDbContext();
        (await after.Mutations.SingleAsync(m => m.Id == legacy.Statement)).MootaMutationId.ShouldBeNull();
        (await after.Mutations.SingleAsync(m => m.Id == legacy.MootaOfStatement)).MootaMutationId.ShouldBe("sigPhp0001A");
    }

    [Fact]
    public async Task The_order_a_folded_row_paid_moves_to_the_kept_row_and_back_on_undo()
    {
        await using var test = await TestDatabase.CreateAsync();
        var legacy = await LegacyAsync(test);
        int orderId;
        await using (var db = test.CreateDbContext())
        {
            // Finance had settled an order with the statement's line by hand; the Moota row of the same transfer stayed unmatched.
            var order = new Order
            {
                Reference = "INV-CAFE", CustomerName = "Cafe Melati", Amount = 150_000m, UniqueCode = 123, PayableAmount = 150_123m, AccountId = legacy.AccountId,
                CreatedAt = test.Clock.UtcNow.AddHours(-8), ExpiresAt = test.Clock.UtcNow.AddHours(16), Status = OrderStatus.Paid, MatchedMutationId = legacy.Statement,
            };
            db.Orders.Add(order);
            await db.Mutations.Where(m => m.Id == legacy.Statement).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, ReconciliationStatus.Matched).SetProperty(m => m.OrderReference, "INV-CAFE"));
            await db.SaveChangesAsync();
            orderId = order.Id;
        }
        var (review, merger) = Services(test);
        // The suggestion keeps the row the order is paid with; Finance keeps the Moota row instead.
        (await review.FindAsync()).Groups.Single(g => g.Rows.Any(r => r.Id == legacy.Statement)).SuggestedKeptId.ShouldBe(legacy.Statement);

        (await merger.MergeAsync(legacy.MootaOfStatement, legacy.Statement, Finance, Fina)).Succeeded.ShouldBeTrue();

        await using (var db = test.CreateDbContext())
        {
            (await db.Orders.SingleAsync(o => o.Id == orderId)).MatchedMutationId.ShouldBe(legacy.MootaOfStatement);
            var kept = await db.Mutations.Include(m => m.Sightings).SingleAsync(m => m.Id == legacy.MootaOfStatement);
            (kept.Status, kept.OrderReference).ShouldBe((ReconciliationStatus.Matched, "INV-CAFE"));
            kept.Sightings.Select(x => (x.Channel, x.ExternalRef)).ShouldBe([(MutationSource.Import, "stmt-line-1:0")]);
        }

        (await merger.UndoAsync((await merger.HistoryAsync()).Single().Id, Finance, Fina)).Succeeded.ShouldBeTrue();
        await using var after = test.CreateDbContext();
        (await after.Orders.SingleAsync(o => o.Id == orderId)).MatchedMutationId.ShouldBe(legacy.Statement);
        var back = await after.Mutations.SingleAsync(m => m.Id == legacy.Statement);
        (back.Status, back.OrderReference, back.Source).ShouldBe((ReconciliationStatus.Matched, "INV-CAFE", MutationSource.Import));
        var moota = await after.Mutations.SingleAsync(m => m.Id == legacy.MootaOfStatement);
        (moota.Status, moota.OrderReference).ShouldBe((ReconciliationStatus.New, (string?)null));
    }

    [Fact]
    public async Task Rows_paying_two_different_orders_are_not_merged()
    {
        await using var test = await TestDatabase.CreateAsync();
        var legacy = await LegacyAsync(test);
        await using (var db = test.CreateDbContext())
        {
            db.Orders.Add(new Order
            {
                Reference = "INV-OTHER", CustomerName = "Lain", Amount = 200_037m, PayableAmount = 200_037m, AccountId = legacy.AccountId, CreatedAt = test.Clock.UtcNow,
                ExpiresAt = test.Clock.UtcNow.AddDays(1), Status = OrderStatus.Paid, MatchedMutationId = legacy.PullCopy,
            });
            await db.SaveChangesAsync();
        }

        var outcome = await Services(test).Merger.MergeAsync(legacy.Webhook, legacy.PullCopy, Finance, Fina);

        (outcome.RefusalKey, outcome.Detail).ShouldBe(("BothPayOrders", "INV-DBL-1, INV-OTHER"));
        await using var check = test.CreateDbContext();
        (await check.Mutations.CountAsync()).ShouldBe(7);
    }

    [Fact]
    public async Task Rows_of_different_transactions_or_a_viewer_outside_Finance_and_Owner_are_refused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var legacy = await LegacyAsync(test);
        var merger = Services(test).Merger;

        (await merger.MergeAsync(legacy.Webhook, legacy.Statement, Finance, Fina)).RefusalKey.ShouldBe("NotSameTransaction");
        (await merger.MergeAsync(legacy.EqualA, legacy.EqualB, Finance, Fina)).RefusalKey.ShouldBe("TwoMootaIds");
        (await merger.MergeAsync(legacy.Webhook, legacy.PullCopy, Viewer.ForRoles("opi", Roles.Ops), new Actor("opi"))).RefusalKey.ShouldBe("NotAllowed");
        CrossSourceDuplicates.CanReview(Viewer.ForRoles("owner", Roles.Owner)).ShouldBeTrue();
        CrossSourceDuplicates.CanReview(Viewer.ForRoles("cs", Roles.CS)).ShouldBeFalse();
    }

    [Fact]
    public async Task Not_a_duplicate_takes_the_pair_out_of_the_review_until_undone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var legacy = await LegacyAsync(test);
        var (review, merger) = Services(test);

        var marked = await merger.MarkNotDuplicateAsync(legacy.EqualA, legacy.EqualStatement, Finance, Fina);

        marked.Succeeded.ShouldBeTrue();
        var after = await review.FindAsync();
        // The statement line now pairs with the other Rp 50.000 transfer, never with the one said to be different.
        after.Groups.Single(g => g.Rows.Any(r => r.Id == legacy.EqualStatement)).Rows.Select(r => r.Id).ShouldBe([legacy.EqualB, legacy.EqualStatement]);
        await merger.MarkNotDuplicateAsync(legacy.EqualB, legacy.EqualStatement, Finance, Fina);
        (await review.FindAsync()).Groups.ShouldNotContain(g => g.Rows.Any(r => r.Id == legacy.EqualStatement));

        (await merger.UndoAsync(marked.MergeId!.Value, Finance, Fina)).Succeeded.ShouldBeTrue();
        (await review.FindAsync()).Groups.Single(g => g.Rows.Any(r => r.Id == legacy.EqualStatement)).Rows.Select(r => r.Id).ShouldContain(legacy.EqualA);
    }
}
