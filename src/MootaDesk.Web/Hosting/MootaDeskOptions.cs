namespace MootaDesk.Web.Hosting;

/// <summary>The `MootaDesk` configuration section. Run-time settings the Owner edits live in the database (AppSetting).</summary>
public sealed class MootaDeskOptions
{
    public const string Section = "MootaDesk";

    /// <summary>IANA id of the business's time zone; WIB by default.</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";

    public string BusinessName { get; set; } = "Toko Saya";

    /// <summary>Load demo data into an empty database (default true in Development, false elsewhere).</summary>
    public bool? DemoData { get; set; }

    /// <summary>Debits at or above this amount are "important" (saved view, owner summary).</summary>
    public decimal ImportantDebitThreshold { get; set; } = 5_000_000m;

    public MootaSettings Moota { get; set; } = new();
    public ApiSettings Api { get; set; } = new();
}

public sealed class MootaSettings
{
    /// <summary>Secret of the default integration (POST /api/webhooks/moota). Never logged.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>CIDR list of source addresses allowed to deliver webhooks; empty means any (the default).</summary>
    public List<string> AllowedIps { get; set; } = [];

    public string BaseUrl { get; set; } = "https://app.moota.co/api/v2/";

    public InboxSettings Inbox { get; set; } = new();
}

/// <summary>`MootaDesk:Moota:Inbox`: when a webhook delivery that is still waiting counts as a lag Ops must hear about.</summary>
public sealed class InboxSettings
{
    /// <summary>A delivery pending longer than this notifies Ops (bell) and turns /health to "degraded". Minutes, at least 1.</summary>
    public int AlertAfterMinutes { get; set; } = 10;
}

public sealed class ApiSettings
{
    /// <summary>Keys provisioned by configuration (MootaDesk:Api:Keys:N:Name/Key/Scopes) for scripted deployments.</summary>
    public List<ConfiguredApiKey> Keys { get; set; } = [];
}

public sealed class ConfiguredApiKey
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public string Scopes { get; set; } = "read";
    public string Role { get; set; } = "Finance";
}
