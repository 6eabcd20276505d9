using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MootaDesk.Core.Home;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Integrations.Webhook.WebhookTestKit;

namespace MootaDesk.Web.Tests.Integrations.Webhook;

public class SandboxAndLogTests
{
    /// <summary>The app with its sandbox sending to the in-memory server, the way it sends to Kestrel in production.</summary>
    private static WebApplicationFactory<Program> WithOwnEndpoint(MootaDeskFactory factory)
    {
        WebApplicationFactory<Program>? app = null;
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<OwnEndpointClient>();
            s.AddSingleton(new OwnEndpointClient(() => app!.CreateClient()));
        }));
        return app;
    }

    [Fact]
    public async Task Ops_finds_the_sandbox_transfer_just_simulated_through_a_Mutasi_link_that_shows_exactly_that_row_and_in_the_webhook_log()
    {
        await using var factory = new MootaDeskFactory();
        var app = WithOwnEndpoint(factory);
        var sandbox = app.Services.GetRequiredService<SandboxCommands>();
        var ops = new Actor("ops");
        var (account, _) = await sandbox.CreateAccountAsync(SandboxAccountKind.BankTransfer, "BCA Latihan", ops);
        // Another sandbox transfer of the same day and account, so the link has to single the row out.
        await sandbox.SimulateAsync(account!.Id, new SimulatedTransfer("Lain", 99_000m, Direction.Credit, "Siti Aminah"), ops);

        var result = await sandbox.SimulateAsync(account.Id, new SimulatedTransfer("Bayar INV-7", 150_123m, Direction.Credit, "Budi Santoso"), ops);
        (await sandbox.WaitForOutcomeAsync(result.DeliveryId!.Value, TimeSpan.FromSeconds(15))).Status.ShouldBe(DeliveryStatus.Processed);
        var landed = (await sandbox.FindSimulatedAsync(result.MutationId)).ShouldNotBeNull();

        var link = MootaDesk.Web.Integrations.SandboxPage.MutationLinkOf(landed);
        link.ShouldStartWith("mutasi?");
        link.ShouldContain("sandbox=ya");
        link.ShouldEndWith("&buka=" + landed.Id);
        var filter = MutationFilter.Parse("http://localhost/" + link);
        var rows = await app.Services.GetRequiredService<MutationQueries>().PageAsync(filter, Viewer.ForRoles("ops", Roles.Ops), 0, 50);
        rows.ShouldHaveSingleItem().Id.ShouldBe(landed.Id);
        // Without the sandbox part of the link Mutasi shows real money only, and this row is not real money.
        (await app.Services.GetRequiredService<MutationQueries>().PageAsync(filter with { Sandbox = SandboxFilter.Exclude }, Viewer.ForRoles("ops", Roles.Ops), 0, 50)).ShouldBeEmpty();

        var (log, _) = await app.Services.GetRequiredService<WebhookLogQuery>().LoadAsync(new WebhookLogFilter(null, null, 0, 25));
        log.ShouldContain(r => r.Id == result.DeliveryId && r.Status == DeliveryStatus.Processed && r.NewCount == 1 && r.IntegrationName == SandboxCommands.IntegrationName);
    }

    [Fact]
    public async Task A_simulated_transfer_travels_the_real_webhook_path_and_stays_out_of_real_totals()
    {
        await using var factory = new MootaDeskFactory();
        factory.Settings["MootaDesk:Api:Keys:0:Name"] = "erp";
        factory.Settings["MootaDesk:Api:Keys:0:Key"] = "finance-key-0123456789";
        var app = WithOwnEndpoint(factory);
        var sandbox = app.Services.GetRequiredService<SandboxCommands>();
        var ops = new Actor("ops");

        var (account, error) = await sandbox.CreateAccountAsync(SandboxAccountKind.VirtualAccount, "VA Latihan", ops);
        error.ShouldBeNull();
        account!.BankCode.ShouldBe("sandboxVA");
        account.AccountNumber.ShouldStartWith("8808");

        var result = await sandbox.SimulateAsync(account.Id, new SimulatedTransfer("Bayar INV-7", 150_123m, Direction.Credit, "Budi Santoso"), ops);
        result.Accepted.ShouldBeTrue();
        result.HttpStatus.ShouldBe(200);
        result.DeliveryId.ShouldNotBeNull();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        while (!await db.Mutations.AnyAsync(m => m.SourceId == result.MutationId) && DateTime.UtcNow < deadline) await Task.Delay(50);

        var mutation = await db.Mutations.SingleAsync(m => m.SourceId == result.MutationId);
        mutation.IsSandbox.ShouldBeTrue();
        mutation.Amount.ShouldBe(150_123m);
        mutation.AccountId.ShouldBe(account.Id);
        mutation.Counterparty.ShouldBe("BUDI SANTOSO");
        await using var inbox = await app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var delivery = await inbox.WebhookDeliveries.SingleAsync(d => d.Id == result.DeliveryId);
        delivery.Signature.ShouldBe(SignatureVerdict.Valid);
        delivery.IntegrationId.ShouldNotBeNull();
        (await db.Integrations.SingleAsync(i => i.Id == delivery.IntegrationId)).IsSandbox.ShouldBeTrue();
        (await db.AuditEvents.CountAsync(a => a.Action == "sandbox.simulate")).ShouldBe(1);

        // Not in real totals: the dashboard and the default API answer leave it out.
        var dashboard = await app.Services.GetRequiredService<DashboardQuery>().LoadAsync(Viewer.ForRoles("owner", Roles.Owner));
        dashboard.MoneyInToday.ShouldBe(0m);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "finance-key-0123456789");
        using (var real = JsonDocument.Parse(await client.GetStringAsync("/api/mutations")))
            real.RootElement.GetProperty("total").GetInt32().ShouldBe(0);
        using (var all = JsonDocument.Parse(await client.GetStringAsync("/api/mutations?includeSandbox=true")))
            all.RootElement.GetProperty("items")[0].GetProperty("isSandbox").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Simulation_input_is_checked_before_anything_is_sent()
    {
        await using var factory = new MootaDeskFactory();
        var app = WithOwnEndpoint(factory);
        var sandbox = app.Services.GetRequiredService<SandboxCommands>();
        var (account, _) = await sandbox.CreateAccountAsync(SandboxAccountKind.BankTransfer, "BCA Latihan", new Actor("ops"));
        (await sandbox.SimulateAsync(account!.Id, new SimulatedTransfer("", 0m, Direction.Credit, "Budi"), new Actor("ops"))).ErrorKey.ShouldBe("Sandbox.Error.Amount");
        (await sandbox.SimulateAsync(account.Id, new SimulatedTransfer("", 10.005m, Direction.Credit, "Budi"), new Actor("ops"))).ErrorKey.ShouldBe("Sandbox.Error.Amount");
        (await sandbox.SimulateAsync(account.Id, new SimulatedTransfer("", 1000m, Direction.Credit, "B"), new Actor("ops"))).ErrorKey.ShouldBe("Sandbox.Error.Sender");
        (await sandbox.SimulateAsync(999, new SimulatedTransfer("", 1000m, Direction.Credit, "Budi"), new Actor("ops"))).ErrorKey.ShouldBe("Sandbox.Error.Account");
        (await sandbox.CreateAccountAsync(SandboxAccountKind.BankTransfer, " ", new Actor("ops"))).ErrorKey.ShouldBe("Sandbox.Error.Label");
        await using var inbox = await InboxAsync(factory);
        (await inbox.WebhookDeliveries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_integration_made_in_the_UI_has_its_own_secret_and_URL_and_can_be_rotated_and_deactivated()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        var commands = factory.Services.GetRequiredService<IntegrationCommands>();
        var owner = new Actor("owner");
        var (created, error) = await commands.CreateAsync("Toko kedua", owner);
        error.ShouldBeNull();
        var body = MootaDesk.Tests.Shared.MootaFixtures.Body("01-single-credit");

        async Task<HttpStatusCode> SendAsync(string secret)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/" + IntegrationCommands.PathFor(created!.Id)) { Content = new ByteArrayContent(body) };
            request.Headers.TryAddWithoutValidation("Signature", MootaSignature.Compute(body, secret));
            return (await client.SendAsync(request)).StatusCode;
        }

        (await SendAsync(MootaDeskFactory.WebhookSecret)).ShouldBe(HttpStatusCode.Unauthorized);
        (await SendAsync(created!.Secret)).ShouldBe(HttpStatusCode.OK);
        var rotated = await commands.RotateSecretAsync(created.Id, owner);
        rotated!.Secret.ShouldNotBe(created.Secret);
        (await SendAsync(created.Secret)).ShouldBe(HttpStatusCode.Unauthorized);
        (await SendAsync(rotated.Secret)).ShouldBe(HttpStatusCode.OK);
        (await commands.SetActiveAsync(created.Id, false, owner)).ShouldBeTrue();
        (await SendAsync(rotated.Secret)).ShouldBe(HttpStatusCode.NotFound);

        var list = await commands.ListAsync();
        list.Count.ShouldBe(2);
        list[0].IsDefault.ShouldBeTrue();
        list[1].WebhookPath.ShouldBe($"api/webhooks/moota/{created.Id}");
        list[1].IsActive.ShouldBeFalse();

        await WaitForInboxAsync(factory);
        await using var db = await DbAsync(factory);
        await using var inbox = await InboxAsync(factory);
        (await inbox.WebhookDeliveries.CountAsync()).ShouldBe(5);
        (await inbox.WebhookDeliveries.CountAsync(d => d.IntegrationId == created.Id)).ShouldBe(5);
        (await db.AuditEvents.Select(a => a.Action).ToListAsync()).ShouldContain("integration.rotate-secret");
        (await db.AuditEvents.Where(a => a.After != null).Select(a => a.After!).ToListAsync()).ShouldAllBe(a => !a.Contains(created.Secret) && !a.Contains(rotated.Secret));
    }

    [Fact]
    public async Task The_log_counts_today_and_a_failed_delivery_can_be_processed_again_with_an_audit_row()
    {
        await using var test = await TestDatabase.CreateAsync();
        var now = test.Clock.UtcNow;
        await using (var db = test.Inbox.CreateDbContext())
        {
            for (var i = 1; i <= 20; i++)
                db.WebhookDeliveries.Add(new WebhookDelivery { ReceivedAt = now, Status = DeliveryStatus.Processed, Signature = SignatureVerdict.Valid, AnswerMs = i, ProcessingMs = i * 10, NewCount = 1, DuplicateCount = i % 2 });
            db.WebhookDeliveries.Add(new WebhookDelivery { ReceivedAt = now, Status = DeliveryStatus.Rejected, Signature = SignatureVerdict.Invalid, AnswerMs = 1 });
            db.WebhookDeliveries.Add(new WebhookDelivery { ReceivedAt = now, Status = DeliveryStatus.Failed, Signature = SignatureVerdict.Valid, Error = "database is locked", Attempts = 5 });
            db.WebhookDeliveries.Add(new WebhookDelivery { ReceivedAt = now.AddDays(-2), Status = DeliveryStatus.Processed, Signature = SignatureVerdict.Valid, AnswerMs = 999 });
            await db.SaveChangesAsync();
        }
        var query = new WebhookLogQuery(test.Inbox, test, test.Clock);
        var today = await query.TodayAsync();
        today.Received.ShouldBe(22);
        today.Rejected.ShouldBe(1);
        today.Failed.ShouldBe(1);
        today.Duplicates.ShouldBe(10);
        today.AnswerMedianMs.ShouldBe(10);
        today.AnswerP95Ms.ShouldBe(19);
        today.ProcessingP95Ms.ShouldBe(190);

        var (failedRows, failedTotal) = await query.LoadAsync(new WebhookLogFilter(DeliveryStatus.Failed, test.Clock.Today, 0, 25));
        failedTotal.ShouldBe(1);
        var failedId = failedRows.Single().Id;

        var processor = new WebhookInboxProcessor(test, test.Inbox, new MutationIngestor(test, test.Clock, [], Microsoft.Extensions.Logging.Abstractions.NullLogger<MutationIngestor>.Instance),
            new InboxWriteGate(), test.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<WebhookInboxProcessor>.Instance);
        (await processor.RequeueAsync(failedId, new Actor("ops"))).ShouldBeTrue();
        (await processor.RequeueAsync(failedId, new Actor("ops"))).ShouldBeFalse();
        await using var check = test.CreateDbContext();
        await using var checkInbox = test.Inbox.CreateDbContext();
        (await checkInbox.WebhookDeliveries.SingleAsync(d => d.Id == failedId)).Status.ShouldBe(DeliveryStatus.Pending);
        (await check.AuditEvents.SingleAsync(a => a.Action == "webhook.reprocess")).Actor.ShouldBe("ops");
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_retried_with_backoff_then_marked_failed_with_its_error()
    {
        await using var test = await TestDatabase.CreateAsync();
        long id;
        await using (var db = test.Inbox.CreateDbContext())
        {
            var body = System.Text.Encoding.UTF8.GetBytes("""[{"mutation_id":"r1","bank_id":"b1","account_number":"1","date":"2026-11-21 08:00:00","amount":1000,"type":"CR"}]""");
            var d = new WebhookDelivery { ReceivedAt = test.Clock.UtcNow, Status = DeliveryStatus.Pending, Signature = SignatureVerdict.Valid, Body = body };
            db.WebhookDeliveries.Add(d);
            await db.SaveChangesAsync();
            id = d.Id;
        }
        var processor = new WebhookInboxProcessor(test, test.Inbox, new MutationIngestor(test, test.Clock, [], Microsoft.Extensions.Logging.Abstractions.NullLogger<MutationIngestor>.Instance),
            new InboxWriteGate(), test.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<WebhookInboxProcessor>.Instance);
        // Make every ingest fail at its last write (the audit row), as a broken store would; the whole transaction rolls back.
        await using (var db = test.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEvents\" RENAME TO \"AuditEventsGone\";");

        for (var attempt = 1; attempt < WebhookInboxProcessor.MaxAttempts; attempt++)
        {
            (await processor.ProcessDueAsync(default)).ShouldBe(1);
            await using var db = test.Inbox.CreateDbContext();
            var d = await db.WebhookDeliveries.SingleAsync(x => x.Id == id);
            d.Status.ShouldBe(DeliveryStatus.Pending);
            d.Attempts.ShouldBe(attempt);
            d.Error!.ShouldContain("AuditEvents");
            d.NextAttemptAt.ShouldBe(test.Clock.UtcNow + WebhookInboxProcessor.Backoff[attempt - 1]);
            // Not due yet: nothing happens until the backoff has passed.
            (await processor.ProcessDueAsync(default)).ShouldBe(0);
            test.Time.Advance(WebhookInboxProcessor.Backoff[attempt - 1]);
        }
        (await processor.ProcessDueAsync(default)).ShouldBe(1);
        await using var final = test.CreateDbContext();
        await using var finalInbox = test.Inbox.CreateDbContext();
        var failed = await finalInbox.WebhookDeliveries.SingleAsync(x => x.Id == id);
        failed.Status.ShouldBe(DeliveryStatus.Failed);
        failed.Attempts.ShouldBe(WebhookInboxProcessor.MaxAttempts);
        failed.Error!.ShouldContain("AuditEvents");
        (await final.Mutations.CountAsync()).ShouldBe(0);
    }
}
