
namespace MootaDesk.Core.Mutations;

public class Tag
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The name folded by <see cref="TagName.Normalize"/>; unique, so "Supplier A" and "supplier-a" cannot both exist.</summary>
    public required string NormalizedName { get; set; }

    public string Color { get; set; } = "#64748b";

    /// <summary>The glossary line, e.g. "DP = uang muka", so the whole team reads the data alike.</summary>
    public string? Meaning { get; set; }

    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
}
