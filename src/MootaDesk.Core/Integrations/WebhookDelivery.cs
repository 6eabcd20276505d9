
namespace MootaDesk.Core.Integrations;

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
