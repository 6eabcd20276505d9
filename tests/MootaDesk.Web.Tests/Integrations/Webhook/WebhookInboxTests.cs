using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Integrations;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Integrations.Webhook.WebhookTestKit;

namespace MootaDesk.Web.Tests.Integrations.Webhook;

/// <summary>Issue 10, the inbox nothing can jam: each delivery and each element on its own, strict values, a reason for every refusal.</summary>
public class WebhookInboxTests
{
    internal static byte[] Case(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Fixtures", "cases", "ingest", name);
            if (File.Exists(path)) return File.ReadAllBytes(path);
        }
        throw new FileNotFoundException("tests/Fixtures/cases/ingest/" + name);
    }

    internal static HttpRequestMessage Signed(byte[] body, string url = "/api/webhooks/moota")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Signature", MootaSignature.Compute(body, MootaFixtures.Secret));
        return request;
    }

    internal static string Element(string id, string amount = "150123", string date = "2026-11-21 08:00:00", string description = "TRSF E-BANKING CR BUDI", string extra = "") =>
        $$"""{"mutation_id":"{{id}}","token":"{{id}}","bank_id":"bnkIN01","account_number":"0144050123","date":"{{date}}","description":"{{description}}","amount":{{amount}},"type":"CR","balance":0,"bank":{"bank_id":"bnkIN01","bank_type":"bcaV3","label":"BCA Inbox","account_number":"0144050123","atas_nama":"PT Uji","meta":null}{{extra}}}""";

    private static WebhookInboxProcessor Processor(TestDatabase test) =>
        new(test, test.Inbox, new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance), new InboxWriteGate(), test.Clock,
            NullLogger<WebhookInboxProcessor>.Instance);

    private static async Task<long> PendingAsync(TestDatabase test, byte[] body, int attempts = 0, DateTime? next = null)
    {
        await using var inbox = test.Inbox.CreateDbContext();
        var d = new WebhookDelivery { ReceivedAt = test.Clock.UtcNow, Body = body, Signature = SignatureVerdict.Valid, Status = DeliveryStatus.Pending, Attempts = attempts, NextAttemptAt = next };
        inbox.WebhookDeliveries.Add(d);
        await inbox.SaveChangesAsync();
        return d.Id;
    }

    private sealed class PreStart(DbContextOptions<InboxDbContext> inboxOptions) : IAsyncDisposable
    {
        public InboxFactory Inbox { get; } = new(inboxOptions);
        public ValueTask DisposeAsync() { SqliteConnection.ClearAllPools(); return ValueTask.CompletedTask; }
    }

    /// <summary>The main file and the inbox file the app will derive from it, both migrated, before the app starts.</summary>
    private static async Task<PreStart> PreStartAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = DatabaseSetup.ResolveConnectionString($"Data Source={path}", Path.GetDirectoryName(path)!);
        var main = new DbContextOptionsBuilder<MootaDeskDbContext>();
        DatabaseSetup.ConfigureSqlite(main, connectionString);
        await using (var db = new MootaDeskDbContext(main.Options)) await db.Database.MigrateAsync();
        var inbox = new DbContextOptionsBuilder<InboxDbContext>();
        DatabaseSetup.ConfigureSqlite(inbox, WebhookInboxFile.ConnectionStringFor(connectionString, null));
        var pre = new PreStart(inbox.Options);
        await using (var ctx = pre.Inbox.CreateDbContext()) await ctx.Database.MigrateAsync();
        return pre;
    }

    [Fact]
    public async Task One_bad_element_in_batch_stores_both_good_credits_keeps_the_bad_one_with_its_reason_and_processing_again_adds_nothing()
    {
        await using var factory = new MootaDeskFactory();
        factory.Time.SetJakarta(2026, 11, 30, 7, 0);
        var client = factory.CreateClient();
        var body = Case("one-bad-element-in-batch.json");
        (await client.SendAsync(Signed(body))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);

        await using (var db = await DbAsync(factory))
        {
            var stored = await db.Mutations.OrderBy(m => m.SourceId).ToListAsync();
            stored.Select(m => (m.SourceId, m.Amount, m.Direction)).ShouldBe([("batchGood01", 275_031m, Direction.Credit), ("batchGood02", 412_077m, Direction.Credit)]);
            (await db.Notifications.SingleAsync(n => n.Role == Roles.Ops)).Link.ShouldBe(MootaDesk.Web.Platform.AppUrls.WebhookDelivery(stored[0].WebhookDeliveryId!.Value));
        }
        var query = factory.Services.GetRequiredService<WebhookLogQuery>();
        var id = (await (await InboxAsync(factory)).WebhookDeliveries.SingleAsync()).Id;
        var detail = (await query.DetailAsync(id))!;
        detail.Row.Status.ShouldBe(DeliveryStatus.Partial);
        (detail.Row.NewCount, detail.Row.DuplicateCount).ShouldBe((2, 0));
        detail.CanReprocess.ShouldBeTrue();
        var bad = detail.RejectedElements.ShouldNotBeNull().ShouldHaveSingleItem();
        bad.Position.ShouldBe(2);
        bad.Problems.Select(p => p.Key).ShouldContain(MootaProblems.OldShape);
        bad.Text!.ShouldContain("4711");

        // "Proses lagi": the good ones are recognised, not stored again; the bad one is still kept with its reason.
        var processor = factory.Services.GetRequiredService<WebhookInboxProcessor>();
        (await processor.RequeueAsync(id, new Actor("ops-rina"))).ShouldBeTrue();
        factory.Services.GetRequiredService<WebhookInboxSignal>().Notify();
        await WaitForInboxAsync(factory);
        await using var check = await DbAsync(factory);
        (await check.Mutations.CountAsync()).ShouldBe(2);
        (await check.AuditEvents.SingleAsync(a => a.Action == "webhook.reprocess")).Actor.ShouldBe("ops-rina");
        var again = (await query.DetailAsync(id))!;
        again.Row.Status.ShouldBe(DeliveryStatus.Partial);
        (again.Row.NewCount, again.Row.DuplicateCount).ShouldBe((2, 0));
        again.RejectedElements!.ShouldHaveSingleItem().Position.ShouldBe(2);
    }

    [Fact]
    public async Task A_poisoned_delivery_between_good_ones_is_dealt_with_in_the_same_pass_and_holds_up_none_of_them()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using (var db = test.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "PoisonForTest" BEFORE INSERT ON "Mutations" WHEN NEW."SourceId" = 'poison'
                BEGIN SELECT RAISE(ABORT, 'poisoned row'); END;
                """);
        var invalidUtf8 = Encoding.UTF8.GetBytes("[" + Element("utf8", description: "DARI JOKO##") + "]");
        invalidUtf8[Array.IndexOf(invalidUtf8, (byte)'#')] = 0xFF;
        var ids = new[]
        {
            await PendingAsync(test, MootaFixtures.Body("01-single-credit")),
            await PendingAsync(test, Encoding.UTF8.GetBytes("[" + Element("poison") + "," + Element("besidePoison", amount: "5000") + "]")),
            await PendingAsync(test, Encoding.UTF8.GetBytes("[" + Element("surrogate", description: "DARI SITI \\ud83d") + "]")),
            await PendingAsync(test, invalidUtf8),
            await PendingAsync(test, Encoding.UTF8.GetBytes("this was never JSON")),
            await PendingAsync(test, MootaFixtures.Body("02-batch-mixed")),
        };

        (await Processor(test).ProcessBatchAsync(default)).ShouldBe(6);

        await using var inbox = test.Inbox.CreateDbContext();
        var rows = await inbox.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
        rows.Select(d => d.Status).ShouldBe([DeliveryStatus.Processed, DeliveryStatus.Partial, DeliveryStatus.Processed, DeliveryStatus.Processed, DeliveryStatus.Failed, DeliveryStatus.Processed]);
        rows.ShouldAllBe(d => d.Attempts == 1 && d.NextAttemptAt == null);
        DeliveryProblems.FromJson(rows[1].ProblemsJson)!.Elements.ShouldHaveSingleItem().Problems.ShouldHaveSingleItem().Key.ShouldBe(MootaProblems.StoreRefused);
        DeliveryProblems.FromJson(rows[4].ProblemsJson)!.Reason!.Key.ShouldBe(MootaProblems.BodyNotJson);
        await using var db2 = test.CreateDbContext();
        var stored = await db2.Mutations.ToDictionaryAsync(m => m.SourceId);
        stored.Keys.Order(StringComparer.Ordinal).ShouldBe(["aolk4PekJxM", "bPq81ZxLm0a", "bPq81ZxLm0b", "besidePoison", "cR7tYuIo2pQ", "surrogate", "utf8"]);
        stored["surrogate"].Description.ShouldBe("DARI SITI \uFFFD");
        stored["utf8"].Description.ShouldBe("DARI JOKO\uFFFD#");
    }

    [Fact]
    public async Task Restarting_with_a_poisoned_delivery_pending_processes_every_other_delivery()
    {
        await using var factory = new MootaDeskFactory();
        // Before the app starts: what a crash left behind, the poisoned deliveries first in line.
        await using (var pre = await PreStartAsync(factory.DatabasePath))
        {
            await using var inbox = pre.Inbox.CreateDbContext();
            foreach (var body in new[]
            {
                Encoding.UTF8.GetBytes("[" + Element("lone", description: "NAMA TERPOTONG \\ud83d") + "]"),
                Encoding.UTF8.GetBytes("/* kept by an older version */ [" + Element("commented") + "]"),
                Encoding.UTF8.GetBytes("[" + Element("huge", amount: "1e40") + "]"),
                MootaFixtures.Body("02-batch-mixed"),
            })
                inbox.WebhookDeliveries.Add(new WebhookDelivery { ReceivedAt = DateTime.UtcNow, Body = body, Signature = SignatureVerdict.Valid, Status = DeliveryStatus.Pending });
            await inbox.SaveChangesAsync();
        }

        _ = factory.CreateClient(); // starts the host and its processor
        await WaitForInboxAsync(factory);
        await using var db = await DbAsync(factory);
        await using var check = await InboxAsync(factory);
        (await db.Mutations.Select(m => m.SourceId).OrderBy(s => s).ToListAsync()).ShouldBe(["bPq81ZxLm0a", "bPq81ZxLm0b", "cR7tYuIo2pQ", "lone"]);
        var rows = await check.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
        rows.Select(d => d.Status).ShouldBe([DeliveryStatus.Processed, DeliveryStatus.Failed, DeliveryStatus.Failed, DeliveryStatus.Processed]);
        DeliveryProblems.FromJson(rows[1].ProblemsJson)!.Reason!.Key.ShouldBe(MootaProblems.BodyComment);
        // An amount beyond the store fails at once: no retries for 36 minutes.
        (rows[2].Attempts, rows[2].NextAttemptAt).ShouldBe((1, null));
        DeliveryProblems.FromJson(rows[2].ProblemsJson)!.Elements.Single().Problems.Single().Key.ShouldBe(MootaProblems.AmountTooLarge);
    }

    [Fact]
    public async Task Signed_deliveries_with_a_lone_surrogate_or_invalid_UTF8_are_accepted_and_stored_with_the_replacement_character()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        var lone = Encoding.UTF8.GetBytes("[" + Element("lone1", description: "TRSF DARI ANDI \\ud83d") + "]");
        var bad = Encoding.UTF8.GetBytes("[" + Element("bad1", description: "TRSF DARI SRI @") + "]");
        bad[Array.IndexOf(bad, (byte)'@')] = 0xC0; // never valid in UTF-8
        (await client.SendAsync(Signed(lone))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(Signed(bad))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(FixtureRequest("01-single-credit"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);

        await using var db = await DbAsync(factory);
        var stored = await db.Mutations.ToDictionaryAsync(m => m.SourceId);
        stored.Count.ShouldBe(3);
        stored["lone1"].Description.ShouldBe("TRSF DARI ANDI \uFFFD");
        stored["bad1"].Description.ShouldBe("TRSF DARI SRI \uFFFD");
        await using var inbox = await InboxAsync(factory);
        (await inbox.WebhookDeliveries.ToListAsync()).ShouldAllBe(d => d.Status == DeliveryStatus.Processed);
        // Nothing to hide in them: the kept bodies are the bytes as received (the signature still verifies on them).
        (await inbox.WebhookDeliveries.OrderBy(d => d.Id).Select(d => d.Body).FirstAsync()).ShouldBe(lone);
        // The log shows them without failing on the broken text.
        WebhookLogQuery.Pretty(bad).ShouldContain("SRI \uFFFD");
    }

    [Fact]
    public async Task A_body_with_comments_outside_its_elements_is_refused_with_400_and_a_reason_while_one_inside_an_element_refuses_that_element()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        var outside = await client.SendAsync(Signed(Encoding.UTF8.GetBytes("// test tool\n[" + Element("c0") + "]")));
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"body-comment\"");
        var inside = await client.SendAsync(Signed(Encoding.UTF8.GetBytes("[" + Element("c1") + ", {\"mutation_id\":\"c2\" /* hand-made */, \"amount\":5}]")));
        inside.StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);

        await using var inbox = await InboxAsync(factory);
        var rows = await inbox.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
        (rows[0].Status, rows[0].Signature).ShouldBe((DeliveryStatus.Malformed, SignatureVerdict.Valid));
        DeliveryProblems.FromJson(rows[0].ProblemsJson)!.Reason!.Key.ShouldBe(MootaProblems.BodyComment);
        rows[1].Status.ShouldBe(DeliveryStatus.Partial);
        DeliveryProblems.FromJson(rows[1].ProblemsJson)!.Elements.Single().Problems.Select(p => p.Key).ShouldContain(MootaProblems.Comment);
        await using var db = await DbAsync(factory);
        (await db.Mutations.Select(m => m.SourceId).ToListAsync()).ShouldBe(["c1"]);
    }

    [Fact]
    public async Task Repeated_keys_impossible_dates_trailing_signs_and_overflowing_amounts_fail_their_element_at_once()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        var body = "[" + string.Join(",",
            """{"mutation_id":"dupKey","bank_id":"bnkIN01","date":"2026-11-21 08:00:00","amount":1,"amount":99999999,"type":"CR"}""",
            Element("year1", date: "0001-01-01 00:00:00"),
            Element("year9999", date: "9999-12-31 23:59:59"),
            Element("minusAfter", amount: "\"5000-\""),
            Element("huge", amount: "1e40"),
            Element("fine", amount: "\"5000.00\"")) + "]";
        (await client.SendAsync(Signed(Encoding.UTF8.GetBytes(body)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(Signed(Encoding.UTF8.GetBytes("[" + Element("onlyHuge", amount: "79228162514264337593543950336") + "]")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);

        await using var db = await DbAsync(factory);
        var stored = await db.Mutations.SingleAsync();
        (stored.SourceId, stored.Amount).ShouldBe(("fine", 5_000m));
        await using var inbox = await InboxAsync(factory);
        var rows = await inbox.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
        rows.ShouldAllBe(d => d.Attempts == 1 && d.NextAttemptAt == null);
        rows.Select(d => d.Status).ShouldBe([DeliveryStatus.Partial, DeliveryStatus.Failed]);
        var reasons = DeliveryProblems.FromJson(rows[0].ProblemsJson)!.Elements.ToDictionary(e => e.Id!, e => e.Problems.Single().Key);
        reasons.ShouldBe(new Dictionary<string, string>
        {
            ["dupKey"] = MootaProblems.DuplicateKey, ["year1"] = MootaProblems.DateOutOfRange, ["year9999"] = MootaProblems.DateOutOfRange,
            ["minusAfter"] = MootaProblems.AmountNotNumber, ["huge"] = MootaProblems.AmountTooLarge,
        });
    }

    [Fact]
    public async Task Processing_again_works_for_failed_partial_and_stuck_deliveries_and_is_audited()
    {
        await using var test = await TestDatabase.CreateAsync();
        long Add(InboxDbContext inbox, DeliveryStatus status, int attempts, DateTime? next = null)
        {
            var d = new WebhookDelivery { ReceivedAt = test.Clock.UtcNow, Status = status, Attempts = attempts, NextAttemptAt = next, Signature = SignatureVerdict.Valid, Body = Encoding.UTF8.GetBytes("[]") };
            inbox.WebhookDeliveries.Add(d);
            inbox.SaveChanges();
            return d.Id;
        }
        long failed, partial, stuck, waiting, processed;
        await using (var inbox = test.Inbox.CreateDbContext())
        {
            failed = Add(inbox, DeliveryStatus.Failed, 5);
            partial = Add(inbox, DeliveryStatus.Partial, 1);
            stuck = Add(inbox, DeliveryStatus.Pending, 2, test.Clock.UtcNow.AddMinutes(5));
            waiting = Add(inbox, DeliveryStatus.Pending, 0);
            processed = Add(inbox, DeliveryStatus.Processed, 1);
        }
        var processor = Processor(test);
        var ops = new Actor("ops-rina");
        foreach (var id in new[] { failed, partial, stuck }) (await processor.RequeueAsync(id, ops)).ShouldBeTrue();
        foreach (var id in new[] { waiting, processed, failed }) (await processor.RequeueAsync(id, ops)).ShouldBeFalse();

        await using var check = test.Inbox.CreateDbContext();
        var rows = await check.WebhookDeliveries.Where(d => d.Id == failed || d.Id == partial || d.Id == stuck).ToListAsync();
        rows.ShouldAllBe(d => d.Status == DeliveryStatus.Pending && d.Attempts == 0 && d.NextAttemptAt == null);
        await using var db = test.CreateDbContext();
        (await db.AuditEvents.CountAsync(a => a.Action == "webhook.reprocess" && a.Actor == "ops-rina")).ShouldBe(3);
        (await processor.ProcessDueAsync(default)).ShouldBe(4); // the three requeued and the one that was waiting anyway
    }

    [Fact]
    public async Task A_delivery_left_waiting_past_the_alert_time_tells_Ops_once_and_health_turns_degraded_with_detail()
    {
        await using var factory = new MootaDeskFactory();
        factory.Settings["MootaDesk:Moota:Inbox:AlertAfterMinutes"] = "5";
        var client = factory.CreateClient();
        (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("status").GetString().ShouldBe("ok");

        long id;
        await using (var inbox = await InboxAsync(factory))
        {
            // Stuck: a failed attempt, its retry far ahead (the processor will not touch it).
            var d = new WebhookDelivery { ReceivedAt = factory.Time.GetUtcNow().UtcDateTime.AddMinutes(-12), Status = DeliveryStatus.Pending, Attempts = 1,
                NextAttemptAt = factory.Time.GetUtcNow().UtcDateTime.AddHours(1), Signature = SignatureVerdict.Valid, Body = Encoding.UTF8.GetBytes("[]"), Error = "database is locked" };
            inbox.WebhookDeliveries.Add(d);
            inbox.WebhookDeliveries.Add(new WebhookDelivery { ReceivedAt = factory.Time.GetUtcNow().UtcDateTime.AddMinutes(-20), Status = DeliveryStatus.Failed,
                ProcessedAt = factory.Time.GetUtcNow().UtcDateTime.AddMinutes(-15), Signature = SignatureVerdict.Valid, Body = Encoding.UTF8.GetBytes("[]"), BodyRedacted = true });
            await inbox.SaveChangesAsync();
            id = d.Id;
        }

        var monitor = factory.Services.GetRequiredService<InboxMonitor>();
        (await monitor.AlertIfLaggingAsync()).ShouldBeTrue();
        (await monitor.AlertIfLaggingAsync()).ShouldBeFalse(); // one notice per episode while it is unread
        var bell = factory.Services.GetRequiredService<NotificationInbox>();
        var (notices, unread) = await bell.LoadAsync(Viewer.ForRoles("ops", Roles.Ops));
        unread.ShouldBe(1);
        notices.Single().Link.ShouldBe(InboxMonitor.LagLink);
        notices.Single().Text.ShouldContain("#" + id);
        (await bell.LoadAsync(Viewer.ForRoles("finance", Roles.Finance))).Unread.ShouldBe(0);

        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        health.GetProperty("status").GetString().ShouldBe("degraded");
        var detail = health.GetProperty("inbox");
        detail.GetProperty("writable").GetBoolean().ShouldBeTrue();
        detail.GetProperty("lagging").GetBoolean().ShouldBeTrue();
        detail.GetProperty("pending").GetInt32().ShouldBe(1);
        detail.GetProperty("oldestPendingId").GetInt64().ShouldBe(id);
        detail.GetProperty("oldestPendingAgeSeconds").GetDouble().ShouldBe(12 * 60, tolerance: 1);
        detail.GetProperty("failuresLastHour").GetInt32().ShouldBe(1);

        // Read, and still lagging: the next check tells Ops again.
        await bell.MarkReadAsync(notices.Single().Id, Viewer.ForRoles("ops", Roles.Ops));
        (await monitor.AlertIfLaggingAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Health_is_degraded_when_the_inbox_cannot_be_written()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        var inboxPath = new SqliteConnectionStringBuilder((await InboxAsync(factory)).Database.GetConnectionString()).DataSource;
        // Another process holding the inbox's write lock, as a stuck backup tool would.
        await using var holder = new SqliteConnection($"Data Source={inboxPath};Pooling=False");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        health.GetProperty("status").GetString().ShouldBe("degraded");
        health.GetProperty("inbox").GetProperty("writable").GetBoolean().ShouldBeFalse();
        health.GetProperty("inbox").GetProperty("problem").GetString()!.ShouldContain("locked");
        await using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }
        (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("status").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task With_a_WITA_business_an_order_paid_ten_minutes_after_it_was_created_becomes_paid()
    {
        await using var factory = new MootaDeskFactory();
        factory.Settings["MootaDesk:TimeZone"] = "Asia/Makassar";
        factory.Time.SetJakarta(2026, 11, 23, 10, 0); // 11.00 WITA
        var client = factory.CreateClient();
        int accountId;
        await using (var db = await DbAsync(factory))
        {
            var account = new Account { BankCode = "bcaV3", AccountNumber = "0144050123", ExternalId = "bnkIN01", HolderName = "PT Uji", Label = "BCA Toko", CreatedAt = factory.Time.GetUtcNow().UtcDateTime };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            accountId = account.Id;
        }
        var created = await factory.Services.GetRequiredService<OrderCreator>().CreateOneAsync(new OrderRequest
        {
            Reference = "INV-WITA-1", CustomerName = "Budi", WhatsApp = "0812-3456-7890", Amount = 150_000m, AccountId = accountId,
            ExpiresAtUtc = factory.Time.GetUtcNow().UtcDateTime.AddHours(2),
        }, new Actor("cs-ani"));
        var order = created.Created.ShouldHaveSingleItem();

        // Moota writes the bank's time in Jakarta wall time: 10.10 WIB = 11.10 WITA, ten minutes after the order.
        var paidAt = order.CreatedAt.AddMinutes(10);
        var body = "[" + Element("wita1", amount: order.PayableAmount.ToString(System.Globalization.CultureInfo.InvariantCulture), date: MootaTime.Format(paidAt)) + "]";
        factory.Time.Advance(TimeSpan.FromMinutes(11));
        (await client.SendAsync(Signed(Encoding.UTF8.GetBytes(body)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);

        await using var check = await DbAsync(factory);
        var mutation = await check.Mutations.SingleAsync();
        mutation.TransactionTime.ShouldBe(new DateTime(paidAt.Ticks - paidAt.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc));
        var paid = await check.Orders.SingleAsync();
        (paid.Status, paid.MatchedMutationId).ShouldBe((OrderStatus.Paid, mutation.Id));
    }

    [Fact]
    public async Task Time_labels_name_the_business_zone_instead_of_WIB()
    {
        await using var factory = new MootaDeskFactory();
        factory.Settings["MootaDesk:TimeZone"] = "Asia/Makassar";
        await factory.CreateUserAsync("owner", "kopi-susu-gula-aren", Roles.Owner);
        var owner = await factory.SignInAsync("owner", "kopi-susu-gula-aren");
        await using (var db = await DbAsync(factory))
        {
            db.Accounts.Add(new Account { BankCode = "bcaV3", AccountNumber = "0144050123", HolderName = "PT Uji", Label = "BCA Toko", CreatedAt = factory.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        var mutasi = await owner.GetStringAsync("/mutasi");
        mutasi.ShouldContain("Waktu (WITA)");
        mutasi.ShouldNotContain("(WIB)");
        var newOrder = await owner.GetStringAsync("/pesanan/baru");
        newOrder.ShouldContain("Batas pembayaran (WITA)");
        newOrder.ShouldNotContain("(WIB)");
    }

    [Fact]
    public async Task A_processed_delivery_keeps_its_body_only_with_the_bank_s_secrets_replaced()
    {
        await using var test = await TestDatabase.CreateAsync();
        var body = Encoding.UTF8.GetBytes("[" + Element("sec1", extra: ""","username":"uji","bank2":{"meta":{"access_token":"FAKE-ACCESS-TOKEN-DO-NOT-SHOW","otp":"1234"}}""") + "]");
        var id = await PendingAsync(test, body);
        await using (var before = test.Inbox.CreateDbContext())
            (await before.WebhookDeliveries.SingleAsync(d => d.Id == id)).Body.ShouldBe(body); // kept as received until processed

        await Processor(test).ProcessBatchAsync(default);

        await using var inbox = test.Inbox.CreateDbContext();
        var d = await inbox.WebhookDeliveries.SingleAsync(x => x.Id == id);
        (d.Status, d.BodyRedacted).ShouldBe((DeliveryStatus.Processed, true));
        var kept = Encoding.UTF8.GetString(d.Body);
        kept.ShouldNotContain("FAKE-ACCESS-TOKEN-DO-NOT-SHOW");
        kept.ShouldNotContain("1234");
        kept.ShouldNotContain("\"uji\"");
        kept.ShouldContain("\"token\":\"sec1\"");
        await using var db = test.CreateDbContext();
        var raw = (await db.Mutations.SingleAsync()).RawSource!;
        raw.ShouldNotContain("username");
        raw.ShouldNotContain("FAKE-ACCESS-TOKEN");
    }

    [Fact]
    public async Task Sources_and_delivery_bodies_kept_by_an_earlier_version_are_scrubbed()
    {
        await using var test = await TestDatabase.CreateAsync();
        const string old = """{"mutation_id":"old1","token":"old1","bank_id":"b1","amount":5000,"type":"CR","bank":{"bank_type":"ovo","username":"uji","meta":{"access_token":"FAKE-ACCESS-TOKEN-DO-NOT-SHOW"}}}""";
        await using (var db = test.CreateDbContext())
        {
            var account = new Account { BankCode = "ovo", AccountNumber = "0812", HolderName = "", Label = "OVO", CreatedAt = test.Clock.UtcNow };
            db.Accounts.Add(account);
            for (var i = 0; i < 5; i++)
                db.Mutations.Add(new Mutation { Account = account, Source = MutationSource.Webhook, SourceId = "old" + i, Description = "X", Amount = 5000, TransactionTime = test.Clock.UtcNow, ReadTime = test.Clock.UtcNow, RawSource = old });
            db.Mutations.Add(new Mutation { Account = account, Source = MutationSource.Import, SourceId = "csv1", Description = "X", Amount = 1, TransactionTime = test.Clock.UtcNow, ReadTime = test.Clock.UtcNow, RawSource = "30/11;TRSF;token=abc" });
            await db.SaveChangesAsync();
        }
        await using (var inbox = test.Inbox.CreateDbContext())
        {
            inbox.WebhookDeliveries.Add(new WebhookDelivery { ReceivedAt = test.Clock.UtcNow, Status = DeliveryStatus.Processed, Signature = SignatureVerdict.Valid, Body = Encoding.UTF8.GetBytes("[" + old + "]") });
            inbox.WebhookDeliveries.Add(new WebhookDelivery { ReceivedAt = test.Clock.UtcNow, Status = DeliveryStatus.Rejected, Signature = SignatureVerdict.Invalid, Body = Encoding.UTF8.GetBytes("[" + old + "]") });
            await inbox.SaveChangesAsync();
        }

        var scrub = new StoredSourceScrub(test, test.Time) { BatchSize = 2 };
        var batches = 0;
        while (await scrub.ScrubNextAsync()) batches++;
        batches.ShouldBe(2); // 2 + 2 + 1: the last, short batch ends it
        (await scrub.ScrubNextAsync()).ShouldBeFalse();
        (await Processor(test).RedactBacklogAsync(default)).ShouldBe(2);

        await using var check = test.CreateDbContext();
        (await check.Mutations.Where(m => m.Source == MutationSource.Webhook).Select(m => m.RawSource!).ToListAsync())
            .ShouldAllBe(r => !r.Contains("FAKE-ACCESS-TOKEN") && !r.Contains("username") && r.Contains("\"mutation_id\":\"old"));
        (await check.Mutations.SingleAsync(m => m.SourceId == "csv1")).RawSource.ShouldBe("30/11;TRSF;token=abc");
        (await check.Settings.SingleAsync(s => s.Key == StoredSourceScrub.CursorKey)).Value.ShouldBe(StoredSourceScrub.Finished);
        await using var checkInbox = test.Inbox.CreateDbContext();
        (await checkInbox.WebhookDeliveries.ToListAsync()).ShouldAllBe(d => d.BodyRedacted && !Encoding.UTF8.GetString(d.Body).Contains("FAKE-ACCESS-TOKEN"));
    }
}
