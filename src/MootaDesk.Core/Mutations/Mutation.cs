using MootaDesk.Core.BankAccounts;

namespace MootaDesk.Core.Mutations;

/// <summary>One bank transaction as read from an account.</summary>
public class Mutation
{
    public long Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }

    public MutationSource Source { get; set; }

    /// <summary>
    /// The first channel's own id (Moota's mutation_id, an import row hash, …); unique per source. <see cref="Source"/> and this
    /// say which channel stored the row first; every later channel that saw it is a <see cref="MutationSighting"/>.
    /// </summary>
    public required string SourceId { get; set; }

    /// <summary>
    /// Moota's mutation_id, whichever Moota channel (webhook, API pull, re-delivery) or later attachment brought it: the
    /// identity of a Moota mutation, unique together with <see cref="IsSandbox"/>. Null for rows Moota never reported.
    /// </summary>
    public string? MootaMutationId { get; set; }

    /// <summary>
    /// The day the bank booked it, as the bank writes it: Moota's date in Moota's clock (Asia/Jakarta), a statement's
    /// date as printed. Statement rows and Moota deliveries are matched on it (docs/decisions/016-one-row-per-bank-transaction.md).
    /// </summary>
    public DateOnly BankDate { get; set; }

    /// <summary>When the bank says it happened, in UTC.</summary>
    public DateTime TransactionTime { get; set; }

    /// <summary>False when the bank reported only the day (Moota sends 00:00:00 then).</summary>
    public bool HasTimeOfDay { get; set; } = true;

    /// <summary>When MootaDesk first stored it, in UTC.</summary>
    public DateTime ReadTime { get; set; }

    /// <summary>Read time minus transaction time, kept for the weekly metrics; null when only the day is known.</summary>
    public int? ReadLatencySeconds { get; set; }

    public required string Description { get; set; }

    /// <summary>Always positive; <see cref="Direction"/> says which way the money went.</summary>
    public decimal Amount { get; set; }

    public Direction Direction { get; set; }
    public decimal? BalanceAfter { get; set; }
    public string? Counterparty { get; set; }
    public string? OrderReference { get; set; }
    public ReconciliationStatus Status { get; set; } = ReconciliationStatus.New;
    public bool IsSandbox { get; set; }

    /// <summary>Denormalised so "without note" filters need no join over millions of rows.</summary>
    public bool HasNote { get; set; }

    /// <summary>The raw record this mutation came from (a webhook array element, an API item, an import row), as JSON.</summary>
    public string? RawSource { get; set; }

    /// <summary>
    /// True while the row is only what a phone notification said (source <see cref="MutationSource.Notification"/>): "terbaca di HP,
    /// menunggu mutasi bank". It is not confirmed money: the sweep's totals leave it out and an order it fits is only "kemungkinan
    /// dibayar". The bank's own mutation (webhook, pull, import) attaches to this row and clears the flag (docs/decisions/024-*).
    /// </summary>
    public bool IsProvisional { get; set; }

    /// <summary>When the bank's mutation confirmed a provisional row, in UTC; null for rows that never were provisional or still are.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>
    /// When Owner or Ops dismissed a provisional row the bank will never confirm (a misread notification, a reversed transfer),
    /// in UTC; null otherwise. A dismissed row stays (the phone's word is kept) but no longer counts anywhere: not an anomaly,
    /// not a payment CS can find, not "kemungkinan dibayar", not a row a bank mutation attaches to. It can be restored.
    /// </summary>
    public DateTime? DismissedAt { get; set; }

    /// <summary>Who dismissed it (display name), with <see cref="DismissedAt"/>.</summary>
    public string? DismissedBy { get; set; }

    /// <summary>Why, in the person's words (3–500 characters).</summary>
    public string? DismissReason { get; set; }

    /// <summary>The inbox delivery that carried it, when it came by webhook.</summary>
    public long? WebhookDeliveryId { get; set; }

    public List<MutationTag> Tags { get; set; } = [];
    public List<MutationNote> Notes { get; set; } = [];
    public List<MutationSighting> Sightings { get; set; } = [];
}
