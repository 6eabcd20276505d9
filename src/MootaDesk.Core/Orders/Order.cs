using MootaDesk.Core.BankAccounts;

namespace MootaDesk.Core.Orders;

/// <summary>An expected payment: the shop waits for a credit of exactly <see cref="PayableAmount"/> into <see cref="AccountId"/>.</summary>
public class Order
{
    public int Id { get; set; }
    public required string Reference { get; set; }
    public required string CustomerName { get; set; }
    public string? WhatsApp { get; set; }
    public decimal Amount { get; set; }

    /// <summary>Signed: positive when added to the amount, negative when subtracted.</summary>
    public int UniqueCode { get; set; }

    public decimal PayableAmount { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.Pending;
    public long? MatchedMutationId { get; set; }
    public DateTime? PaidAt { get; set; }
    public bool IsSandbox { get; set; }

    /// <summary>Set when a credit fitted this order and another one equally well: a person decides, the matcher never guesses.</summary>
    public bool NeedsAttention { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>
    /// A provisional credit (read from a phone notification, not yet seen by the bank) that fits this order: the order reads
    /// "kemungkinan dibayar" but stays <see cref="OrderStatus.Pending"/> until the bank's mutation confirms that row.
    /// </summary>
    public long? LikelyPaidByMutationId { get; set; }

    /// <summary>Optimistic concurrency: two people (or a person and the matcher) must not both settle one order.</summary>
    public int Version { get; set; }
}
