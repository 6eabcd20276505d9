using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;
using Radzen.Blazor;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

public partial class WebhookLogPage
{
    [Inject] public required WebhookLogQuery Query { get; init; }
    [Inject] public required WebhookInboxProcessor Processor { get; init; }
    [Inject] public required WebhookInboxSignal Signal { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NotificationService Notify { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    private sealed record StatusOption(DeliveryStatus? Value, string Text);

    /// <summary>The status to show first (the lag notice links to ?status=Pending); then every day is shown, not just today.</summary>
    [SupplyParameterFromQuery(Name = "status")] public string? InitialStatus { get; set; }

    private RadzenDataGrid<WebhookLogRow> grid = default!;
    private IReadOnlyList<WebhookLogRow> Rows { get; set; } = [];
    private int Total { get; set; }
    private WebhookLogCounters? Counters { get; set; }
    private DeliveryStatus? Status { get; set; }
    private DateTime? Day { get; set; }
    private IReadOnlyList<StatusOption> StatusOptions { get; set; } = [];
    private int skip;
    private int take = 25;
    private bool loading;
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        if (Enum.TryParse<DeliveryStatus>(InitialStatus, ignoreCase: true, out var status)) Status = status;
        else Day = Clock.LocalNow.Date;
        StatusOptions = [.. Enum.GetValues<DeliveryStatus>().Select(s => new StatusOption(s, T["Status." + s]))];
        Counters = await Query.TodayAsync();
        await ReloadAsync();
    }

    private async Task LoadAsync(LoadDataArgs args)
    {
        skip = args.Skip ?? 0;
        take = args.Top ?? 25;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        loading = true;
        try
        {
            var day = Day is DateTime d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
            (Rows, Total) = await Query.LoadAsync(new WebhookLogFilter(Status, day, skip, take));
        }
        finally { loading = false; }
    }

    private async Task SetStatusAsync(DeliveryStatus? value)
    {
        Status = value;
        skip = 0;
        await grid.FirstPage(true);
    }

    private async Task SetDayAsync(DateTime? value)
    {
        Day = value;
        skip = 0;
        await grid.FirstPage(true);
    }

    private async Task RefreshAsync()
    {
        Counters = await Query.TodayAsync();
        await ReloadAsync();
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
                Notify.Notify(NotificationSeverity.Success, T["Log.Requeued", id]);
            }
            await RefreshAsync();
        }
        finally { busy = false; }
    }

    internal static BadgeStyle StyleOf(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Processed => BadgeStyle.Success,
        DeliveryStatus.Pending => BadgeStyle.Info,
        DeliveryStatus.Failed => BadgeStyle.Danger,
        DeliveryStatus.Partial => BadgeStyle.Warning,
        _ => BadgeStyle.Warning,
    };

    internal static string Ms(double? ms) => ms is double v ? (v < 10 ? v.ToString("0.0") : v.ToString("N0")) + " ms" : "–";
}
