
namespace MootaDesk.Core.Mutations;

public enum MergeKind { Merged = 0, NotDuplicate = 1 }

/// <summary>
/// A decision from the "Duplikat lintas sumber" review: two rows were one bank transaction and the second was folded
/// into the first (<see cref="MergeKind.Merged"/>), or a person said they are two transactions (<see cref="MergeKind.NotDuplicate"/>).
/// A merge keeps what it moved in <see cref="Snapshot"/> so it can be undone exactly.
/// </summary>
public class MutationMerge
{
    public long Id { get; set; }
    public MergeKind Kind { get; set; }
    public long KeptMutationId { get; set; }

    /// <summary>The folded row's former id (it no longer exists after a merge), or the other row of a "not a duplicate" pair.</summary>
    public long OtherMutationId { get; set; }

    public int AccountId { get; set; }
    public decimal Amount { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public string? ById { get; set; }

    /// <summary>JSON of the folded row and of every link moved to the kept row (see MutationMerger.Snapshot).</summary>
    public string? Snapshot { get; set; }

    public DateTime? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
}
