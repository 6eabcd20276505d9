using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Sweep;

public enum CsTaskStatus { Open = 0, Done = 1 }

/// <summary>A credit Finance could not place, handed to a CS agent to link to an order or explain with a note.</summary>
public class CsTask
{
    public long Id { get; set; }
    public int? SweepId { get; set; }
    public long MutationId { get; set; }
    public Mutation? Mutation { get; set; }
    public required string AssigneeId { get; set; }
    public string AssigneeName { get; set; } = "";
    public DateTime DueAt { get; set; }
    public CsTaskStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? DoneAt { get; set; }
    public string? DoneBy { get; set; }

    /// <summary>What CS did: "Pesanan INV-123" or the note text.</summary>
    public string? Resolution { get; set; }
}
