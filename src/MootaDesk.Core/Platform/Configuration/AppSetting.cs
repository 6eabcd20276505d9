
namespace MootaDesk.Core.Platform.Configuration;

/// <summary>A setting the Owner can change at run time (business name, thresholds). Configuration gives defaults.</summary>
public class AppSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
