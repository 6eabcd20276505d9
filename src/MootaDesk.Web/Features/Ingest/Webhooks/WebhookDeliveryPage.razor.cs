using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Formatting;
using MootaDesk.Web.Hosting;
using Radzen;

namespace MootaDesk.Web.Features.Ingest.Webhooks;

public partial class WebhookDeliveryPage
{
    [Parameter] public long Id { get; set; }

    [Inject] private WebhookLogQuery Query { get; set; } = default!;
    [Inject] private WebhookInboxProcessor Processor { get; set; } = default!;
    [Inject] private WebhookInboxSignal Signal { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private NotificationService Notify { get; set; } = default!;
    [Inject] private IStringLocalizer<IntegrationsText> T { get; set; } = default!;

    private WebhookDeliveryDetail? Detail { get; set; }

    /// <summary>
    /// What went wrong, in the reader's language. The stored error stays the technical detail underneath (it is written
    /// by the receiver and processor for logs too); only the cases Ops meets every week get a sentence of their own.
    /// </summary>
    private string? ReasonText => Detail?.Row switch
    {
        null => null,
        { Signature: SignatureVerdict.IpRefused } => T["Reason.IpRefused"].Value,
        { Signature: SignatureVerdict.Missing } => T["Reason.Missing"].Value,
        { Signature: SignatureVerdict.Invalid } => T["Reason.Invalid"].Value,
        { Status: DeliveryStatus.Malformed } => T["Reason.NotArray"].Value,
        { Status: DeliveryStatus.Failed } => T["Reason.Failed"].Value,
        _ => null,
    };
    private bool notFound;
    private bool busy;

    protected override async Task OnParametersSetAsync()
    {
        Detail = await Query.DetailAsync(Id);
        notFound = Detail is null;
    }

    private async Task ReprocessAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            if (await Processor.RequeueAsync(Id, await CurrentUser.ActorAsync()))
            {
                Signal.Notify();
                Notify.Notify(NotificationSeverity.Success, T["Log.Requeued", Id]);
            }
            // Give the woken processor a moment, so the page usually shows the outcome rather than "pending".
            await Task.Delay(300);
            Detail = await Query.DetailAsync(Id);
        }
        finally { busy = false; }
    }
}
