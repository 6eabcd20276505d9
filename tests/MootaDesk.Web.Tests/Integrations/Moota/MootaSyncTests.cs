using MootaDesk.Core.Shared;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Integrations.Moota;

public class MootaSyncTests
{
    private readonly FakeMootaServer _moota = new();
    private readonly CapturingLogger<MootaApiClient> _clientLog = new();

    private TimeSpan _attemptTimeout = TimeSpan.FromSeconds(5);

    private IMootaApiClient Client() =>
        _moota.CreateApiClient(new MootaPullOptions { RetryDelay = TimeSpan.Zero, MaxRetries = 3, AttemptTimeout = _attemptTimeout }, _clientLog);

    private async Task<(MootaSync Sync, int IntegrationId)> SetUpAsync(TestDatabase test, string? token = null, int backfillDays = 7)
    {
        test.Time.SetJakarta(2026, 11, 21, 16, 30);
        await using var db = test.CreateDbContext();
        var integration = new Integration { Name = "Toko Utama", ApiToken = token ?? _moota.Token, BackfillDays = backfillDays, CreatedAt = test.Clock.UtcNow };
        db.Integrations.Add(integration);
        await db.SaveChangesAsync();
        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        return (new MootaSync(test, Client(), ingestor, test.Clock, new MootaSyncLocks(), NullLogger<MootaSync>.Instance), integration.Id);
    }

    private void SeedMoota()
    {
        _moota.AddBank("bank-bca-1", "bcaV3", "0123456789", "BCA Toko", "PT Toko Maju", "5000000.00");
        _moota.AddBank("bank-mdr-2", "mandiriMcmV2", "1370001234567", "", "PT Toko Maju");
        _moota.AddBank("bank-ovo-3", "ovo", "081234567890", "OVO", "Budi");
        _moota.AddMutation("mut-1", "bank-bca-1", "2026-11-20 10:15:00", "150123.00", "CR", "TRSF E-BANKING CR 2011/FTSCY/WS95031 150123.00 BUDI SANTOSO", "5150123.00");
        _moota.AddMutation("mut-2", "bank-bca-1", "2026-11-20 00:00:00", "6500.00", "DB", "BIAYA ADM");
        _moota.AddMutation("mut-3", "bank-bca-1", "2026-11-21 09:00:00", "1500000.00", "CR", "TRSF E-BANKING CR PT MAJU");
        _moota.AddMutation("mut-4", "bank-mdr-2", "2026-11-19 13:45:10", "2750000.50", "CR", "MCM InhouseTrf DARI TOKOPEDIA");
        _moota.AddMutation("mut-old", "bank-mdr-2", "2026-10-01 08:00:00", "99000.00", "CR", "TOO OLD FOR THE BACKFILL");
    }

    [Fact]
    public async Task First_sync_backfills_every_account_through_all_pages()
    {
        await using var test = await TestDatabase.CreateAsync();
        SeedMoota();
        var (sync, id) = await SetUpAsync(test);

        var result = await sync.SyncAsync(id, SyncTrigger.Manual);

        result.Status.ShouldBe(SyncStatus.Succeeded);
        (result.BanksFound, result.Fetched, result.New, result.Duplicates).ShouldBe((3, 4, 4, 0));
        // Two banks per page: /bank took two pages; BCA's three mutations took two pages.
        _moota.Requests.Count(r => r.StartsWith("/api/v2/bank")).ShouldBe(2);
        _moota.Requests.Count(r => r.Contains("bank=bank-bca-1")).ShouldBe(2);
        _moota.Requests.ShouldContain(r => r.Contains("start_date=2026-11-14") && r.Contains("end_date=2026-11-21"));
        _moota.AuthorizationHeaders.ShouldAllBe(h => h == "Bearer " + _moota.Token);

        await using var db = test.CreateDbContext();
        var stored = await db.Mutations.Include(m => m.Account).OrderBy(m => m.SourceId).ToListAsync();
        stored.Select(m => m.SourceId).ShouldBe(["mut-1", "mut-2", "mut-3", "mut-4"]);
        stored.ShouldAllBe(m => m.Source == MutationSource.Api);
        var first = stored[0];
        (first.Amount, first.Direction, first.BalanceAfter).ShouldBe((150_123m, Direction.Credit, 5_150_123m));
        first.TransactionTime.ShouldBe(new DateTime(2026, 11, 20, 3, 15, 0, DateTimeKind.Utc));
        first.Account!.ExternalId.ShouldBe("bank-bca-1");
        stored[1].HasTimeOfDay.ShouldBeFalse();
        stored[3].Amount.ShouldBe(2_750_000.50m);
        (await db.Accounts.CountAsync()).ShouldBe(3);
        (await db.Accounts.SingleAsync(a => a.ExternalId == "bank-mdr-2")).Label.ShouldBe("Mandiri MCM 1370001234567");

        var integration = await db.Integrations.SingleAsync();
        integration.LastSyncError.ShouldBeNull();
        integration.LastSuccessfulSyncAt.ShouldNotBeNull();
        var run = await db.MootaSyncRuns.SingleAsync();
        (run.Succeeded, run.NewCount, run.FromDate).ShouldBe((true, 4, new DateOnly(2026, 11, 14)));
    }

    [Fact]
    public async Task Syncing_again_stores_nothing_twice_and_asks_only_from_the_day_before_the_last_good_run()
    {
        await using var test = await TestDatabase.CreateAsync();
        SeedMoota();
        var (sync, id) = await SetUpAsync(test);
        await sync.SyncAsync(id, SyncTrigger.Manual);
        _moota.AddMutation("mut-5", "bank-ovo-3", "2026-11-21 17:05:00", "25000.00", "CR", "OVO TOPUP");
        test.Time.Advance(TimeSpan.FromMinutes(15));
        _moota.Requests.Clear();

        var again = await sync.SyncAsync(id, SyncTrigger.Schedule);

        (again.Status, again.New, again.Duplicates).ShouldBe((SyncStatus.Succeeded, 1, 3)); // the 20th and 21st again: BCA's three are recognised
        _moota.Requests.Where(r => r.Contains("/mutation")).ShouldAllBe(r => r.Contains("start_date=2026-11-20"));
        await using var db = test.CreateDbContext();
        (await db.Mutations.CountAsync()).ShouldBe(5);
        (await db.MootaSyncRuns.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_refused_token_leaves_a_clear_error_on_the_integration_and_is_not_retried()
    {
        await using var test = await TestDatabase.CreateAsync();
        SeedMoota();
        var (sync, id) = await SetUpAsync(test, token: "an-old-token-that-was-revoked");

        var result = await sync.SyncAsync(id, SyncTrigger.Manual);

        result.Status.ShouldBe(SyncStatus.Failed);
        _moota.Requests.Count.ShouldBe(1);
        await using var db = test.CreateDbContext();
        var integration = await db.Integrations.SingleAsync();
        // A key, not a sentence: the page says it in the reader's language (Moota_sync_error_is_shown_in_the_readers_language).
        Refusal.FromStored(integration.LastSyncError)!.Key.ShouldBe("MootaSync.Unauthorized");
        integration.LastSuccessfulSyncAt.ShouldBeNull();
        integration.LastSyncAt.ShouldNotBeNull();
        (await db.Mutations.CountAsync()).ShouldBe(0);
        _clientLog.Lines.ShouldNotContain(l => l.Contains("an-old-token-that-was-revoked"));
    }

    [Fact]
    public async Task Too_many_requests_then_success_is_retried_and_completes()
    {
        await using var test = await TestDatabase.CreateAsync();
        SeedMoota();
        var (sync, id) = await SetUpAsync(test);
        _moota.Failures.Enqueue(HttpStatusCode.TooManyRequests);
        _moota.Failures.Enqueue(HttpStatusCode.TooManyRequests);

        var result = await sync.SyncAsync(id, SyncTrigger.Manual);

        (result.Status, result.New).ShouldBe((SyncStatus.Succeeded, 4));
        _moota.Requests.Take(3).ShouldAllBe(r => r.StartsWith("/api/v2/bank?page=1"));
        _clientLog.Lines.Count(l => l.Contains("retrying")).ShouldBe(2);
    }

    [Fact]
    public async Task A_server_that_keeps_failing_ends_in_an_error_state_after_the_retries()
    {
        await using var test = await TestDatabase.CreateAsync();
        SeedMoota();
        var (sync, id) = await SetUpAsync(test);
        _moota.AlwaysAnswer = HttpStatusCode.InternalServerError;

        var result = await sync.SyncAsync(id, SyncTrigger.Manual);

        result.Status.ShouldBe(SyncStatus.Failed);
        result.Error.ShouldNotBeNull();
        (result.Error.Key, result.Error.Args.Single()).ShouldBe(("MootaSync.Unavailable", (object?)500));
        _moota.Requests.Count.ShouldBe(4); // one try and three retries
        await using var db = test.CreateDbContext();
        (await db.MootaSyncRuns.SingleAsync()).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_retried_then_reported_unreachable()
    {
        await using var test = await TestDatabase.CreateAsync();
        SeedMoota();
        _attemptTimeout = TimeSpan.FromMilliseconds(100);
        var (sync, id) = await SetUpAsync(test);
        _moota.Delay = TimeSpan.FromSeconds(10);

        var result = await sync.SyncAsync(id, SyncTrigger.Manual);

        result.Status.ShouldBe(SyncStatus.Failed);
        result.Error!.Key.ShouldBe("MootaSync.Unreachable");
        _moota.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Rest_amounts_as_strings_and_webhook_style_numbers_are_both_read_exactly()
    {
        var client = Client();
        _moota.AddBank("b1", "bca", "1", "x", "y");
        _moota.AddMutation("m1", "b1", "2026-11-21 10:00:00", "100123.00", "CR", "A");
        _moota.Mutations.Add(new() { ["mutation_id"] = "m2", ["bank_id"] = "b1", ["date"] = "2026-11-21 11:00:00", ["amount"] = 50000.5m, ["type"] = "DB", ["description"] = "B", ["balance"] = 0 });
        var rows = await client.GetMutationsAsync(_moota.Token, "b1", new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 21));
        var context = new MootaReadContext(MutationSource.Api, new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc));
        rows.Select(r => MootaMutationReader.Read(r.Item, r.Position, context).Mutation!.Amount).ShouldBe([100_123.00m, 50_000.5m]);
    }

    [Fact]
    public async Task Integration_settings_keep_the_token_write_only_and_audit_changes_without_it()
    {
        await using var test = await TestDatabase.CreateAsync();
        var settings = new MootaIntegrationSettings(test, test.Clock);
        var ops = Viewer.ForRoles("ops", Roles.Ops);
        var actor = new Actor("ops");
        var (problem, id) = await settings.CreateAsync(ops, actor, "Toko Kedua");
        problem.ShouldBe(PullSettingsProblem.None);

        (await settings.SaveAsync(ops, actor, id, new PullSettingsInput { Name = "Toko Kedua", NewToken = "secret-token-abcdefgh-1234", SyncIntervalMinutes = 30, BackfillDays = 14 }))
            .ShouldBe(PullSettingsProblem.None);
        (await settings.SaveAsync(ops, actor, id, new PullSettingsInput { Name = "Toko Kedua", SyncIntervalMinutes = 2 })).ShouldBe(PullSettingsProblem.IntervalOutOfRange);
        (await settings.SaveAsync(Viewer.ForRoles("fin", Roles.Finance), actor, id, new PullSettingsInput { Name = "X" })).ShouldBe(PullSettingsProblem.NotAllowed);

        var row = (await settings.ListAsync()).Single();
        row.MaskedToken.ShouldBe("••••1234");
        (row.SyncIntervalMinutes, row.BackfillDays).ShouldBe((30, 14));
        await using var db = test.CreateDbContext();
        (await db.Integrations.SingleAsync()).ApiToken.ShouldBe("secret-token-abcdefgh-1234");
        var audits = await db.AuditEvents.Where(a => a.EntityType == "Integration").ToListAsync();
        audits.Count.ShouldBe(2);
        audits.ShouldAllBe(a => (a.After ?? "").IndexOf("secret-token", StringComparison.Ordinal) < 0 && (a.Before ?? "").IndexOf("secret-token", StringComparison.Ordinal) < 0);
    }
}

internal sealed class CapturingLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines) Lines.Add(formatter(state, exception));
    }
}
