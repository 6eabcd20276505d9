using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

/// <summary>
/// Integrasi → Log webhook: today's counters and every delivery, newest first, a page at a time from the server. Status, day,
/// page and rows per page are in the link (<c>status=Failed&amp;tgl=2026-11-30&amp;hal=2&amp;baris=50</c>), so the lag notice's
/// "?status=Pending" and a shared link open the same rows.
/// </summary>
public partial class WebhookLogPage
{
    [Inject] public required WebhookLogQuery Query { get; init; }
    [Inject] public required WebhookInboxProcessor Processor { get; init; }
    [Inject] public required WebhookInboxSignal Signal { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    internal const string StatusKey = "status";
    internal const string DayKey = "tgl";
    internal const string AllDays = "semua";

    /// <summary>The status to show (the lag notice links to ?status=Pending); with a status and no day, every day is shown.</summary>
    [SupplyParameterFromQuery(Name = StatusKey)] public string? StatusParam { get; set; }
    [SupplyParameterFromQuery(Name = DayKey)] public string? DayParam { get; set; }
    [SupplyParameterFromQuery(Name = LogGridLink.PageKey)] public int? PageNumber { get; set; }
    [SupplyParameterFromQuery(Name = LogGridLink.PageSizeKey)] public int? PageSize { get; set; }

    private MudDataGrid<WebhookLogRow>? grid;
    private int currentPage, pageSize = LogGridLink.DefaultPageSize;
    // Reached once the first page has loaded: MudDataGrid goes back to the first page when it takes its rows per page.
    private int? pageFromLink;
    private WebhookLogCounters? Counters { get; set; }
    private DeliveryStatus? Status { get; set; }
    private DateOnly? day;
    private DateTime? Day => day?.ToDateTime(TimeOnly.MinValue);
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        (Status, day) = ReadFilter(StatusParam, DayParam, Clock.Today);
        var (page, size) = LogGridLink.Position(PageNumber, PageSize);
        pageSize = size;
        pageFromLink = page > 0 ? page : null;
        Counters = await Query.TodayAsync();
    }

    /// <summary>
    /// The filter a link asks for: a known status name (any case) or none; a day as yyyy-MM-dd, "semua" for every day, and
    /// without one today, unless a status was asked for (the lag notice wants every pending delivery, whatever the day).
    /// </summary>
    internal static (DeliveryStatus? Status, DateOnly? Day) ReadFilter(string? status, string? day, DateOnly today)
    {
        DeliveryStatus? s = Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (string.Equals(day, AllDays, StringComparison.OrdinalIgnoreCase)) return (s, null);
        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return (s, d);
        return (s, s is null ? today : null);
    }

    /// <summary>The link for a filter and grid position; the defaults (today without a status, first page, 25 rows) are left out.</summary>
    internal static string UrlFor(DeliveryStatus? status, DateOnly? day, DateOnly today, int page, int size)
    {
        string? dayValue = day is DateOnly d
            ? (status is null && d == today ? null : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : (status is null ? AllDays : null);
        return LogGridLink.For(AppUrls.WebhookLog, [(StatusKey, status?.ToString()), (DayKey, dayValue)], page, size);
    }

    private async Task<GridData<WebhookLogRow>> LoadPageAsync(GridState<WebhookLogRow> state, CancellationToken ct)
    {
        var (rows, total) = await Query.LoadAsync(new WebhookLogFilter(Status, day, state.Page * state.PageSize, state.PageSize), ct);
        if (pageFromLink is int target)
        {
            pageFromLink = null;
            if (target * state.PageSize < total)
            {
                _ = InvokeAsync(() => { currentPage = target; StateHasChanged(); });
                return new GridData<WebhookLogRow> { Items = rows, TotalItems = total };
            }
        }
        var url = UrlFor(Status, day, Clock.Today, state.Page, state.PageSize);
        if (!Nav.ToBaseRelativePath(Nav.Uri).Equals(url, StringComparison.Ordinal)) Nav.NavigateTo(url, replace: true);
        return new GridData<WebhookLogRow> { Items = rows, TotalItems = total };
    }

    private Task SetStatusAsync(DeliveryStatus? value)
    {
        Status = value;
        return FirstPageAsync();
    }

    private Task SetDayAsync(DateTime? value)
    {
        day = value is DateTime d ? DateOnly.FromDateTime(d) : null;
        return FirstPageAsync();
    }

    private async Task FirstPageAsync()
    {
        if (grid is null) return;
        if (grid.CurrentPage == 0) await grid.ReloadServerData();
        else grid.NavigateTo(MudBlazor.Page.First);
    }

    private async Task RefreshAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            Counters = await Query.TodayAsync();
            if (grid is not null) await grid.ReloadServerData();
        }
        finally { busy = false; }
    }

    private async Task ReprocessAsync(long id)
    {
        if (busy) return;
        busy = true;
        try
        {
            if (await Processor.RequeueAsync(id, await CurrentUser.ActorAsync()))
            {
                Signal.Notify();
                Snackbar.Add(T["Log.Requeued", id], Severity.Success);
            }
            Counters = await Query.TodayAsync();
            if (grid is not null) await grid.ReloadServerData();
        }
        finally { busy = false; }
    }

    private string StatusName(DeliveryStatus? s) => s is null ? "" : T["Status." + s];

    /// <summary>Each delivery status in its colour: processed green, pending blue, partial amber, failed, rejected and malformed red.</summary>
    internal static Color ColorOf(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Processed => Color.Success,
        DeliveryStatus.Pending => Color.Info,
        DeliveryStatus.Partial => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>A duration in Indonesian digits: "3,4 ms" under ten, "1.250 ms" above; "–" when unknown.</summary>
    internal static string Ms(double? ms) => ms is double v
        ? (v < 10 ? v.ToString("0.0", CultureInfo.CurrentCulture) : v.ToString("N0", CultureInfo.CurrentCulture)) + " ms"
        : "–";
}
