using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Integrations.Moota;

public class MootaSyncSchedulerTests
{
    [Fact]
    public async Task Only_active_integrations_with_a_token_whose_interval_has_passed_are_synced()
    {
        await using var test = await TestDatabase.CreateAsync();
        var moota = new FakeMootaServer();
        moota.AddBank("b1", "bca", "123", "BCA", "PT X");
        var now = test.Clock.UtcNow;
        await using (var db = test.CreateDbContext())
        {
            db.Integrations.AddRange(
                new Integration { Name = "due-never-synced", ApiToken = moota.Token, CreatedAt = now },
                new Integration { Name = "due-interval-passed", ApiToken = moota.Token, SyncIntervalMinutes = 15, LastSyncAt = now.AddMinutes(-16), CreatedAt = now },
                new Integration { Name = "not-yet", ApiToken = moota.Token, SyncIntervalMinutes = 15, LastSyncAt = now.AddMinutes(-5), CreatedAt = now },
                new Integration { Name = "inactive", ApiToken = moota.Token, IsActive = false, CreatedAt = now },
                new Integration { Name = "no-token", CreatedAt = now });
            await db.SaveChangesAsync();
        }
        var services = new ServiceCollection()
            .AddSingleton<IDbContextFactory<MootaDeskDbContext>>(test)
            .AddSingleton<IMootaApiClient>(new MootaApiClient(moota.CreateClient(), Options.Create(new MootaPullOptions { RetryDelay = TimeSpan.Zero }), NullLogger<MootaApiClient>.Instance))
            .AddSingleton(new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance))
            .AddSingleton<BusinessClock>(test.Clock)
            .AddLogging()
            .AddSingleton<MootaSyncLocks>()
            .AddTransient<MootaSync>()
            .BuildServiceProvider();
        var scheduler = new MootaSyncScheduler(test, services, test.Time, Options.Create(new MootaPullOptions()), NullLogger<MootaSyncScheduler>.Instance);

        await scheduler.RunDueAsync(CancellationToken.None);

        await using var check = test.CreateDbContext();
        var synced = await check.MootaSyncRuns.Join(check.Integrations, r => r.IntegrationId, i => i.Id, (r, i) => i.Name).ToListAsync();
        synced.ShouldBe(["due-never-synced", "due-interval-passed"], ignoreOrder: true);
    }
}
