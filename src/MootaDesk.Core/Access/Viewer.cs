using MootaDesk.Core.Domain;

namespace MootaDesk.Core.Access;

/// <summary>
/// What the person (or API key) asking may see. Queries take a Viewer and apply it in SQL, so a CS user
/// cannot read a debit or a balance through any page, URL or endpoint: the data never leaves the database.
/// </summary>
public sealed record Viewer(string Name, string? UserId, IReadOnlySet<string> Roles)
{
    public bool IsOwner => Roles.Contains(Domain.Roles.Owner);

    /// <summary>CS answers customers about money that came in: credits only, never balances.</summary>
    public bool IsCsOnly => Roles.Contains(Domain.Roles.CS) && !Roles.Overlaps([Domain.Roles.Owner, Domain.Roles.Finance, Domain.Roles.Ops]);

    public bool CanSeeDebits => !IsCsOnly;
    public bool CanSeeBalances => !IsCsOnly;

    /// <summary>
    /// The source a mutation came from as stored ("Data asli dari sumber"): Ops and Owner only. It is technical detail for
    /// tracing an ingest problem, and even with credentials stripped it carries more than CS or Finance need.
    /// </summary>
    public bool CanSeeRawSource => IsInAny(Domain.Roles.Owner, Domain.Roles.Ops);

    public bool IsInAny(params string[] roles) => roles.Any(Roles.Contains);

    public static Viewer ForRoles(string name, params string[] roles) => new(name, null, new HashSet<string>(roles));

    public static readonly Viewer System = ForRoles("system", Domain.Roles.Owner);
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
