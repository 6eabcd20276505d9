using System.Text.Json;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Integrations;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Integrations.Webhook.WebhookTestKit;

namespace MootaDesk.Web.Tests.Integrations.Webhook;

public class WebhookEndpointTests
{
    [Fact]
    public async Task Fixtures_01_to_04_are_stored_with_right_amounts_directions_and_WIB_times()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        foreach (var name in new[] { "01-single-credit", "02-batch-mixed", "03-amounts-as-strings", "04-bank-null" })
        {
            var response = await client.SendAsync(FixtureRequest(name));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, name);
        }
        await WaitForInboxAsync(factory);

        await using var db = await DbAsync(factory);
        await using var inbox = await InboxAsync(factory);
        var clock = new BusinessClock(TimeProvider.System);
        var rows = await db.Mutations.Include(m => m.Account).Include(m => m.Tags).ThenInclude(t => t.Tag).Include(m => m.Notes)
            .ToDictionaryAsync(m => m.SourceId);
        rows.Count.ShouldBe(6);
        rows.Values.ShouldAllBe(m => m.Source == MutationSource.Webhook && m.WebhookDeliveryId != null && !m.IsSandbox);

        var single = rows["aolk4PekJxM"];
        single.Amount.ShouldBe(150_123m);
        single.Direction.ShouldBe(Direction.Credit);
        single.BalanceAfter.ShouldBe(12_650_123m);
        clock.ToLocal(single.TransactionTime).ShouldBe(new DateTime(2026, 11, 20, 14, 1, 55));
        single.HasTimeOfDay.ShouldBeTrue();
        single.ReadLatencySeconds.ShouldNotBeNull();
        single.Counterparty.ShouldNotBeNullOrEmpty();
        single.Account!.ExternalId.ShouldBe("VLagzqBj42D");
        single.Account.BankCode.ShouldBe("bcaV3");
        single.Account.AccountNumber.ShouldBe("0144050123");

        var dayOnly = rows["bPq81ZxLm0a"];
        dayOnly.HasTimeOfDay.ShouldBeFalse();
        dayOnly.ReadLatencySeconds.ShouldBeNull();
        DateOnly.FromDateTime(clock.ToLocal(dayOnly.TransactionTime)).ShouldBe(new DateOnly(2026, 11, 20));
        rows["bPq81ZxLm0b"].Direction.ShouldBe(Direction.Debit);
        rows["bPq81ZxLm0b"].Amount.ShouldBe(17_000m);

        var supplier = rows["cR7tYuIo2pQ"];
        supplier.Amount.ShouldBe(8_250_000.50m);
        supplier.Direction.ShouldBe(Direction.Debit);
        clock.ToLocal(supplier.TransactionTime).ShouldBe(new DateTime(2026, 11, 20, 15, 20, 3));
        supplier.Notes.ShouldHaveSingleItem().Text.ShouldBe("Supplier kemasan Nov");
        supplier.Tags.ShouldHaveSingleItem().Tag!.Name.ShouldBe("Supplier");
        supplier.Account!.BankCode.ShouldBe("mandiriMcmV2");

        rows["dS0aQ4wE5rT"].Amount.ShouldBe(99_999m);
        rows["dS0aQ4wE5rT"].BalanceAfter.ShouldBe(13_008_579m);
        clock.ToLocal(rows["dS0aQ4wE5rT"].TransactionTime).ShouldBe(new DateTime(2026, 11, 21, 9, 15, 40));

        var nullBank = rows["eT9yU8iO7pA"];
        nullBank.Amount.ShouldBe(500_000m);
        nullBank.BalanceAfter.ShouldBeNull();
        nullBank.Account!.ExternalId.ShouldBe("ZZunknown01");

        // The same Moota account (bank_id) across deliveries is one account.
        (await db.Accounts.CountAsync()).ShouldBe(3);
        var deliveries = await inbox.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
        deliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Processed && d.Signature == SignatureVerdict.Valid && d.ProcessingMs != null && d.AnswerMs != null);
        deliveries.Select(d => d.NewCount).ShouldBe([1, 3, 1, 1]);
        (await db.AuditEvents.CountAsync(a => a.Action == "mutation.ingest")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Webhook_with_bad_signature_is_refused_and_logged_and_nothing_is_stored()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        var response = await client.SendAsync(FixtureRequest("05-bad-signature"));
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/moota") { Content = new ByteArrayContent(MootaFixtures.Body("01-single-credit")) };
        (await client.SendAsync(unsigned)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Task.Delay(300);

        await using var db = await DbAsync(factory);
        await using var inbox = await InboxAsync(factory);
        (await db.Mutations.CountAsync()).ShouldBe(0);
        var logged = await inbox.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
        logged.Count.ShouldBe(2);
        logged[0].Signature.ShouldBe(SignatureVerdict.Invalid);
        logged[0].Status.ShouldBe(DeliveryStatus.Rejected);
        // Kept as received, or already without the bank login if the inbox pass got to it (it redacts refused deliveries too).
        var received = MootaFixtures.Body("05-bad-signature");
        logged[0].Body.ShouldBe(logged[0].BodyRedacted ? MootaSecrets.RedactBody(received) ?? received : received);
        logged[0].HeadersJson.ShouldContain("MootaBot/1.5");
        logged[0].HeadersJson.ShouldNotContain(MootaDeskFactory.WebhookSecret);
        logged[1].Signature.ShouldBe(SignatureVerdict.Missing);
    }

    [Fact]
    public async Task A_resent_delivery_is_stored_once_and_counted_as_a_duplicate()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        (await client.SendAsync(FixtureRequest("01-single-credit"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);
        (await client.SendAsync(FixtureRequest("06-duplicate-of-01"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);

        await using var db = await DbAsync(factory);
        await using var inbox = await InboxAsync(factory);
        (await db.Mutations.CountAsync(m => m.SourceId == "aolk4PekJxM")).ShouldBe(1);
        var second = await inbox.WebhookDeliveries.OrderBy(d => d.Id).LastAsync();
        second.Status.ShouldBe(DeliveryStatus.Processed);
        second.NewCount.ShouldBe(0);
        second.DuplicateCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_JSON_array_is_refused_with_400_and_logged()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        var body = Encoding.UTF8.GetBytes("""{"mutation_id":"x"}""");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/moota") { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation("Signature", MootaSignature.Compute(body, MootaFixtures.Secret));
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using (var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            problem.RootElement.GetProperty("code").GetString().ShouldBe("body-not-array");
            problem.RootElement.GetProperty("detail").GetString()!.ShouldContain("array JSON");
        }

        await using var db = await DbAsync(factory);
        await using var inbox = await InboxAsync(factory);
        var logged = await inbox.WebhookDeliveries.SingleAsync();
        logged.Status.ShouldBe(DeliveryStatus.Malformed);
        logged.Signature.ShouldBe(SignatureVerdict.Valid);
        logged.Body.ShouldBe(body);
    }

    [Fact]
    public async Task A_body_over_one_MiB_is_refused_with_413_and_logged()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        var body = new byte[1024 * 1024 + 10];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'[';
        body[^1] = (byte)']';
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/moota") { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation("Signature", MootaSignature.Compute(body, MootaFixtures.Secret));
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        await using var db = await DbAsync(factory);
        await using var inbox = await InboxAsync(factory);
        var logged = await inbox.WebhookDeliveries.SingleAsync();
        logged.Status.ShouldBe(DeliveryStatus.Rejected);
        Refusal.FromStored(logged.Error).ShouldBe(Refusal.Of("Webhook.TooLarge", "1024"), "kept as a key with its argument, said in the reader's language when shown");
        (await db.Mutations.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_source_outside_the_allow_list_is_refused_and_logged()
    {
        await using var factory = new MootaDeskFactory();
        factory.Settings["MootaDesk:Moota:AllowedIps:0"] = "103.236.201.178/32";
        var client = factory.CreateClient();
        (await client.SendAsync(FixtureRequest("01-single-credit"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = await DbAsync(factory);
        await using var inbox = await InboxAsync(factory);
        (await inbox.WebhookDeliveries.SingleAsync()).Signature.ShouldBe(SignatureVerdict.IpRefused);
        (await db.Mutations.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("103.236.201.178", true)]
    [InlineData("103.28.52.1", true)]
    [InlineData("::ffff:103.28.52.9", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData(null, false)]
    public void The_allow_list_takes_single_addresses_and_CIDR_ranges(string? ip, bool allowed) =>
        WebhookReceiver.IsAllowed(ip is null ? null : IPAddress.Parse(ip), ["103.236.201.178", "103.28.52.0/24"]).ShouldBe(allowed);

    [Fact]
    public async Task A_pending_delivery_left_by_a_crash_is_processed_when_the_app_starts()
    {
        await using var factory = new MootaDeskFactory();
        // Before the app starts: a database that holds an accepted but unprocessed delivery, as a crash would leave it.
        await using (var test = await TestDatabaseAt(await factory.StoreBeforeStartAsync()))
        {
            await using var inbox = test.CreateInboxContext();
            inbox.WebhookDeliveries.Add(new WebhookDelivery
            {
                ReceivedAt = DateTime.UtcNow, Body = MootaFixtures.Body("02-batch-mixed"), Signature = SignatureVerdict.Valid,
                Status = DeliveryStatus.Pending, HeadersJson = "{}",
            });
            await inbox.SaveChangesAsync();
        }

        _ = factory.CreateClient(); // starts the host and its background processor
        await WaitForInboxAsync(factory);
        await using var check = await DbAsync(factory);
        await using var checkInbox = await InboxAsync(factory);
        (await check.Mutations.CountAsync()).ShouldBe(3);
        (await checkInbox.WebhookDeliveries.SingleAsync()).NewCount.ShouldBe(3);
    }

    private sealed class PreStartDatabase(DbContextOptions<MootaDeskDbContext> options, DbContextOptions<InboxDbContext> inboxOptions) : IAsyncDisposable
    {
        public MootaDeskDbContext CreateDbContext() => new(options);
        public InboxDbContext CreateInboxContext() => new(inboxOptions);
        public ValueTask DisposeAsync() { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); return ValueTask.CompletedTask; }
    }

    /// <summary>The main store and the inbox the app will open (SQLite files or a PostgreSQL database), both migrated, before the app starts.</summary>
    private static async Task<PreStartDatabase> TestDatabaseAt(StoreLocation location)
    {
        var builder = new DbContextOptionsBuilder<MootaDeskDbContext>();
        DatabaseSetup.Configure(builder, location);
        var inboxBuilder = new DbContextOptionsBuilder<InboxDbContext>();
        DatabaseSetup.ConfigureInbox(inboxBuilder, location);
        var db = new PreStartDatabase(builder.Options, inboxBuilder.Options);
        await using var ctx = db.CreateDbContext();
        await ctx.Database.MigrateAsync();
        await using var inbox = db.CreateInboxContext();
        await inbox.Database.MigrateAsync();
        return db;
    }

    [Fact]
    public async Task A_delivery_whose_mutations_cannot_be_read_is_marked_failed_with_the_reason_and_can_be_requeued()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        var body = Encoding.UTF8.GetBytes("""[{"mutation_id":"zz1","bank_id":"b","date":"yesterday","amount":5000,"type":"CR"}]""");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/moota") { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation("Signature", MootaSignature.Compute(body, MootaFixtures.Secret));
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);

        await using var db = await DbAsync(factory);
        await using var inbox = await InboxAsync(factory);
        var failed = await inbox.WebhookDeliveries.SingleAsync();
        failed.Status.ShouldBe(DeliveryStatus.Failed);
        failed.Error!.ShouldContain("yesterday");
        (await db.Mutations.CountAsync()).ShouldBe(0);
    }
}
