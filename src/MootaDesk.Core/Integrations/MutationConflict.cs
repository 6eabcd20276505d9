using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Integrations;

public enum ConflictStatus { Open = 0, KeptOld = 1, UsedNew = 2 }

/// <summary>Which values of a re-delivered Moota mutation disagree with the stored row.</summary>
[Flags]
public enum ConflictFields { None = 0, Amount = 1, Direction = 2, Account = 4, Date = 8 }

/// <summary>
/// Moota reported a mutation_id MootaDesk already stores, with another amount, direction, account or date. The stored
/// row stays as it was until Ops chooses: keep the old version, or use the new one (both audited).
/// </summary>
public class MutationConflict
{
    public long Id { get; set; }
    public long MutationId { get; set; }
    public required string MootaMutationId { get; set; }

    /// <summary>The channel that brought the differing version (webhook or API pull).</summary>
    public MutationSource Channel { get; set; }

    public long? WebhookDeliveryId { get; set; }
    public DateTime DetectedAt { get; set; }
    public ConflictFields Fields { get; set; }

    /// <summary>The account the new version names, when MootaDesk knows it; the text says it either way ("bcaV3 0144050123").</summary>
    public int? IncomingAccountId { get; set; }
    public string IncomingAccountText { get; set; } = "";
    public decimal IncomingAmount { get; set; }
    public Direction IncomingDirection { get; set; }
    public DateTime IncomingTransactionTime { get; set; }
    public bool IncomingHasTimeOfDay { get; set; }
    public DateOnly IncomingBankDate { get; set; }
    public string IncomingDescription { get; set; } = "";
    public decimal? IncomingBalanceAfter { get; set; }
    public string? IncomingRawSource { get; set; }

    /// <summary>The stored row's values when the conflict was found, so the page still shows what disagreed after a change.</summary>
    public decimal StoredAmount { get; set; }
    public Direction StoredDirection { get; set; }
    public int StoredAccountId { get; set; }
    public DateOnly StoredBankDate { get; set; }

    public ConflictStatus Status { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolvedById { get; set; }
}
