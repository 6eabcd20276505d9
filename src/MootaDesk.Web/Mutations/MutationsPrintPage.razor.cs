using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Mutations;

/// <summary>
/// Mutasi for paper (<c>/mutasi/cetak?&lt;filter&gt;</c>, opened from Mutasi's "Cetak"): the same filter and the viewer's
/// scope as the grid, the first <see cref="MutationQueries.PrintLimit"/> rows and what the printout leaves out said plainly.
/// </summary>
public partial class MutationsPrintPage
{
    [Inject] public required MutationQueries Queries { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required IStringLocalizer<MutationsText> T { get; init; }

    private MutationPrintout? printout;
    private MutationFilter filter = MutationFilter.Empty;
    private bool showsDebits, showsBalance;
    private string viewerName = "";
    private string printedAt = "";

    private string BackUrl => AppUrls.MutationsFiltered(filter);

    /// <summary>"500 dari 1.282 mutasi dicetak; ekspor Excel untuk semuanya." or "12 mutasi".</summary>
    private string ShownText => printout is null ? ""
        : printout.Rows.Count < printout.Count.Value || printout.Count.IsCapped
            ? T["Print.Partial", MutationsPage.Number(printout.Rows.Count), MutationsPage.Number(printout.Count.Value)]
            : T["Count.Value", MutationsPage.Number(printout.Rows.Count)];

    protected override async Task OnInitializedAsync()
    {
        var viewer = await CurrentUser.ViewerAsync();
        viewerName = viewer.Name;
        showsDebits = viewer.CanSeeDebits;
        showsBalance = viewer.CanSeeBalances;
        filter = MutationFilter.Parse(Nav.Uri);
        printedAt = Clock.FormatDateTime(Clock.UtcNow);
        printout = await Queries.PrintoutAsync(filter, viewer);
    }
}
