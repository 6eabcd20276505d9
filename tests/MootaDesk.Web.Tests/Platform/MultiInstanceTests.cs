using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Integrations.Webhook;

namespace MootaDesk.Web.Tests.Platform;

/// <summary>
/// What several instances on one store rely on (decision 022): the inbox claim, scheduled work run alone, and the Data
/// Protection key ring in the store. Runs on SQLite here and on PostgreSQL through <see cref="MultiInstanceTestsOnPostgreSql"/>.
/// </summary>
public class MultiInstanceTests
{
    [Fact]
    public async Task Scheduled_work_runs_in_one_instance_at_a_time_on_PostgreSQL_and_always_on_SQLite()
    {
        await using var test = await TestDatabase.CreateAsync();
        var first = new ScheduledWork(test);
        var second = new ScheduledWork(test);
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var running = first.RunAloneAsync("test.job", async _ => { holding.SetResult(); await release.Task; }, CancellationToken.None);
        await holding.Task;

        var ranMeanwhile = false;
        var secondRan = await second.RunAloneAsync("test.job", _ => { ranMeanwhile = true; return Task.CompletedTask; }, CancellationToken.None);
        var otherJobRan = await second.RunAloneAsync("test.other-job", _ => Task.CompletedTask, CancellationToken.None);
        release.SetResult();
        (await running).ShouldBeTrue();

        otherJobRan.ShouldBeTrue();
        // SQLite has one instance by design (decision 022): nothing to exclude there.
        secondRan.ShouldBe(test.Provider == StoreProvider.Sqlite);
        ranMeanwhile.ShouldBe(secondRan);
        // Once the first is done, the job is free again.
        (await second.RunAloneAsync("test.job", _ => Task.CompletedTask, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_store_so_another_instance_reads_the_cookie()
    {
        await using var app = new MootaDeskFactory();
        await app.CreateUserAsync("owner-dp", "kopi-susu-gula-aren", Roles.Owner);
        var cookie = await app.SignInCookieAsync("owner-dp", "kopi-susu-gula-aren");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MootaDeskDbContext>();
            (await db.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
        }
        // The key ring is read from the store: a fresh key-ring reader over the same store unprotects the cookie.
        var provider = new ServiceCollection()
            .AddDbContext<MootaDeskDbContext>(o => DatabaseSetup.Configure(o, app.Services.GetRequiredService<StoreLocation>()))
            .AddDataProtection().SetApplicationName("MootaDesk").PersistKeysToDbContext<MootaDeskDbContext>().Services
            .BuildServiceProvider();
        var ticketProtector = provider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2");
        var value = Uri.UnescapeDataString(cookie["mootadesk.auth=".Length..]);
        var raw = Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Decode(value);
        Should.NotThrow(() => ticketProtector.Unprotect(raw));
    }
}

/// <summary>
/// The inbox claim (FOR UPDATE SKIP LOCKED) of several instances on one PostgreSQL store. Abstract: it runs only as
/// <see cref="InboxClaimTestsOnPostgreSql"/>, since a SQLite store has one instance by design and no claim.
/// </summary>
public abstract class InboxClaimTests
{
    /// <summary>Records every save that moves a delivery out of Pending: a delivery processed twice is recorded twice.</summary>
    private sealed class ProcessedDeliveries : SaveChangesInterceptor
    {
        public readonly ConcurrentBag<long> Ids = [];

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            foreach (var e in eventData.Context!.ChangeTracker.Entries<WebhookDelivery>())
                if (e.State == EntityState.Modified && e.Property(d => d.Status).OriginalValue == DeliveryStatus.Pending && e.Entity.Status != DeliveryStatus.Pending)
                    Ids.Add(e.Entity.Id);
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task Two_instances_processing_one_inbox_process_each_delivery_exactly_once()
    {
        await using var test = await TestDatabase.CreateAsync();
        const int deliveries = 60, perDelivery = 3;
        await using (var inbox = test.Inbox.CreateDbContext())
        {
            for (var i = 0; i < deliveries; i++)
            {
                var body = "[" + string.Join(",", Enumerable.Range(0, perDelivery).Select(k => WebhookInboxTests.Element($"mi{i:D3}x{k}", amount: (100_000 + i * 10 + k).ToString(System.Globalization.CultureInfo.InvariantCulture)))) + "]";
                inbox.WebhookDeliveries.Add(new WebhookDelivery
                {
                    ReceivedAt = test.Clock.UtcNow, Body = Encoding.UTF8.GetBytes(body), Signature = SignatureVerdict.Valid, Status = DeliveryStatus.Pending, HeadersJson = "{}",
                });
            }
            await inbox.SaveChangesAsync();
        }

        var recorder = new ProcessedDeliveries();
        var options = new DbContextOptionsBuilder<InboxDbContext>();
        DatabaseSetup.ConfigureInbox(options, test.Location).AddInterceptors(recorder);
        // Two "instances": each its own processor, write gate and inbox factory, over the one store, small batches so they overlap.
        WebhookInboxProcessor Instance() =>
            new(test, new InboxFactory(options.Options), new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance), new InboxWriteGate(), test.Clock,
                NullLogger<WebhookInboxProcessor>.Instance) { BatchSize = 4 };
        async Task<int> RunAsync(WebhookInboxProcessor processor)
        {
            var total = 0;
            for (int n; (n = await processor.ProcessBatchAsync(CancellationToken.None)) > 0;) total += n;
            return total;
        }

        var handled = await Task.WhenAll(RunAsync(Instance()), RunAsync(Instance()));

        handled.Sum().ShouldBe(deliveries);
        recorder.Ids.Count.ShouldBe(deliveries, "a delivery was processed by both instances");
        recorder.Ids.Distinct().Count().ShouldBe(deliveries);
        await using var db = test.CreateDbContext();
        (await db.Mutations.CountAsync()).ShouldBe(deliveries * perDelivery);
        await using var check = test.Inbox.CreateDbContext();
        (await check.WebhookDeliveries.CountAsync(d => d.Status == DeliveryStatus.Processed && d.Attempts == 1)).ShouldBe(deliveries);
        (await check.WebhookDeliveries.SumAsync(d => d.NewCount)).ShouldBe(deliveries * perDelivery);
    }
}
