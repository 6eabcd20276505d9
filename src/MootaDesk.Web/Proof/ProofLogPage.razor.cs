using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Proof;

/// <summary>Where a proof stands in the log: still valid, past its date, or withdrawn.</summary>
public enum ProofLogStatus { Active, Expired, Revoked }

public partial class ProofLogPage
{
    /// <summary>The search in the link (<c>q=</c>), beside the grid's <c>hal=</c> and <c>baris=</c>.</summary>
    internal const string SearchKey = "q";

    [Inject] public required ProofLogQuery Log { get; init; }
    [Inject] public required RevokeProofCommand Revoke { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required IStringLocalizer<ProofText> T { get; init; }

    [SupplyParameterFromQuery(Name = SearchKey)] public string? SearchFromLink { get; set; }
    [SupplyParameterFromQuery(Name = GridLink.PageKey)] public int? PageNumber { get; set; }
    [SupplyParameterFromQuery(Name = GridLink.PageSizeKey)] public int? PageSize { get; set; }

    private GridLink Paging { get; } = new(50);
    private MudDataGrid<ProofLogRow>? grid;
    private string? Filter { get; set; }
    // The search the grid shows; the box may hold a new one not yet applied.
    private string? applied;
    private string? Notice { get; set; }
    private bool busy;

    protected override void OnInitialized()
    {
        Filter = applied = string.IsNullOrWhiteSpace(SearchFromLink) ? null : SearchFromLink.Trim();
        Paging.Start(PageNumber, PageSize);
    }

    /// <summary>The grid's <c>ServerData</c>: one page of the log for the applied search; the position goes into the link.</summary>
    private async Task<GridData<ProofLogRow>> LoadPageAsync(GridState<ProofLogRow> state, CancellationToken ct)
    {
        var page = await Log.PageAsync(applied, state.Page * state.PageSize, state.PageSize);
        if (Paging.AfterLoad(Nav, state.Page, state.PageSize, page.Total, [new(SearchKey, applied)]) is int target)
            _ = InvokeAsync(() => { Paging.CurrentPage = target; StateHasChanged(); });
        return new GridData<ProofLogRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task ApplyFilterAsync()
    {
        applied = string.IsNullOrWhiteSpace(Filter) ? null : Filter.Trim();
        await FirstPageAsync();
    }

    private Task FirstPageAsync() => GridLink.FirstPageAsync(grid);

    internal ProofLogStatus StatusOf(ProofLogRow row) =>
        row.RevokedAt is not null ? ProofLogStatus.Revoked : row.ExpiresAt <= Clock.UtcNow ? ProofLogStatus.Expired : ProofLogStatus.Active;

    private static Color StatusColor(ProofLogStatus status) => status switch
    {
        ProofLogStatus.Active => Color.Success,
        ProofLogStatus.Revoked => Color.Error,
        _ => Color.Default,
    };

    private string KindText(ProofEventKind kind) => T["Kind." + kind];

    private async Task RevokeAsync(ProofLogRow row)
    {
        if (busy) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Detail.RevokeTitle"], T["Log.ConfirmRevoke", row.Code], yesText: T["Detail.Revoke"], cancelText: T["Log.Cancel"]);
        if (confirmed != true) return;
        busy = true;
        try
        {
            if (!await CurrentUser.CanAsync(Actions.ManageProofs)) { Notice = T["Log.NotAllowed"]; return; }
            var outcome = await Revoke.RevokeAsync(row.ProofId, null, await CurrentUser.ActorAsync());
            Notice = outcome == RevokeProofOutcome.Revoked ? T["Log.Revoked", row.Code] : T["Detail.AlreadyRevoked"];
        }
        finally { busy = false; }
        if (grid is not null) await grid.ReloadServerData();
    }
}
