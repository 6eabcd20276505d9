using System.Reflection;

namespace MootaDesk.Core.Platform.Access;

/// <summary>One row of the matrix: an action ("area.verb"), the roles that may take it, and the API-key scope that opens it to keys.</summary>
public sealed record Permission(string Action, IReadOnlySet<string> Roles, string? Scope)
{
    /// <summary>"mutations" for "mutations.read-credits".</summary>
    public string Area => Action[..Action.IndexOf('.')];
}

/// <summary>
/// The permission matrix read from <see cref="Actions"/>: who may take which action. Role names are the four of
/// <see cref="Domain.Roles"/>, compared exactly (configuration is parsed with <see cref="ParseRole"/> first); anything else
/// is allowed nothing. An API key acts as its role narrowed by its scopes.
/// </summary>
public static class PermissionMatrix
{
    /// <summary>Every action, in declaration order.</summary>
    public static readonly IReadOnlyList<Permission> All = typeof(Actions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f =>
        {
            var allowed = f.GetCustomAttribute<AllowedAttribute>()
                          ?? throw new InvalidOperationException($"Actions.{f.Name} names no roles ([Allowed(...)]).");
            var unknown = allowed.Roles.Except(Roles.All).ToList();
            if (unknown.Count > 0) throw new InvalidOperationException($"Actions.{f.Name} names unknown roles: {string.Join(", ", unknown)}.");
            return new Permission((string)f.GetRawConstantValue()!, allowed.Roles.ToHashSet(StringComparer.Ordinal), allowed.Scope);
        })
        .ToList();

    private static readonly Dictionary<string, Permission> ByAction = All.ToDictionary(p => p.Action, StringComparer.Ordinal);

    /// <summary>The scopes an API key can be given, each opening at least one action.</summary>
    public static readonly IReadOnlyList<string> Scopes = All.Select(p => p.Scope).OfType<string>().Distinct().ToList();

    /// <summary>The row for an action; throws for a name that is not in <see cref="Actions"/> (a typo must not mean "allowed").</summary>
    public static Permission Get(string action) =>
        ByAction.TryGetValue(action, out var p) ? p : throw new ArgumentException($"'{action}' is not an action in the permission matrix.", nameof(action));

    /// <summary>
    /// Whether someone with <paramref name="roles"/> may take <paramref name="action"/>; with <paramref name="scopes"/> (an API
    /// key) the action must also be opened by one of them.
    /// </summary>
    public static bool Allows(string action, IEnumerable<string> roles, IReadOnlyCollection<string>? scopes = null)
    {
        var p = Get(action);
        if (!roles.Any(p.Roles.Contains)) return false;
        return scopes is null || (p.Scope is not null && scopes.Contains(p.Scope));
    }

    /// <summary>The actions a role may take (for the documentation and the sidebar tests).</summary>
    public static IEnumerable<Permission> For(string role) => All.Where(p => p.Roles.Contains(role));

    /// <summary>
    /// Reads a role name from configuration or the database: one of the four, in any letter case ("cs" is CS). Null for
    /// anything else, so callers refuse it instead of guessing.
    /// </summary>
    public static string? ParseRole(string? text) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
