namespace MootaDesk.Core.Domain;

/// <summary>A setting the Owner can change at run time (business name, thresholds). Configuration gives defaults.</summary>
public class AppSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

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
