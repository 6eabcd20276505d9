
namespace MootaDesk.Core.Mutations;

/// <summary>
/// A named filter on the Mutasi page. Personal when <see cref="OwnerUserId"/> is set, shared with the team
/// otherwise. The filter is kept in its URL form, so a view and a shared link are the same thing.
/// </summary>
public class SavedView
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The filter as a URL query string (without '?'), see MutationFilter.ToQueryString.</summary>
    public required string Query { get; set; }

    /// <summary>Null for a view shared with the whole team.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>Set on the views MootaDesk ships ("refund", "important-debits", …) so start-up can seed them once.</summary>
    public string? SystemKey { get; set; }

    public int Position { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
