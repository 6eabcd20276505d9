namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>The `MootaDesk:Notifications` configuration section (docs/api.md, "Phone notifications").</summary>
public sealed class NotificationOptions
{
    public const string Section = "MootaDesk:Notifications";

    /// <summary>
    /// Minutes the bank's time of a mutation and a notification's time may differ and still be one transaction (default 60). A bank
    /// mutation with only a day matches a notification of the same bank date.
    /// </summary>
    public int AttachWindowMinutes { get; set; } = 60;

    /// <summary>Phones provisioned from configuration, for scripted set-ups (MootaDesk:Notifications:Devices:N:Name|Token|AccountNumber).</summary>
    public List<ConfiguredNotificationDevice> Devices { get; set; } = [];
}

/// <summary>One phone given by configuration. The token is hashed when stored; configuration keeps the only copy.</summary>
public sealed class ConfiguredNotificationDevice
{
    public string Name { get; set; } = "";

    /// <summary>At least 16 characters.</summary>
    public string Token { get; set; } = "";

    /// <summary>The account number it reports for (comma list for several), matched against Rekening when a post arrives.</summary>
    public string AccountNumber { get; set; } = "";
}
