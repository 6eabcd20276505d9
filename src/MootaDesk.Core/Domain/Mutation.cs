namespace MootaDesk.Core.Domain;

/// <summary>One bank transaction as read from an account.</summary>
public class Mutation
{
    public long Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }

    public MutationSource Source { get; set; }

    /// <summary>The source's own id (Moota's mutation_id, an import row hash, …); unique per source.</summary>
    public required string SourceId { get; set; }

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

    /// <summary>The inbox delivery that carried it, when it came by webhook.</summary>
    public long? WebhookDeliveryId { get; set; }

    public List<MutationTag> Tags { get; set; } = [];
    public List<MutationNote> Notes { get; set; } = [];
}
