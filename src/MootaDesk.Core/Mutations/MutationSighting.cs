
namespace MootaDesk.Core.Mutations;

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
