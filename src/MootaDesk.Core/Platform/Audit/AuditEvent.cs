
namespace MootaDesk.Core.Platform.Audit;

/// <summary>Who changed what, when and from where. Written for every change to money-related data; never updated.</summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public string? ActorId { get; set; }

    /// <summary>A short verb such as "tag.add", "order.match", "user.create".</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Ip { get; set; }
}
