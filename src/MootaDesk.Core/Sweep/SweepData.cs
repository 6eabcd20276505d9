using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;

namespace MootaDesk.Core.Sweep;

/// <summary>A mutation as the sweep needs it: no raw source, tags folded to a few flags.</summary>
public sealed record SweepMutation(
    long Id,
    int AccountId,
    DateTime TransactionTime,
    bool HasTimeOfDay,
    DateTime ReadTime,
    decimal Amount,
    Direction Direction,
    decimal? BalanceAfter,
    string Description,
    string? Counterparty,
    string? OrderReference,
    ReconciliationStatus Status,
    bool HasNote,
    bool IsSandbox,
    SweepTags Tags = SweepTags.None)
{
    public bool IsCredit => Direction == Direction.Credit;
    public bool IsTagged => Tags != SweepTags.None;

    /// <summary>The day the bank booked it (<see cref="Mutation.BankDate"/>); the sweep of that day counts it.</summary>
    public DateOnly BankDate { get; init; }
}

[Flags]
public enum SweepTags
{
    None = 0,
    Refund = 1,
    Supplier = 2,
    Important = 4,
    /// <summary>Any other tag: the mutation is tagged, just not with one the sweep looks for.</summary>
    Other = 8,
}

public sealed record SweepAccount(
    int Id,
    string Label,
    string HolderName,
    bool IsSandbox,
    bool IsActive,
    /// <summary>The last balance the bank printed on a line of an earlier day, if any.</summary>
    decimal? OpeningBalance,
    /// <summary>
    /// The balance the bank reported for the account (Moota's latest), taken back to the end of the swept day by
    /// removing the later days' transactions that happened before the report; null when the report is older than the day.
    /// </summary>
    decimal? LastKnownBalance,
    /// <summary>When the bank reported <see cref="LastKnownBalance"/>.</summary>
    DateTime? LastKnownBalanceAt,
    /// <summary>Last time any mutation of this account was stored, before or in the window.</summary>
    DateTime? LastReadTime);

public sealed record SweepDelivery(long Id, DateTime ReceivedAt, DeliveryStatus Status, SignatureVerdict Signature, string? Error, string? SourceIp);

/// <summary>An open Moota conflict: the stored row and what Moota sent instead.</summary>
public sealed record SweepConflict(long Id, long MutationId, int AccountId, string MootaMutationId, ConflictFields Fields, decimal StoredAmount, decimal IncomingAmount,
    Direction StoredDirection, Direction IncomingDirection, DateOnly StoredBankDate, DateOnly IncomingBankDate, string IncomingAccount);

public sealed record SweepOrder(int Id, string Reference, int AccountId, decimal PayableAmount, OrderStatus Status, long? MatchedMutationId, DateTime CreatedAt, bool IsSandbox);

/// <summary>Tunable thresholds of the anomaly finder (MootaDesk:Sweep:*).</summary>
public sealed record AnomalyThresholds
{
    /// <summary>An account with no mutation and no successful sync for this many business hours is "silent".</summary>
    public double SilentHours { get; init; } = 3;
    public TimeOnly BusinessHoursStart { get; init; } = new(8, 0);
    public TimeOnly BusinessHoursEnd { get; init; } = new(17, 0);

    /// <summary>A credit stored this long after its transaction time was read "late".</summary>
    public TimeSpan LateRead { get; init; } = TimeSpan.FromHours(1);

    /// <summary>An amount at least this many times the account's 95th percentile (same direction) is far outside its history.</summary>
    public decimal UnusualFactor { get; init; } = 5m;

    /// <summary>Fewer history amounts than this and the account has no "usual" yet.</summary>
    public int UnusualMinHistory { get; init; } = 20;

    /// <summary>A debit in one own account and a credit of the same amount in another within this span is a transfer between own accounts.</summary>
    public TimeSpan OwnTransferSpan { get; init; } = TimeSpan.FromHours(2);

    /// <summary>A credit read from a phone notification still without the bank's mutation this long after it was read is an anomaly.</summary>
    public TimeSpan UnconfirmedNotification { get; init; } = TimeSpan.FromHours(2);
}

/// <summary>A provisional credit (read from a phone notification) that no bank mutation has confirmed yet.</summary>
public sealed record SweepUnconfirmed(long MutationId, int AccountId, decimal Amount, DateTime ReadTime, string Description);

/// <summary>Something the sweep lists for a person to look at.</summary>
public sealed record SweepFinding(SweepItemKind Kind, string Detail, long? MutationId = null, int? AccountId = null, decimal? Amount = null,
    long? WebhookDeliveryId = null, int? OrderId = null);
