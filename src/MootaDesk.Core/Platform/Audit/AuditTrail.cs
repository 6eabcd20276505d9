using System.Text.Json;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Platform.Audit;

/// <summary>Who is acting: a signed-in user, an API key, or the system itself (background jobs).</summary>
public sealed record Actor(string Name, string? UserId = null, string? Ip = null)
{
    public static readonly Actor System = new("system");
}

/// <summary>Adds audit rows to the same unit of work as the change they describe, so both commit or neither does.</summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static AuditEvent Record(this MootaDeskDbContext db, Actor actor, string action, string entityType, object entityId,
        object? before, object? after, DateTime atUtc)
    {
        var e = new AuditEvent
        {
            At = atUtc,
            Actor = actor.Name,
            ActorId = actor.UserId,
            Ip = actor.Ip,
            Action = action,
            EntityType = entityType,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
        db.AuditEvents.Add(e);
        return e;
    }
}
