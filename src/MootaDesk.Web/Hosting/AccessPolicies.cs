using Microsoft.AspNetCore.Authorization;
using MootaDesk.Core.Domain;

namespace MootaDesk.Web.Hosting;

/// <summary>
/// Who may use which area, in one table. Pages and endpoints name a policy; the sidebar reads the same
/// table, so what is shown and what is enforced cannot drift apart.
/// </summary>
public static class AccessPolicies
{
    public const string Mutations = "area:mutations";
    public const string Sweep = "area:sweep";
    public const string SweepSignOff = "area:sweep-signoff";
    public const string Proof = "area:proof";
    public const string Orders = "area:orders";
    public const string OrdersWrite = "area:orders-write";
    public const string Accounts = "area:accounts";
    public const string Integrations = "area:integrations";
    public const string Import = "area:import";
    public const string Tags = "area:tags";
    public const string Rules = "area:rules";
    public const string OwnerReports = "area:owner-reports";
    public const string Settings = "area:settings";
    public const string ProofAdmin = "area:proof-admin";
    public const string CsTasks = "area:cs-tasks";
    public const string Duplicates = "area:duplicates";

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [Mutations] = [Roles.Owner, Roles.Finance, Roles.Ops, Roles.CS],
        [Sweep] = [Roles.Owner, Roles.Finance],
        [SweepSignOff] = [Roles.Owner, Roles.Finance],
        [Proof] = [Roles.Owner, Roles.Finance, Roles.CS],
        [ProofAdmin] = [Roles.Owner, Roles.Finance],
        [Orders] = [Roles.Owner, Roles.Finance, Roles.CS, Roles.Ops],
        [OrdersWrite] = [Roles.Owner, Roles.Finance, Roles.CS],
        [Accounts] = [Roles.Owner, Roles.Finance, Roles.Ops],
        [Integrations] = [Roles.Owner, Roles.Ops],
        [Import] = [Roles.Owner, Roles.Finance],
        [Tags] = [Roles.Owner, Roles.Finance, Roles.Ops],
        [Rules] = [Roles.Owner, Roles.Ops],
        [OwnerReports] = [Roles.Owner],
        [Settings] = [Roles.Owner],
        [CsTasks] = [Roles.Owner, Roles.Finance, Roles.CS],
        [Duplicates] = [Roles.Owner, Roles.Finance],
    };

    /// <summary>API key scopes are policies too: "scope:read", "scope:orders", …</summary>
    public static string Scope(string scope) => "scope:" + scope;

    public static void Register(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesFor)
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        foreach (var scope in ApiScopes.All)
            options.AddPolicy(Scope(scope), p => p
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthentication.ScopeClaim, scope));
    }

    public static bool Allows(string policy, Func<string, bool> isInRole) => RolesFor[policy].Any(isInRole);
}
