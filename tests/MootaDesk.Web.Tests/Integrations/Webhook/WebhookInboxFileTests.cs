using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Integrations.Webhook.WebhookTestKit;

namespace MootaDesk.Web.Tests.Integrations.Webhook;

/// <summary>The inbox lives in its own SQLite file so that a webhook answer never waits for the main store's writer.</summary>
public class WebhookInboxFileTests
{
    [Fact]
    public async Task Webhook_is_accepted_while_the_main_database_is_held_by_a_long_write()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();

        // Hold the main file's write lock, as a long ingest or a bulk edit would.
        await using var blocker = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        var response = await client.SendAsync(FixtureRequest("01-single-credit"));
        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // With the inbox in the main file this waited for the lock (busy timeout 10 s); now it does not wait at all.
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));

        await using (var inbox = await InboxAsync(factory))
            (await inbox.WebhookDeliveries.SingleAsync()).Status.ShouldBe(DeliveryStatus.Pending);

        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }
        await WaitForInboxAsync(factory);
        await using var db = await DbAsync(factory);
        (await db.Mutations.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Inbox_log_is_copied_beside_the_answers_and_the_next_delivery_starts_it_again()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        // Another test's SqliteConnection.ClearAllPools closes every pooled connection, and SQLite copies and removes the log
        // when the last connection to a file closes: one connection of our own, idle and outside the pool, keeps the log.
        await using var keep = new SqliteConnection($"Data Source={factory.InboxPath};Pooling=False");
        await keep.OpenAsync();
        for (var i = 0; i < 30; i++) (await client.SendAsync(FixtureRequest("01-single-credit"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);
        var checkpointer = factory.Services.GetRequiredService<InboxCheckpointer>();

        var first = (await checkpointer.CheckpointAsync(CancellationToken.None))!.Value;
        first.Complete.ShouldBeTrue();

        (await client.SendAsync(FixtureRequest("01-single-credit"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);
        var second = (await checkpointer.CheckpointAsync(CancellationToken.None))!.Value;
        // Appended to the thirty deliveries' log it would hold more than thirty frames; started again it holds one delivery's.
        second.Log.ShouldBeLessThan(30);
        second.Complete.ShouldBeTrue();
    }

    [Fact]
    public async Task Inbox_log_is_copied_into_the_file_every_second_even_while_the_processor_is_stopped()
    {
        await using var factory = new MootaDeskFactory();
        var client = factory.CreateClient();
        await factory.Services.GetServices<IHostedService>().OfType<WebhookInboxService>().Single().StopAsync(CancellationToken.None);
        var inboxFile = new FileInfo(factory.InboxPath);
        // As above: without a connection of our own, another test clearing the pools would copy the log into the file.
        await using var keep = new SqliteConnection($"Data Source={inboxFile.FullName};Pooling=False");
        await keep.OpenAsync();
        // Copy whatever start-up left in the log, so the file's size moves only with what follows.
        await factory.Services.GetRequiredService<InboxCheckpointer>().CheckpointAsync(CancellationToken.None);
        inboxFile.Refresh();
        var before = inboxFile.Length;

        for (var i = 0; i < 20; i++) (await client.SendAsync(FixtureRequest("01-single-credit"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        inboxFile.Refresh();
        inboxFile.Length.ShouldBe(before); // the new rows are in the log only

        factory.Time.Advance(InboxCheckpointer.Interval);
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until && inboxFile.Length == before)
        {
            await Task.Delay(50);
            inboxFile.Refresh();
        }
        inboxFile.Length.ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task Deliveries_kept_in_the_main_file_by_an_older_version_move_to_the_inbox_file_with_their_ids()
    {
        await using var factory = new MootaDeskFactory();
        Directory.CreateDirectory(Path.GetDirectoryName(factory.DatabasePath)!);
        var options = new DbContextOptionsBuilder<MootaDeskDbContext>().UseSqlite($"Data Source={factory.DatabasePath};Pooling=False").Options;
        await using (var old = new MootaDeskDbContext(options))
        {
            // The schema as the previous release left it, with two deliveries: one processed, one still pending.
            await old.GetService<IMigrator>().MigrateAsync("SandboxOnlyIndex");
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO WebhookDeliveries (Id, IntegrationId, ReceivedAt, SourceIp, HeadersJson, Body, Signature, Status, Attempts, NewCount, DuplicateCount, AnswerMs)
                VALUES (41, NULL, '2026-11-20 02:00:00', '10.0.0.9', '{{}}', X'5B5D', 0, 1, 1, 0, 0, 0.4);
                """);
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO WebhookDeliveries (Id, IntegrationId, ReceivedAt, SourceIp, HeadersJson, Body, Signature, Status, Attempts, NewCount, DuplicateCount, AnswerMs)
                VALUES (42, NULL, '2026-11-21 02:00:00', '10.0.0.9', '{{}}', {0}, 0, 0, 0, 0, 0, 0.5);
                """, MootaDesk.Tests.Shared.MootaFixtures.Body("01-single-credit"));
        }
        SqliteConnection.ClearAllPools();

        _ = factory.CreateClient(); // start-up migrates both files and moves the rows
        await WaitForInboxAsync(factory);

        await using var inbox = await InboxAsync(factory);
        var moved = await inbox.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
        moved.Select(d => d.Id).ShouldBe([41L, 42L]);
        moved[0].SourceIp.ShouldBe("10.0.0.9");
        moved[0].Status.ShouldBe(DeliveryStatus.Processed);
        moved[1].Status.ShouldBe(DeliveryStatus.Processed);
        moved[1].NewCount.ShouldBe(1);
        await using var db = await DbAsync(factory);
        (await db.Mutations.SingleAsync()).WebhookDeliveryId.ShouldBe(42);
        var leftovers = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name IN ('WebhookDeliveries', 'WebhookDeliveriesMoved')").SingleAsync();
        leftovers.ShouldBe(0);
        // A second start finds nothing to move.
        (await WebhookInboxFile.MoveLegacyDeliveriesAsync(db, factory.InboxPath)).ShouldBe(0);
    }

    [Theory]
    [InlineData("Data Source=/var/lib/mootadesk/mootadesk.db", "/var/lib/mootadesk/mootadesk-inbox.db")]
    [InlineData("Data Source=/srv/shop.sqlite;Foreign Keys=True", "/srv/shop-inbox.sqlite")]
    public void The_inbox_file_sits_next_to_the_main_file(string main, string expected)
    {
        new SqliteConnectionStringBuilder(WebhookInboxFile.ConnectionStringFor(main, null)).DataSource.ShouldBe(expected);
        WebhookInboxFile.ConnectionStringFor(main, "Data Source=/elsewhere/inbox.db").ShouldBe("Data Source=/elsewhere/inbox.db");
        Should.Throw<InvalidOperationException>(() => WebhookInboxFile.ConnectionStringFor("Data Source=:memory:", null));
    }
}
