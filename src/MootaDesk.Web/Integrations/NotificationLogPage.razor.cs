using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

/// <summary>
/// Integrasi → Notifikasi HP → Log: every post a phone sent, kept raw with what became of it, a page at a time from the server
/// (status, page and rows per page in the link). "Tidak terbaca" posts stay here for Ops; "Proses lagi" reads a post again;
/// a provisional credit the bank will never confirm is dismissed here with a reason, and can be restored (issue 15).
/// </summary>
public partial class NotificationLogPage
{
    [Inject] public required NotificationLogQuery Query { get; init; }
    [Inject] public required NotificationInbox Inbox { get; init; }
    [Inject] public required ProvisionalCreditDismissal Dismissal { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    internal const string StatusKey = "status";

    [SupplyParameterFromQuery(Name = StatusKey)] public string? StatusParam { get; set; }
    [SupplyParameterFromQuery(Name = LogGridLink.PageKey)] public int? PageNumber { get; set; }
    [SupplyParameterFromQuery(Name = LogGridLink.PageSizeKey)] public int? PageSize { get; set; }

    private MudDataGrid<NotificationPostRow>? grid;
    private int currentPage, pageSize = LogGridLink.DefaultPageSize;
    private int? pageFromLink;
    private IReadOnlyDictionary<NotificationPostStatus, int> Counts { get; set; } = new Dictionary<NotificationPostStatus, int>();
    private NotificationPostStatus? Status { get; set; }
    private NotificationPostRow? Dismissing { get; set; }
    private string? dismissReason;
    private bool busy, canDismiss;

    protected override async Task OnInitializedAsync()
    {
        Status = ReadStatus(StatusParam);
        var (page, size) = LogGridLink.Position(PageNumber, PageSize);
        pageSize = size;
        pageFromLink = page > 0 ? page : null;
        canDismiss = ProvisionalCreditDismissal.CanDismiss(await CurrentUser.ViewerAsync());
    }

    /// <summary>A status name from the link (any case), or none for every post.</summary>
    internal static NotificationPostStatus? ReadStatus(string? value) =>
        Enum.TryParse<NotificationPostStatus>(value, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;

    /// <summary>The link for a status and grid position; the defaults are left out.</summary>
    internal static string UrlFor(NotificationPostStatus? status, int page, int size) =>
        LogGridLink.For(AppUrls.NotificationLog, [(StatusKey, status?.ToString())], page, size);

    private async Task<GridData<NotificationPostRow>> LoadPageAsync(GridState<NotificationPostRow> state, CancellationToken ct)
    {
        var result = await Query.PageAsync(new NotificationLogFilter(Status, state.Page * state.PageSize, state.PageSize), ct);
        Counts = result.Counts;
        _ = InvokeAsync(StateHasChanged);
        if (pageFromLink is int target)
        {
            pageFromLink = null;
            if (target * state.PageSize < result.Total)
            {
                _ = InvokeAsync(() => { currentPage = target; StateHasChanged(); });
                return new GridData<NotificationPostRow> { Items = result.Rows, TotalItems = result.Total };
            }
        }
        var url = UrlFor(Status, state.Page, state.PageSize);
        if (!Nav.ToBaseRelativePath(Nav.Uri).Equals(url, StringComparison.Ordinal)) Nav.NavigateTo(url, replace: true);
        return new GridData<NotificationPostRow> { Items = result.Rows, TotalItems = result.Total };
    }

    private async Task FilterAsync(NotificationPostStatus? status)
    {
        Status = status;
        if (grid is null) return;
        if (grid.CurrentPage == 0) await grid.ReloadServerData();
        else grid.NavigateTo(MudBlazor.Page.First);
    }

    private Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task RetryAsync(long id)
    {
        if (busy) return;
        busy = true;
        try
        {
            var receipt = await Inbox.ReprocessAsync(id);
            if (receipt is not null) Snackbar.Add(T["NotificationLog.Retried", T["PostStatus." + receipt.Status]], Severity.Info);
            await ReloadAsync();
        }
        finally { busy = false; }
    }

    private void StartDismiss(NotificationPostRow row)
    {
        Dismissing = row;
        dismissReason = null;
    }

    private async Task DismissAsync()
    {
        if (busy || Dismissing?.Mutation is not { } m) return;
        busy = true;
        try
        {
            var refusal = await Dismissal.DismissAsync(m.Id, dismissReason, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
            if (refusal is not null)
            {
                Snackbar.Add(T[refusal, ProvisionalCreditDismissal.MinReason], Severity.Warning);
                return;
            }
            Snackbar.Add(T["Dismiss.Done", Money.Format(m.Amount)], Severity.Success);
            Dismissing = null;
            await ReloadAsync();
        }
        finally { busy = false; }
    }

    private async Task RestoreAsync(NotificationPostRow row)
    {
        if (busy || row.Mutation is not { } m) return;
        busy = true;
        try
        {
            var refusal = await Dismissal.RestoreAsync(m.Id, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
            Snackbar.Add(refusal is null ? T["Dismiss.Restored", Money.Format(m.Amount)] : T[refusal, ProvisionalCreditDismissal.MinReason],
                refusal is null ? Severity.Success : Severity.Warning);
            await ReloadAsync();
        }
        finally { busy = false; }
    }

    /// <summary>"Proses lagi" is offered for posts that did not become a credit or a known duplicate.</summary>
    internal static bool CanRetry(NotificationPostStatus s) =>
        s is NotificationPostStatus.Failed or NotificationPostStatus.Unreadable or NotificationPostStatus.Refused or NotificationPostStatus.NoAccount or NotificationPostStatus.Pending;

    /// <summary>What became of the credit: waiting for the bank, confirmed by it, or dismissed by a person.</summary>
    private string MutationState(PostMutation m) =>
        m.DismissedAt is not null ? T["NotificationLog.Dismissed"] : m.IsProvisional ? T["NotificationLog.WaitingBank"] : T["NotificationLog.Confirmed"];

    /// <summary>The stored reason in the reader's language; unknown keys (a newer parser) show as the technical line.</summary>
    private string? ReasonText(NotificationPostRow p)
    {
        if (p.Error is not null) return p.Error;
        if (p.Reason is null) return null;
        var text = T[p.Reason.Key, p.Reason.Args.Cast<object>().ToArray()];
        return text.ResourceNotFound ? p.Reason.Technical : text.Value;
    }

    internal static Color ColorOf(NotificationPostStatus s) => s switch
    {
        NotificationPostStatus.Provisional => Color.Success,
        NotificationPostStatus.Duplicate or NotificationPostStatus.NotMoneyIn => Color.Default,
        NotificationPostStatus.Unreadable or NotificationPostStatus.NoAccount or NotificationPostStatus.Pending => Color.Warning,
        _ => Color.Error,
    };
}
