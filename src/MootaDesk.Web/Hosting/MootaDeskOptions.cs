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

    /// <summary>The Moota API integration provisioned by configuration (MootaDesk:Moota:Api:Token, :BaseUrl, :IntervalMinutes).</summary>
    public MootaApiSettings Api { get; set; } = new();

    /// <summary>Where pulls go: MootaDesk:Moota:Api:BaseUrl when set, else the older MootaDesk:Moota:BaseUrl.</summary>
    public string ApiBaseUrl => string.IsNullOrWhiteSpace(Api.BaseUrl) ? BaseUrl : Api.BaseUrl!;
}

/// <summary>
/// A Moota API token given by configuration (deploy scripts, containers) instead of the Integrasi page. It becomes the default
/// integration's pull side; the token is read from configuration at each pull and never stored in the database.
/// </summary>
public sealed class MootaApiSettings
{
    public string? Token { get; set; }
    public string? BaseUrl { get; set; }
    public int IntervalMinutes { get; set; } = 15;
    public int BackfillDays { get; set; } = 7;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token);
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
