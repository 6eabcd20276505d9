
namespace MootaDesk.Core.Platform.Notifications;

/// <summary>An in-app notice for a role or a user (e.g. "the 16:30 sweep is ready").</summary>
public class Notification
{
    public long Id { get; set; }
    public string? Role { get; set; }
    public string? UserId { get; set; }
    public required string Text { get; set; }
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
