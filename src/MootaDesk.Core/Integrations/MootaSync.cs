using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Metrics;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

public enum SyncStatus { Succeeded, Failed, NotConfigured, AlreadyRunning }

/// <summary>One gate per integration for the whole app, so the scheduler and "sync now" never pull the same integration at once.</summary>
public sealed class MootaSyncLocks
{
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();

    public SemaphoreSlim For(int integrationId) => _gates.GetOrAdd(integrationId, _ => new SemaphoreSlim(1, 1));
}

/// <summary>
/// One pull's outcome. <paramref name="Duplicates"/> counts mutations already stored (by any channel, including statement rows
/// Moota's mutations were attached to); <paramref name="Conflicts"/> those among them Moota now reports with other values.
/// </summary>
public sealed record SyncResult(SyncStatus Status, int BanksFound, int Fetched, int New, int Duplicates, Refusal? Error, int Conflicts = 0);

/// <summary>An account as seen in a run's bank list, for the integration page.</summary>
public sealed record SeenBank(string BankId, string BankType, string AccountNumber, string? Label, string? HolderName, decimal? Balance, bool IsActive);

/// <summary>
/// Pulls one integration's accounts and mutations from Moota and stores them through the shared ingest path
/// (source Api, identity = mutation_id across every Moota channel), so a re-sync or a webhook for the same mutation never
/// makes a second row. The default integration's token comes from configuration (MootaDesk:Moota:Api:Token).
/// The first run reaches back BackfillDays; later runs start a day before the last good one, because Moota
/// often reads a bank some time after the transaction.
/// </summary>
public sealed class MootaSync(
    IDbContextFactory<MootaDeskDbContext> factory,
    IMootaApiClient api,
    MutationIngestor ingestor,
    BusinessClock clock,
    MootaSyncLocks locks,
    ILogger<MootaSync> logger,
    IOptionsMonitor<MootaDeskOptions>? options = null,
    MootaDeskMetrics? metrics = null)
{
    private static readonly Actor SyncActor = new("moota-api");

    public async Task<SyncResult> SyncAsync(int integrationId, SyncTrigger trigger, CancellationToken ct = default)
    {
        var gate = locks.For(integrationId);
        if (!await gate.WaitAsync(0, ct)) return new SyncResult(SyncStatus.AlreadyRunning, 0, 0, 0, 0, null);
        try
        {
            return await RunAsync(integrationId, trigger, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SyncResult> RunAsync(int integrationId, SyncTrigger trigger, CancellationToken ct)
    {
        Integration? integration;
        await using (var db = await factory.CreateDbContextAsync(ct))
            integration = await db.Integrations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == integrationId, ct);
        var token = integration is null ? null : TokenOf(integration, options?.CurrentValue);
        if (integration is null || string.IsNullOrWhiteSpace(token))
            return new SyncResult(SyncStatus.NotConfigured, 0, 0, 0, 0, null);

        var started = clock.UtcNow;
        var to = clock.Today;
        var from = integration.LastSuccessfulSyncAt is DateTime last
            ? DateOnly.FromDateTime(clock.ToLocal(last)).AddDays(-1)
            : to.AddDays(-Math.Clamp(integration.BackfillDays, 0, 366));
        var run = new MootaSyncRun { IntegrationId = integrationId, Trigger = trigger, StartedAt = started, FromDate = from, ToDate = to };

        Refusal? error = null;
        try
        {
            var banks = await api.GetBanksAsync(token, ct);
            run.BanksFound = banks.Count;
            run.BanksJson = JsonSerializer.Serialize(banks.Select(b => new SeenBank(b.BankId, b.BankType, b.AccountNumber, b.Label, b.HolderName, b.Balance, b.IsActive)));
            var accounts = await UpsertAccountsAsync(banks, integration.IsSandbox, ct);
            foreach (var bank in banks.Where(b => b.IsActive))
            {
                var mutations = await api.GetMutationsAsync(token, bank.BankId, from, to, ct);
                run.MutationsFetched += mutations.Count;
                var incoming = mutations.Select(m => ToIncoming(m, accounts[bank.BankId], integration.IsSandbox)).OfType<IncomingMutation>().ToList();
                var result = await ingestor.IngestAsync(incoming, SyncActor, ct);
                run.NewCount += result.New;
                run.DuplicateCount += result.Duplicates;
                run.ConflictCount += result.Conflicts;
            }
            run.Succeeded = true;
        }
        catch (MootaApiException ex)
        {
            error = Explain(ex);
            logger.LogWarning("Moota sync of integration {IntegrationId} failed: {Failure} {Status}", integrationId, ex.Failure, ex.Status);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient's overall timeout surfaces as a cancellation nobody asked for.
            error = Explain(new MootaApiException(MootaApiFailure.Unreachable, null, "timeout"));
            logger.LogWarning("Moota sync of integration {IntegrationId} timed out", integrationId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = Refusal.Of("MootaSync.Internal", ex.GetType().Name);
            logger.LogError(ex, "Moota sync of integration {IntegrationId} failed", integrationId);
        }

        if (error is null) metrics?.Ingested("api", run.NewCount, run.DuplicateCount);
        else metrics?.Failed("moota-sync", error.Code);
        var finished = clock.UtcNow;
        run.FinishedAt = finished;
        // Stored as a key with its arguments; the integration page says it in the reader's language.
        run.Error = error?.ToStored();
        await using (var db = await factory.CreateDbContextAsync(CancellationToken.None))
        {
            db.MootaSyncRuns.Add(run);
            var row = await db.Integrations.FirstAsync(i => i.Id == integrationId, CancellationToken.None);
            row.LastSyncAt = finished;
            row.LastSyncError = error?.ToStored();
            if (error is null) row.LastSuccessfulSyncAt = started;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return new SyncResult(error is null ? SyncStatus.Succeeded : SyncStatus.Failed, run.BanksFound, run.MutationsFetched, run.NewCount, run.DuplicateCount, error,
            run.ConflictCount);
    }

    /// <summary>The default integration pulls with the configured token; every other one with the token saved on the Integrasi page.</summary>
    public static string? TokenOf(Integration integration, MootaDeskOptions? options) =>
        integration.IsDefault && options?.Moota.Api.IsConfigured == true ? options.Moota.Api.Token : integration.ApiToken;

    /// <summary>Finds each Moota account by bank_id (or bank and number) and creates the ones MootaDesk does not know yet.</summary>
    private async Task<Dictionary<string, int>> UpsertAccountsAsync(IReadOnlyList<MootaBank> banks, bool sandbox, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var ids = new Dictionary<string, int>();
        var created = new List<Account>();
        foreach (var bank in banks)
        {
            var account = await db.Accounts.FirstOrDefaultAsync(a => a.ExternalId == bank.BankId, ct)
                          ?? await db.Accounts.FirstOrDefaultAsync(a => a.BankCode == bank.BankType && a.AccountNumber == bank.AccountNumber, ct);
            if (account is null)
            {
                account = new Account
                {
                    BankCode = bank.BankType,
                    AccountNumber = bank.AccountNumber,
                    HolderName = bank.HolderName ?? "",
                    Label = string.IsNullOrWhiteSpace(bank.Label) ? $"{BankNames.Display(bank.BankType)} {bank.AccountNumber}" : bank.Label!,
                    ExternalId = bank.BankId,
                    IsSandbox = sandbox,
                    CreatedAt = now,
                };
                db.Accounts.Add(account);
                created.Add(account);
            }
            else
            {
                account.ExternalId ??= bank.BankId;
                if (string.IsNullOrEmpty(account.HolderName) && !string.IsNullOrEmpty(bank.HolderName)) account.HolderName = bank.HolderName;
            }
            // The bank list carries the balance at Moota's last read: newer than a balance from an older mutation.
            // last_update is Moota's clock: Jakarta wall time, or an ISO instant ("2026-11-29T23:00:00.000000Z") in newer answers.
            if (bank.Balance is > 0 && MootaTime.Parse(bank.LastUpdate) is { TooEarly: false } read
                && (account.LastKnownBalanceAt is null || account.LastKnownBalanceAt < read.Utc))
            {
                account.LastKnownBalance = bank.Balance;
                account.LastKnownBalanceAt = read.Utc;
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var account in created)
            db.Record(SyncActor, "account.create", "Account", account.Id, null,
                new { account.BankCode, account.AccountNumber, account.Label, account.ExternalId, source = "moota-api" }, now);
        await db.SaveChangesAsync(ct);
        foreach (var bank in banks)
            ids[bank.BankId] = (await db.Accounts.AsNoTracking().FirstAsync(a => a.ExternalId == bank.BankId || (a.BankCode == bank.BankType && a.AccountNumber == bank.AccountNumber), ct)).Id;
        return ids;
    }

    /// <summary>
    /// One pulled item through the same reader as a webhook element (strict values, Jakarta time, allow-listed source), stored
    /// against the account the bank list mapped it to. An unreadable item is logged with its reasons and left out; the run's
    /// other items go on.
    /// </summary>
    private IncomingMutation? ToIncoming(MootaMutation m, int accountId, bool sandbox)
    {
        var reading = MootaMutationReader.Read(m.Item, m.Position, new MootaReadContext(MutationSource.Api, clock.UtcNow, IsSandbox: sandbox));
        if (reading.Mutation is { } mutation) return mutation with { AccountId = accountId, Account = null };
        logger.LogWarning("Moota mutation {MutationId} skipped: {Reasons}", m.MutationId ?? "(no id)", reading.Rejected!.Technical);
        return null;
    }

    /// <summary>
    /// What went wrong, as a refusal the Ops person can act on once translated (IntegrationsText <c>MootaSync.*</c>). Stored on the
    /// integration and its run (<see cref="Refusal.ToStored"/>) and shown on its page.
    /// </summary>
    public static Refusal Explain(MootaApiException ex) => ex.Failure switch
    {
        MootaApiFailure.Unauthorized => Refusal.Of("MootaSync.Unauthorized"),
        MootaApiFailure.Invalid => ex.Message.Length > 0 ? Refusal.Of("MootaSync.Invalid", ex.Message) : Refusal.Of("MootaSync.InvalidNoReason"),
        MootaApiFailure.NotFound => Refusal.Of("MootaSync.NotFound"),
        MootaApiFailure.Unavailable => Refusal.Of("MootaSync.Unavailable", ex.Status),
        MootaApiFailure.Unreachable => Refusal.Of("MootaSync.Unreachable"),
        _ => Refusal.Of("MootaSync.Unreadable"),
    };
}
