using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

public sealed record PullIntegration(
    int Id, string Name, bool IsDefault, bool IsActive, bool IsSandbox, string? MaskedToken, int SyncIntervalMinutes, int BackfillDays,
    DateTime? LastSyncAt, DateTime? LastSuccessfulSyncAt, string? LastSyncError);

public sealed record SyncRunRow(long Id, SyncTrigger Trigger, DateTime StartedAt, DateTime? FinishedAt, DateOnly FromDate, DateOnly ToDate,
    int BanksFound, int MutationsFetched, int New, int Duplicates, bool Succeeded, string? Error)
{
    public int Conflicts { get; init; }
}

/// <summary>What the page sends; <see cref="NewToken"/> empty means "keep the stored token" (it is write-only).</summary>
public sealed class PullSettingsInput
{
    public string Name { get; set; } = "";
    public string? NewToken { get; set; }
    public bool ClearToken { get; set; }
    public int SyncIntervalMinutes { get; set; } = 15;
    public int BackfillDays { get; set; } = 7;
    public bool IsActive { get; set; } = true;
}

public enum PullSettingsProblem { None, NotAllowed, NotFound, NameRequired, IntervalOutOfRange, BackfillOutOfRange, TokenTooShort, SetByConfiguration }

/// <summary>
/// Reads and changes the pull side of integrations. The token is never given back: only a mask of its last
/// four characters; changes are audited without the token itself.
/// </summary>
public sealed class MootaIntegrationSettings(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock, IOptionsMonitor<MootaDeskOptions>? options = null)
{
    public const int MinInterval = 5, MaxInterval = 1440, MaxBackfill = 90;

    public static string? Mask(string? token) =>
        string.IsNullOrEmpty(token) ? null : token.Length <= 8 ? "••••" : "••••" + token[^4..];

    private static bool Allowed(Viewer viewer) => viewer.Can(Actions.ManageIntegrations);

    public async Task<IReadOnlyList<PullIntegration>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Integrations.AsNoTracking().OrderByDescending(i => i.IsDefault).ThenBy(i => i.Name).ToListAsync(ct);
        var settings = options?.CurrentValue;
        return rows.Select(i => new PullIntegration(i.Id, i.Name, i.IsDefault, i.IsActive, i.IsSandbox, Mask(MootaSync.TokenOf(i, settings)), i.SyncIntervalMinutes, i.BackfillDays,
            i.LastSyncAt, i.LastSuccessfulSyncAt, i.LastSyncError)).ToList();
    }

    public async Task<(PullSettingsProblem Problem, int Id)> CreateAsync(Viewer viewer, Actor actor, string name, CancellationToken ct = default)
    {
        if (!Allowed(viewer)) return (PullSettingsProblem.NotAllowed, 0);
        if (string.IsNullOrWhiteSpace(name)) return (PullSettingsProblem.NameRequired, 0);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var integration = new Integration { Name = name.Trim(), CreatedAt = now, IsActive = true };
        db.Integrations.Add(integration);
        await db.SaveChangesAsync(ct);
        db.Record(actor, "integration.create", "Integration", integration.Id, null, new { integration.Name }, now);
        await db.SaveChangesAsync(ct);
        return (PullSettingsProblem.None, integration.Id);
    }

    public async Task<PullSettingsProblem> SaveAsync(Viewer viewer, Actor actor, int id, PullSettingsInput input, CancellationToken ct = default)
    {
        if (!Allowed(viewer)) return PullSettingsProblem.NotAllowed;
        if (string.IsNullOrWhiteSpace(input.Name)) return PullSettingsProblem.NameRequired;
        if (input.SyncIntervalMinutes is < MinInterval or > MaxInterval) return PullSettingsProblem.IntervalOutOfRange;
        if (input.BackfillDays is < 0 or > MaxBackfill) return PullSettingsProblem.BackfillOutOfRange;
        var newToken = input.NewToken?.Trim();
        if (!string.IsNullOrEmpty(newToken) && newToken.Length < 16) return PullSettingsProblem.TokenTooShort;

        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Integrations.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (row is null) return PullSettingsProblem.NotFound;
        // Configuration owns the default integration's pull side: a change here would be undone at the next start.
        if (row.IsDefault && options?.CurrentValue.Moota.Api.IsConfigured == true) return PullSettingsProblem.SetByConfiguration;
        var before = new { row.Name, row.IsActive, row.SyncIntervalMinutes, row.BackfillDays, token = Mask(row.ApiToken) };
        row.Name = input.Name.Trim();
        row.IsActive = input.IsActive;
        row.SyncIntervalMinutes = input.SyncIntervalMinutes;
        row.BackfillDays = input.BackfillDays;
        if (!string.IsNullOrEmpty(newToken))
        {
            row.ApiToken = newToken;
            // A new token is a new connection: the next run backfills and the old error no longer applies.
            row.LastSuccessfulSyncAt = null;
            row.LastSyncError = null;
        }
        else if (input.ClearToken)
        {
            row.ApiToken = null;
            row.LastSyncError = null;
        }
        db.Record(actor, "integration.pull-settings", "Integration", id, before,
            new { row.Name, row.IsActive, row.SyncIntervalMinutes, row.BackfillDays, token = Mask(row.ApiToken) }, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return PullSettingsProblem.None;
    }

    public async Task<IReadOnlyList<SyncRunRow>> RunsAsync(int id, int take = 10, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.MootaSyncRuns.AsNoTracking().Where(r => r.IntegrationId == id).OrderByDescending(r => r.Id).Take(take)
            .Select(r => new SyncRunRow(r.Id, r.Trigger, r.StartedAt, r.FinishedAt, r.FromDate, r.ToDate, r.BanksFound, r.MutationsFetched, r.NewCount, r.DuplicateCount, r.Succeeded, r.Error)
            { Conflicts = r.ConflictCount })
            .ToListAsync(ct);
    }

    /// <summary>The Moota accounts the last successful run saw, with the MootaDesk account each became.</summary>
    public async Task<IReadOnlyList<(SeenBank Bank, int? AccountId)>> FoundAccountsAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var json = await db.MootaSyncRuns.AsNoTracking().Where(r => r.IntegrationId == id && r.Succeeded).OrderByDescending(r => r.Id)
            .Select(r => r.BanksJson).FirstOrDefaultAsync(ct);
        if (json is null) return [];
        var banks = JsonSerializer.Deserialize<List<SeenBank>>(json) ?? [];
        var externalIds = banks.Select(b => b.BankId).ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.ExternalId != null && externalIds.Contains(a.ExternalId))
            .Select(a => new { a.Id, a.ExternalId }).ToListAsync(ct);
        return banks.Select(b => (b, accounts.FirstOrDefault(a => a.ExternalId == b.BankId)?.Id)).ToList();
    }
}
