
namespace MootaDesk.Core.Integrations;

/// <summary>A connection to Moota: a webhook secret for pushes and, optionally, an API token for pulls.</summary>
public class Integration
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The configuration-backed integration behind POST /api/webhooks/moota; its secret comes from configuration, not from here.</summary>
    public bool IsDefault { get; set; }

    /// <summary>Secret for signing/verifying webhooks. Never logged, never shown back in full.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Bearer token for Moota API v2. Never logged, never shown back in full.</summary>
    public string? ApiToken { get; set; }

    public bool IsActive { get; set; } = true;
    public bool IsSandbox { get; set; }
    public int SyncIntervalMinutes { get; set; } = 15;
    public int BackfillDays { get; set; } = 7;
    public DateTime? LastSyncAt { get; set; }
    public DateTime? LastSuccessfulSyncAt { get; set; }

    /// <summary>Why the last pull failed (401, 422, …) as a stored <see cref="MootaDesk.Core.Shared.Refusal"/>, translated when shown; null when it went well.</summary>
    public string? LastSyncError { get; set; }

    public DateTime CreatedAt { get; set; }
}
