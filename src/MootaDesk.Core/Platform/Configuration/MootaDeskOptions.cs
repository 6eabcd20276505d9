using Microsoft.Extensions.Options;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Core.Platform.Configuration;

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
    public MetricsSettings Metrics { get; set; } = new();
}

/// <summary>`MootaDesk:Metrics`: who besides signed-in Owners and Ops may read <c>/metrics</c>.</summary>
public sealed class MetricsSettings
{
    /// <summary>
    /// A long random token a Prometheus scraper sends as <c>Authorization: Bearer &lt;token&gt;</c>; compared in constant time,
    /// never logged. Empty (the default): only signed-in Owners and Ops read the metrics.
    /// </summary>
    public string? ScrapeToken { get; set; }
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

    public InboxSettings Inbox { get; set; } = new();
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

    /// <summary>Comma list of scopes (<see cref="ApiScopes"/>), any letter case.</summary>
    public string Scopes { get; set; } = "read";

    /// <summary>Owner, Finance, Ops or CS, any letter case; anything else stops start-up.</summary>
    public string Role { get; set; } = "Finance";
}

/// <summary>
/// Checks the API keys in configuration when the app starts: each needs a name, a key, a role that is one of the four
/// (parsed case-insensitively) and known scopes. A mistake stops start-up with a message naming the key, because a key
/// that silently acted with the wrong rights (a "Support" role reading debits) is worse than an app that does not start.
/// </summary>
public sealed class ConfiguredApiKeyValidation : Microsoft.Extensions.Options.IValidateOptions<MootaDeskOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, MootaDeskOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Api.Keys.Count; i++)
        {
            var k = options.Api.Keys[i];
            var label = $"MootaDesk:Api:Keys:{i} (\"{k.Name}\")";
            if (string.IsNullOrWhiteSpace(k.Name)) problems.Add($"MootaDesk:Api:Keys:{i} has no Name.");
            if (string.IsNullOrWhiteSpace(k.Key) || k.Key.Trim().Length < 16) problems.Add($"{label} needs a Key of at least 16 characters.");
            if (PermissionMatrix.ParseRole(k.Role) is null)
                problems.Add($"{label} has Role \"{k.Role}\", which is not one of {string.Join(", ", Roles.All)}.");
            var unknown = ScopesOf(k).Where(s => !ApiScopes.All.Contains(s)).ToList();
            if (unknown.Count > 0)
                problems.Add($"{label} has unknown scope(s) {string.Join(", ", unknown)}; known: {string.Join(", ", ApiScopes.All)}.");
        }
        return problems.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> ScopesOf(ConfiguredApiKey key) =>
        key.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant());
}
