using MootaDesk.Core.Platform.Audit;

namespace MootaDesk.Core.Proof;

public enum ProofEventKind
{
    Created = 0,
    CopiedText = 1,
    Pdf = 2,
    Png = 3,
    Print = 4,
    WhatsApp = 5,
    Revoked = 6,
    ViewedPublic = 7,
}

/// <summary>One line of the export log: a proof was created, shared in some format, viewed publicly or revoked.</summary>
public class ProofEvent
{
    public long Id { get; set; }
    public long ProofId { get; set; }
    public PaymentProof? Proof { get; set; }
    public ProofEventKind Kind { get; set; }
    public required string Actor { get; set; }
    public string? ActorId { get; set; }
    public DateTime At { get; set; }

    /// <summary>"text", "pdf", "png", "print", "wa", "link", or "api" for proofs made by other tools.</summary>
    public string? Format { get; set; }

    /// <summary>The order reference or WhatsApp number the proof went to, when known.</summary>
    public string? Target { get; set; }

    public string? Ip { get; set; }
}
