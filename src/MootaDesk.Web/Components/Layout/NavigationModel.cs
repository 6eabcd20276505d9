using MootaDesk.Web.Hosting;

namespace MootaDesk.Web.Components.Layout;

public sealed record NavItem(string TextKey, string Href, string Icon, string Policy, string GroupKey);

/// <summary>The sidebar, grouped by working area. Each item names the same policy its page enforces.</summary>
public static class NavigationModel
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Nav.Mutations", "mutasi", "receipt_long", AccessPolicies.Mutations, "Nav.Group.Daily"),
        new("Nav.Sweep", "sweep", "task_alt", AccessPolicies.Sweep, "Nav.Group.Daily"),
        new("Nav.CsTasks", "sweep/tugas", "assignment_ind", AccessPolicies.CsTasks, "Nav.Group.Daily"),
        new("Nav.Proof", "bukti", "verified", AccessPolicies.Proof, "Nav.Group.Daily"),
        new("Nav.Orders", "pesanan", "shopping_bag", AccessPolicies.Orders, "Nav.Group.Daily"),
        new("Nav.Accounts", "rekening", "account_balance", AccessPolicies.Accounts, "Nav.Group.Data"),
        new("Nav.Integrations", "integrasi", "hub", AccessPolicies.Integrations, "Nav.Group.Data"),
        new("Nav.OwnerReports", "laporan", "insights", AccessPolicies.OwnerReports, "Nav.Group.Owner"),
        new("Nav.Settings", "pengaturan", "settings", AccessPolicies.Settings, "Nav.Group.Owner"),
    ];

    public static IEnumerable<IGrouping<string, NavItem>> For(Func<string, bool> isInRole) =>
        Items.Where(i => AccessPolicies.Allows(i.Policy, isInRole)).GroupBy(i => i.GroupKey);
}
