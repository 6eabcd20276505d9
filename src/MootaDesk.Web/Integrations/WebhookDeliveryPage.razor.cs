using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

public partial class WebhookDeliveryPage
{
    [Parameter] public long Id { get; set; }

    [Inject] public required WebhookLogQuery Query { get; init; }
    [Inject] public required WebhookInboxProcessor Processor { get; init; }
    [Inject] public required WebhookInboxSignal Signal { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }

    private WebhookDeliveryDetail? Detail { get; set; }

    /// <summary>
    /// What went wrong, in the reader's language. The stored error stays the technical detail underneath (it is written
    /// by the receiver and processor for logs too); the reason itself comes from the stored message key when there is one.
    /// </summary>
    private string? ReasonText => Detail switch
    {
        null => null,
        { Row.Signature: SignatureVerdict.IpRefused } => T["Reason.IpRefused"].Value,
        { Row.Signature: SignatureVerdict.Missing } => T["Reason.Missing"].Value,
        { Row.Signature: SignatureVerdict.Invalid } => T["Reason.Invalid"].Value,
        { Reason: { } reason, Row.Status: DeliveryStatus.Malformed } => Explain(reason) + " " + T["Reason.Refused"].Value,
        { Reason: { } reason } => Explain(reason) + " " + T["Reason.Failed"].Value,
        { Row.Status: DeliveryStatus.Malformed } => T["Reason.NotArray"].Value,
        { Row.Status: DeliveryStatus.Partial } => T["Reason.Partial"].Value,
        { Row.Status: DeliveryStatus.Failed, RejectedElements.Count: > 0 } => T["Reason.AllRejected"].Value,
        { Row.Status: DeliveryStatus.Failed } => T["Reason.Failed"].Value,
        { Row.Status: DeliveryStatus.Pending, Row.Error: not null } => T["Reason.Retrying"].Value,
        _ => null,
    };

    /// <summary>The kept error: a refusal stored as a key (the receiver's) in the reader's language, a processor's technical text as it is.</summary>
    private string? ErrorText => T.SayStored(Detail?.Row.Error);

    /// <summary>One stored reason as a sentence (IntegrationsText "Problem.*"); its arguments are the values Moota sent.</summary>
    private string Explain(MootaProblem p) => T[p.Key, [.. p.Args]].Value;

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
                Snackbar.Add(T["Log.Requeued", Id], Severity.Success);
            }
            // Give the woken processor a moment, so the page usually shows the outcome rather than "pending".
            await Task.Delay(300);
            Detail = await Query.DetailAsync(Id);
        }
        finally { busy = false; }
    }
}
