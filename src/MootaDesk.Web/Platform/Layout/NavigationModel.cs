using MootaDesk.Core.Platform.Access;
using MudBlazor;

namespace MootaDesk.Web.Platform.Layout;

/// <summary>One sidebar link: its text key in SharedText, its href (relative to the base), a MudBlazor SVG icon, the action its page needs.</summary>
public sealed record NavItem(string TextKey, string Href, string Icon, string Action, string GroupKey)
{
    /// <summary>"sweep" must not light up on "sweep/tugas", which has its own link.</summary>
    public bool ExactMatch => NavigationModel.Items.Any(other => other != this && other.Href.StartsWith(Href + "/", StringComparison.Ordinal));
}

/// <summary>The sidebar, grouped by working area. Each item names the action its page enforces, so the menu asks the same matrix.</summary>
public static class NavigationModel
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Nav.Mutations", "mutasi", Icons.Material.Outlined.ReceiptLong, Actions.ReadCredits, "Nav.Group.Daily"),
        new("Nav.Sweep", "sweep", Icons.Material.Outlined.TaskAlt, Actions.WorkSweep, "Nav.Group.Daily"),
        new("Nav.CsTasks", "sweep/tugas", Icons.Material.Outlined.AssignmentInd, Actions.WorkCsTasks, "Nav.Group.Daily"),
        new("Nav.Proof", "bukti", Icons.Material.Outlined.Verified, Actions.CreateProof, "Nav.Group.Daily"),
        new("Nav.Orders", "pesanan", Icons.Material.Outlined.ShoppingBag, Actions.ReadOrders, "Nav.Group.Daily"),
        new("Nav.Accounts", "rekening", Icons.Material.Outlined.AccountBalance, Actions.ReadAccounts, "Nav.Group.Data"),
        new("Nav.Integrations", "integrasi", Icons.Material.Outlined.Hub, Actions.ManageIntegrations, "Nav.Group.Data"),
        new("Nav.OwnerReports", "laporan", Icons.Material.Outlined.Insights, Actions.ReadOwnerReports, "Nav.Group.Owner"),
        new("Nav.IncomeRhythm", "laporan/ritme", Icons.Material.Outlined.Schedule, Actions.ReadIncomeRhythm, "Nav.Group.Owner"),
        new("Nav.Settings", "pengaturan", Icons.Material.Outlined.Settings, Actions.ManageSettings, "Nav.Group.Owner"),
    ];

    /// <summary>The items someone with <paramref name="roles"/> may open, by group.</summary>
    public static IEnumerable<IGrouping<string, NavItem>> For(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        return Items.Where(i => PermissionMatrix.Allows(i.Action, list)).GroupBy(i => i.GroupKey);
    }
}
