namespace MootaDesk.Core.Domain;

/// <summary>
/// A channel that saw a stored mutation after the one that stored it (a pull after the webhook, a statement after
/// Moota, Moota after a statement). The first channel is the row's own <see cref="Mutation.Source"/> and
/// <see cref="Mutation.ReadTime"/>; together they answer "who reported this transaction, and when first".
/// </summary>
public class MutationSighting
{
    public long Id { get; set; }
    public long MutationId { get; set; }
    public MutationSource Channel { get; set; }

    /// <summary>The channel's own id for it: Moota's mutation_id, or the statement row's key.</summary>
    public string? ExternalRef { get; set; }

    /// <summary>When this channel first reported it, in UTC.</summary>
    public DateTime SeenAt { get; set; }

    /// <summary>The inbox delivery, when the channel is the webhook.</summary>
    public long? WebhookDeliveryId { get; set; }
}

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

public enum MergeKind { Merged = 0, NotDuplicate = 1 }

/// <summary>
/// A decision from the "Duplikat lintas sumber" review: two rows were one bank transaction and the second was folded
/// into the first (<see cref="MergeKind.Merged"/>), or a person said they are two transactions (<see cref="MergeKind.NotDuplicate"/>).
/// A merge keeps what it moved in <see cref="Snapshot"/> so it can be undone exactly.
/// </summary>
public class MutationMerge
{
    public long Id { get; set; }
    public MergeKind Kind { get; set; }
    public long KeptMutationId { get; set; }

    /// <summary>The folded row's former id (it no longer exists after a merge), or the other row of a "not a duplicate" pair.</summary>
    public long OtherMutationId { get; set; }

    public int AccountId { get; set; }
    public decimal Amount { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public string? ById { get; set; }

    /// <summary>JSON of the folded row and of every link moved to the kept row (see MutationMerger.Snapshot).</summary>
    public string? Snapshot { get; set; }

    public DateTime? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
}
