using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Web.Platform.Layout;

public sealed record NavItem(string TextKey, string Href, string Icon, string Action, string GroupKey);

/// <summary>The sidebar, grouped by working area. Each item names the action its page enforces, so the menu asks the same matrix.</summary>
public static class NavigationModel
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Nav.Mutations", "mutasi", "receipt_long", Actions.ReadCredits, "Nav.Group.Daily"),
        new("Nav.Sweep", "sweep", "task_alt", Actions.WorkSweep, "Nav.Group.Daily"),
        new("Nav.CsTasks", "sweep/tugas", "assignment_ind", Actions.WorkCsTasks, "Nav.Group.Daily"),
        new("Nav.Proof", "bukti", "verified", Actions.CreateProof, "Nav.Group.Daily"),
        new("Nav.Orders", "pesanan", "shopping_bag", Actions.ReadOrders, "Nav.Group.Daily"),
        new("Nav.Accounts", "rekening", "account_balance", Actions.ReadAccounts, "Nav.Group.Data"),
        new("Nav.Integrations", "integrasi", "hub", Actions.ManageIntegrations, "Nav.Group.Data"),
        new("Nav.OwnerReports", "laporan", "insights", Actions.ReadOwnerReports, "Nav.Group.Owner"),
        new("Nav.IncomeRhythm", "laporan/ritme", "schedule", Actions.ReadIncomeRhythm, "Nav.Group.Owner"),
        new("Nav.Settings", "pengaturan", "settings", Actions.ManageSettings, "Nav.Group.Owner"),
    ];

    /// <summary>The items someone with <paramref name="roles"/> may open, by group.</summary>
    public static IEnumerable<IGrouping<string, NavItem>> For(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        return Items.Where(i => PermissionMatrix.Allows(i.Action, list)).GroupBy(i => i.GroupKey);
    }
}
