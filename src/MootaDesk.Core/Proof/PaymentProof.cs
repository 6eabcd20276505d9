using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;

namespace MootaDesk.Core.Proof;

/// <summary>
/// A proof of payment issued for one credit: what CS sends a customer, and what the public verification
/// link checks. The card itself is rebuilt from the mutation each time, so a proof never carries more than
/// the masked card shows; this row holds only who issued it, its code and its token.
/// </summary>
public class PaymentProof
{
    public long Id { get; set; }
    public long MutationId { get; set; }
    public Mutation? Mutation { get; set; }

    /// <summary>The order this credit paid, when one was matched at issue time.</summary>
    public int? OrderId { get; set; }
    public Order? Order { get; set; }

    /// <summary>Short code printed on the card ("K7QX-3M9P") so a customer can read it back over the phone.</summary>
    public required string VerificationCode { get; set; }

    /// <summary>Random id inside the public token; the token adds an HMAC over it, so ids cannot be guessed or forged.</summary>
    public required string TokenId { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public string? CreatedById { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevokeReason { get; set; }

    public List<ProofEvent> Events { get; set; } = [];

    public bool IsActiveAt(DateTime utcNow) => RevokedAt is null && ExpiresAt > utcNow;
}
