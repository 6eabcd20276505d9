namespace MootaDesk.Core.Domain;

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

    /// <summary>Plain-language error from the last pull (401, 422, …); null when the last pull went well.</summary>
    public string? LastSyncError { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum SignatureVerdict { Valid = 0, Missing = 1, Invalid = 2, IpRefused = 3, NotChecked = 4 }

/// <summary>
/// Where a delivery stands. Pending: waiting for its first try or a retry. Processed: every element stored (or recognised).
/// Partial ("sebagian"): the readable elements stored, the others kept with their reasons. Failed: nothing could be
/// stored (the body, or every element, is unusable, or the store kept failing). Rejected and Malformed: refused at the door.
/// </summary>
public enum DeliveryStatus { Pending = 0, Processed = 1, Failed = 2, Rejected = 3, Malformed = 4, Partial = 5 }

/// <summary>
/// One webhook request exactly as received. Every request is kept, good or forged, so Ops can see what
/// arrived; processing happens later, from this row, so a crash between answer and processing loses nothing.
/// </summary>
public class WebhookDelivery
{
    public long Id { get; set; }
    public int? IntegrationId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string? SourceIp { get; set; }

    /// <summary>Selected headers as JSON (Signature, X-MOOTA-USER, X-MOOTA-WEBHOOK, User-Agent, Content-Type).</summary>
    public string HeadersJson { get; set; } = "{}";

    public byte[] Body { get; set; } = [];
    public SignatureVerdict Signature { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? Error { get; set; }
    public int NewCount { get; set; }
    public int DuplicateCount { get; set; }

    /// <summary>How long the endpoint took to answer, in milliseconds.</summary>
    public double? AnswerMs { get; set; }

    public double? ProcessingMs { get; set; }
    public DateTime? ProcessedAt { get; set; }

    /// <summary>
    /// Why the delivery, or some of its elements, were not stored, as message keys translated where Ops reads them:
    /// JSON of <c>DeliveryProblems</c> (MootaDesk.Core.Ingest.Moota). Null when there is nothing to say.
    /// </summary>
    public string? ProblemsJson { get; set; }

    /// <summary>
    /// True once <see cref="Body"/> holds the redacted copy (bank credentials replaced). The body is kept exactly as received
    /// until the delivery is done with (processed, partly processed, failed or refused), then redacted.
    /// </summary>
    public bool BodyRedacted { get; set; }
}
