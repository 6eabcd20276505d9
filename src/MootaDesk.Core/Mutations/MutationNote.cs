
namespace MootaDesk.Core.Mutations;

/// <summary>
/// A note on a mutation. Notes are never overwritten: editing adds a new row that points at the one it
/// replaces, and the old row is kept as history.
/// </summary>
public class MutationNote
{
    public long Id { get; set; }
    public long MutationId { get; set; }
    public required string Text { get; set; }
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The note this one replaced when it was edited.</summary>
    public long? ReplacesNoteId { get; set; }

    /// <summary>Set on the old row when a newer version replaced it.</summary>
    public bool IsSuperseded { get; set; }
}
