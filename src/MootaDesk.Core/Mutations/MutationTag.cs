
namespace MootaDesk.Core.Mutations;

public class MutationTag
{
    public long MutationId { get; set; }
    public Mutation? Mutation { get; set; }
    public int TagId { get; set; }
    public Tag? Tag { get; set; }
    public required string TaggedBy { get; set; }
    public DateTime TaggedAt { get; set; }
}
