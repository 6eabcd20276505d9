using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Shared;

namespace MootaDesk.Web.Integrations;

/// <summary>
/// Integrasi → Notifikasi HP → Log: every post a phone sent, kept raw with what became of it. "Tidak terbaca" posts stay here
/// for Ops; "Proses lagi" reads a post again (after a parser update or once the device's account exists).
/// </summary>
public partial class NotificationLogPage
{
    [Inject] public required NotificationLogQuery Query { get; init; }
    [Inject] public required NotificationInbox Inbox { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NotificationService Notify { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    private IReadOnlyList<NotificationPostRow> Rows { get; set; } = [];
    private IReadOnlyDictionary<NotificationPostStatus, int> Counts { get; set; } = new Dictionary<NotificationPostStatus, int>();
    private NotificationPostStatus? Status { get; set; }
    private bool busy;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => (Rows, Counts) = await Query.ListAsync(Status);

    private async Task FilterAsync(NotificationPostStatus? status)
    {
        Status = status;
        await LoadAsync();
    }

    private async Task RetryAsync(long id)
    {
        if (busy) return;
        busy = true;
        try
        {
            var receipt = await Inbox.ReprocessAsync(id);
            if (receipt is not null) Notify.Notify(NotificationSeverity.Info, T["NotificationLog.Retried", T["PostStatus." + receipt.Status]]);
            await LoadAsync();
        }
        finally { busy = false; }
    }

    /// <summary>The stored reason in the reader's language; unknown keys (a newer parser) show as the technical line.</summary>
    private string? ReasonText(NotificationPostRow p)
    {
        if (p.Error is not null) return p.Error;
        if (p.Reason is null) return null;
        var text = T[p.Reason.Key, p.Reason.Args.Cast<object>().ToArray()];
        return text.ResourceNotFound ? p.Reason.Technical : text.Value;
    }

    private static BadgeStyle StyleOf(NotificationPostStatus s) => s switch
    {
        NotificationPostStatus.Provisional => BadgeStyle.Success,
        NotificationPostStatus.Duplicate or NotificationPostStatus.NotMoneyIn => BadgeStyle.Light,
        NotificationPostStatus.Unreadable or NotificationPostStatus.NoAccount => BadgeStyle.Warning,
        _ => BadgeStyle.Danger,
    };
}
