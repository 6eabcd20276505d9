using System.Security.Claims;
using MootaDesk.Core.OwnerReports.IncomeRhythm;
using MootaDesk.Core.Platform.Access;
using MudBlazor;

namespace MootaDesk.Web.Platform.Layout;

/// <summary>
/// One sidebar link: its text key in SharedText, its href (relative to the base), a MudBlazor SVG icon, the action its page
/// needs, its group, and the letter that follows "g" to go there from the keyboard ("g m": Mutasi), if any.
/// </summary>
public sealed record NavItem(string TextKey, string Href, string Icon, string Action, string GroupKey, char? GoKey = null)
{
    /// <summary>"sweep" must not light up on "sweep/tugas", which has its own link.</summary>
    public bool ExactMatch => NavigationModel.Items.Any(other => other != this && other.Href.StartsWith(Href + "/", StringComparison.Ordinal));
}

/// <summary>The sidebar, grouped by working area. Each item names the action its page enforces, so the menu asks the same matrix.</summary>
public static class NavigationModel
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Nav.Mutations", AppUrls.Mutations, Icons.Material.Outlined.ReceiptLong, Actions.ReadCredits, "Nav.Group.Daily", 'm'),
        new("Nav.Sweep", AppUrls.Sweep, Icons.Material.Outlined.TaskAlt, Actions.WorkSweep, "Nav.Group.Daily", 's'),
        new("Nav.CsTasks", AppUrls.CsTasks, Icons.Material.Outlined.AssignmentInd, Actions.WorkCsTasks, "Nav.Group.Daily", 't'),
        new("Nav.Proof", AppUrls.Proofs, Icons.Material.Outlined.Verified, Actions.CreateProof, "Nav.Group.Daily", 'b'),
        new("Nav.Orders", AppUrls.Orders, Icons.Material.Outlined.ShoppingBag, Actions.ReadOrders, "Nav.Group.Daily", 'p'),
        new("Nav.Accounts", AppUrls.Accounts, Icons.Material.Outlined.AccountBalance, Actions.ReadAccounts, "Nav.Group.Data", 'r'),
        new("Nav.Integrations", AppUrls.Integrations, Icons.Material.Outlined.Hub, Actions.ManageIntegrations, "Nav.Group.Data", 'i'),
        new("Nav.OwnerReports", AppUrls.OwnerReports, Icons.Material.Outlined.Insights, Actions.ReadOwnerReports, "Nav.Group.Owner", 'l'),
        new("Nav.IncomeRhythm", AppUrls.IncomeRhythm, Icons.Material.Outlined.Schedule, Actions.ReadIncomeRhythm, "Nav.Group.Owner"),
        new("Nav.Settings", AppUrls.Settings, Icons.Material.Outlined.Settings, Actions.ManageSettings, "Nav.Group.Owner", 'k'),
    ];

    /// <summary>
    /// The items someone with <paramref name="roles"/> may open, by group. <paramref name="withheld"/> names actions the matrix
    /// grants but a business setting closes for this person right now (the income rhythm for Finance until the Owner allows it).
    /// </summary>
    public static IEnumerable<IGrouping<string, NavItem>> For(IEnumerable<string> roles, IReadOnlyCollection<string>? withheld = null)
    {
        var list = roles.ToList();
        return Items.Where(i => PermissionMatrix.Allows(i.Action, list) && withheld?.Contains(i.Action) != true).GroupBy(i => i.GroupKey);
    }

    /// <summary>
    /// A signed-in person's roles and the actions withheld from them right now: the income rhythm opens to Finance only while
    /// the Owner allows it, the rule its page applies (<see cref="IncomeRhythmQuery.MayReadAsync"/>), so menu, shortcuts and page agree.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Roles, IReadOnlyCollection<string> Withheld)> AccessOfAsync(ClaimsPrincipal? user, IncomeRhythmQuery incomeRhythm)
    {
        if (user?.Identity?.IsAuthenticated != true) return ([], []);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var mayReadRhythm = await incomeRhythm.MayReadAsync(Viewer.ForRoles(user.Identity.Name ?? "", [.. roles]));
        return (roles, mayReadRhythm ? [] : [Actions.ReadIncomeRhythm]);
    }
}
