using MootaDesk.Web.Tests.Integrations.Webhook;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;

namespace MootaDesk.Web.Tests.Mutations.Ingest;

/// <summary>The shared ingest cases about one row per bank transaction, through the real endpoints (README of cases/ingest).</summary>
public class CrossChannelCaseTests
{
    private static readonly Viewer Finance = Viewer.ForRoles("fina", Roles.Finance);

    /// <summary>Webhooks for sigPhp0001A and dblOrder001 (which pays the order), before the pull.</summary>
    private static async Task<(int AccountId, OrderView Order)> WebhooksFirstAsync(IdentityApp app)
    {
        app.Time.SetJakarta(2026, 11, 30, 5, 20);
        var accountId = await app.CaseAccountAsync();
        var order = await app.CaseOrderAsync(accountId);
        app.Time.SetJakarta(2026, 11, 30, 5, 32);
        (await app.DeliverAsync(MootaBodies.FromCasePage("sigPhp0001A"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.DeliverAsync(IngestCases.Bytes("webhook-then-pull/webhook-order-payment.json"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (accountId, order);
    }

    [Fact]
    public async Task Webhook_then_pull_keeps_dblOrder001_one_row_paying_its_order_and_the_pull_reports_only_pullNew0001_as_new()
    {
        await using var app = new IdentityApp();
        var (accountId, order) = await WebhooksFirstAsync(app);
        long paidBy;
        await using (var db = await app.DbAsync())
        {
            var o = await db.Orders.SingleAsync(x => x.Reference == order.Reference);
            o.Status.ShouldBe(OrderStatus.Paid);
            paidBy = o.MatchedMutationId!.Value;
            (await db.Mutations.SingleAsync(m => m.Id == paidBy)).MootaMutationId.ShouldBe("dblOrder001");
        }

        app.Time.SetJakarta(2026, 11, 30, 6, 0);
        var response = await app.SyncAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        (json.RootElement.GetProperty("new").GetInt32(), json.RootElement.GetProperty("alreadyStored").GetInt32(), json.RootElement.GetProperty("conflicts").GetInt32())
            .ShouldBe((1, 2, 0));
        var integration = json.RootElement.GetProperty("integrations")[0];
        integration.GetProperty("status").GetString().ShouldBe("succeeded");
        integration.GetProperty("fetched").GetInt32().ShouldBe(3);

        await using var check = await app.DbAsync();
        var rows = await check.Mutations.AsNoTracking().Where(m => m.AccountId == accountId).OrderBy(m => m.Id).ToListAsync();
        rows.Select(m => m.MootaMutationId).ShouldBe(["sigPhp0001A", "dblOrder001", "pullNew0001"]);
        rows.Count(m => m.Amount == 200_037m).ShouldBe(1);
        var dbl = rows.Single(m => m.MootaMutationId == "dblOrder001");
        (dbl.Id, dbl.Source, dbl.Status, dbl.OrderReference).ShouldBe((paidBy, MutationSource.Webhook, ReconciliationStatus.Matched, order.Reference));
        (await check.Orders.SingleAsync(x => x.Reference == order.Reference)).MatchedMutationId.ShouldBe(paidBy);
        // The pull saw it too, and says so on the one row.
        var seen = await check.MutationSightings.AsNoTracking().Where(s => s.MutationId == paidBy).ToListAsync();
        seen.Select(s => (s.Channel, s.ExternalRef)).ShouldBe([(MutationSource.Api, "dblOrder001")]);
        (await check.MootaSyncRuns.SingleAsync()).Trigger.ShouldBe(SyncTrigger.Api);

        // "Uang masuk tanpa pesanan" has no second Rp 200.037.
        var unmatched = await app.Services.GetRequiredService<UnmatchedCreditsQuery>().LoadAsync(Finance, attentionOnly: false);
        unmatched.ShouldNotContain(c => c.Amount == 200_037m);
        unmatched.Select(c => c.Amount).ShouldBe([125_000m, 150_123m], ignoreOrder: true);
    }

    [Fact]
    public async Task Pull_then_webhook_stores_each_mutation_once_and_the_late_webhook_counts_as_already_stored()
    {
        await using var app = new IdentityApp();
        app.Time.SetJakarta(2026, 11, 30, 6, 0);
        (await app.SyncAsync()).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.DeliverAsync(IngestCases.Bytes("webhook-then-pull/webhook-order-payment.json"));
        await app.DeliverAsync(MootaBodies.FromCasePage("pullNew0001"));

        await using var db = await app.DbAsync();
        (await db.Mutations.CountAsync()).ShouldBe(3);
        (await db.Mutations.CountAsync(m => m.MootaMutationId == "dblOrder001")).ShouldBe(1);
        await using var inbox = await WebhookTestKit.InboxAsync(app);
        var deliveries = await inbox.WebhookDeliveries.AsNoTracking().ToListAsync();
        deliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Processed && d.NewCount == 0 && d.DuplicateCount == 1);
        var webhookSightings = await db.MutationSightings.AsNoTracking().Where(s => s.Channel == MutationSource.Webhook).ToListAsync();
        webhookSightings.Count.ShouldBe(2);
        webhookSightings.ShouldAllBe(s => s.WebhookDeliveryId != null);
    }

    [Fact]
    public async Task Statement_overlaps_moota_preview_shows_both_rows_as_already_present_and_nothing_new()
    {
        await using var app = new IdentityApp();
        var (accountId, _) = await WebhooksFirstAsync(app);
        var importer = app.Services.GetRequiredService<StatementImporter>();

        var loaded = await importer.LoadAsync(accountId, IngestCases.Bytes("statement-overlaps-moota.csv"), "statement-overlaps-moota.csv");
        var analysis = await importer.AnalyzeAsync(loaded, loaded.Mapping);

        (analysis.NewRows.Count, analysis.AlreadyPresent, analysis.Rejected).ShouldBe((0, 2, 0));
        await using var db = await app.DbAsync();
        var byMootaId = await db.Mutations.AsNoTracking().Where(m => m.AccountId == accountId).ToDictionaryAsync(m => m.MootaMutationId!, m => m.Id);
        // The description differs ("CAFE MELATI" against Moota's "CAFÉ MÉLATI"): a transaction is its date, money and balance.
        analysis.Present.Select(p => (p.Row.Amount, p.MutationId, p.StoredBy)).ShouldBe([
            (150_123m, byMootaId["sigPhp0001A"], MutationSource.Webhook), (200_037m, byMootaId["dblOrder001"], MutationSource.Webhook)]);
        analysis.Present[1].Link.ShouldBe($"mutasi?dari=2026-11-30&sampai=2026-11-30&rek={accountId}&jumlah=200037&buka={byMootaId["dblOrder001"]}");

        // Committing it anyway stores nothing new, and the two rows remember the statement saw them.
        var outcome = await importer.CommitAsync(analysis, false, Finance, new Actor("fina"));
        (outcome.Succeeded, outcome.New, outcome.AlreadyPresent).ShouldBe((true, 0, 2));
        (await db.Mutations.CountAsync(m => m.AccountId == accountId)).ShouldBe(2);
        (await db.MutationSightings.CountAsync(s => s.Channel == MutationSource.Import)).ShouldBe(2);
    }

    [Fact]
    public async Task Changed_resend_keeps_the_first_version_and_shows_a_conflict_to_Ops()
    {
        await using var app = new IdentityApp();
        app.Time.SetJakarta(2026, 11, 30, 5, 42);
        await app.DeliverAsync(IngestCases.Bytes("changed-resend/first.json"));
        app.Time.SetJakarta(2026, 11, 30, 5, 50);
        await app.DeliverAsync(IngestCases.Bytes("changed-resend/second-same-id-new-amount.json"));

        await using var db = await app.DbAsync();
        var row = await db.Mutations.AsNoTracking().SingleAsync();
        (row.MootaMutationId, row.Amount).ShouldBe(("replay00001", 150_000m));
        var conflict = await db.MutationConflicts.AsNoTracking().SingleAsync();
        (conflict.MutationId, conflict.Fields, conflict.StoredAmount, conflict.IncomingAmount, conflict.Status)
            .ShouldBe((row.Id, ConflictFields.Amount, 150_000m, 1_500_000m, ConflictStatus.Open));
        conflict.WebhookDeliveryId.ShouldNotBeNull();
        var notice = await db.Notifications.AsNoTracking().SingleAsync(n => n.Role == Roles.Ops);
        notice.Link.ShouldBe("integrasi/konflik");
        notice.Text.ShouldContain("replay00001");
        (await db.AuditEvents.CountAsync(a => a.Action == "mutation.conflict" && a.EntityId == row.Id.ToString())).ShouldBe(1);

        // Moota repeating the second version is the same conflict, not a new one.
        app.Time.SetJakarta(2026, 11, 30, 6, 10);
        await app.DeliverAsync(IngestCases.Bytes("changed-resend/second-same-id-new-amount.json"));
        (await db.MutationConflicts.CountAsync()).ShouldBe(1);
        (await db.Mutations.SingleAsync()).Amount.ShouldBe(150_000m);
    }
}
