using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Platform.Access;

/// <summary>
/// What the person (or API key) asking may see and do. Queries take a Viewer and apply it in SQL, so a CS user
/// cannot read a debit or a balance through any page, URL or endpoint: the data never leaves the database. Every
/// decision goes through the permission matrix (<see cref="Actions"/>): an unknown role may do nothing and sees credits only.
/// </summary>
/// <param name="Scopes">An API key's scopes, which narrow its role; null for a signed-in person.</param>
public sealed record Viewer(string Name, string? UserId, IReadOnlySet<string> Roles, IReadOnlySet<string>? Scopes = null)
{
    /// <summary>Whether the matrix lets this viewer take <paramref name="action"/> (a constant of <see cref="Actions"/>).</summary>
    public bool Can(string action) => PermissionMatrix.Allows(action, Roles, Scopes);

    public bool IsOwner => Roles.Contains(Access.Roles.Owner);

    /// <summary>Debits and balances are an allow-list: only roles the matrix grants them to see them.</summary>
    public bool CanSeeDebits => Can(Actions.ReadDebitsAndBalances);
    public bool CanSeeBalances => CanSeeDebits;

    /// <summary>
    /// The source a mutation came from as stored ("Data asli dari sumber"): technical detail for tracing an ingest problem,
    /// which even with credentials stripped carries more than CS or Finance need.
    /// </summary>
    public bool CanSeeRawSource => Can(Actions.ReadRawSource);

    public static Viewer ForRoles(string name, params string[] roles) => new(name, null, new HashSet<string>(roles));

    /// <summary>Someone who may do nothing: a signed-out, disabled or out-of-date session.</summary>
    public static Viewer Nobody(string name) => new(name, null, new HashSet<string>());

    public static readonly Viewer System = ForRoles("system", Access.Roles.Owner);
}

public static class ViewerQueryExtensions
{
    /// <summary>
    /// The one place the CS rule is applied to mutation queries. With <paramref name="offDirectionIndex"/> the same rule is
    /// written "Direction + 0", which SQLite cannot answer from the direction index: a query sorted by amount must walk
    /// the amount index, or it reads and sorts every credit (about 250 ms on a million rows) to show 50.
    /// </summary>
    public static IQueryable<Mutation> VisibleTo(this IQueryable<Mutation> query, Viewer viewer, bool offDirectionIndex = false) =>
        viewer.CanSeeDebits ? query
        : offDirectionIndex ? query.Where(m => (int)m.Direction + 0 == (int)Direction.Credit)
        : query.Where(m => m.Direction == Direction.Credit);
}
