
namespace MootaDesk.Core.Integrations;

public enum SyncTrigger { Schedule = 0, Manual = 1, Api = 2 }

/// <summary>One pull from Moota's API for an integration: what it asked for, what it found and how it ended.</summary>
public class MootaSyncRun
{
    public long Id { get; set; }
    public int IntegrationId { get; set; }
    public SyncTrigger Trigger { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateOnly FromDate { get; set; }
    public DateOnly ToDate { get; set; }
    public int BanksFound { get; set; }
    public int MutationsFetched { get; set; }
    public int NewCount { get; set; }
    public int DuplicateCount { get; set; }

    /// <summary>Mutations Moota reported with a mutation_id already stored but other values (see <see cref="MutationConflict"/>).</summary>
    public int ConflictCount { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>Plain-language reason when the run failed; never contains the token.</summary>
    /// <summary>Why the run failed: a stored <see cref="MootaDesk.Core.Shared.Refusal"/> (key and arguments), or a sentence on runs written before keys were kept.</summary>
    public string? Error { get; set; }

    /// <summary>The Moota accounts the run saw (bank_id, bank_type, account_number, label, holder) as JSON.</summary>
    public string BanksJson { get; set; } = "[]";
}
