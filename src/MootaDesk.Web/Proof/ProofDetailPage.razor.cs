using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Platform;

namespace MootaDesk.Web.Proof;

public partial class ProofDetailPage
{
    [Inject] public required ProofCardQuery Cards { get; init; }
    [Inject] public required RecordProofShareCommand Shares { get; init; }
    [Inject] public required RevokeProofCommand Revoke { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required IOptions<ProofOptions> Options { get; init; }
    [Inject] public required IStringLocalizer<ProofText> T { get; init; }

    [Parameter] public long ProofId { get; set; }

    private ProofView? View { get; set; }
    private bool Loaded { get; set; }
    private string Text { get; set; } = "";
    private string WhatsAppLink { get; set; } = "";
    private string? Notice { get; set; }
    private string? RevokeReason { get; set; }
    private bool CanRevoke { get; set; }
    private bool busy;

    protected override async Task OnParametersSetAsync()
    {
        CanRevoke = await CurrentUser.CanAsync(Actions.ManageProofs);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var baseUrl = string.IsNullOrWhiteSpace(Options.Value.PublicBaseUrl) ? Navigation.BaseUri : Options.Value.PublicBaseUrl;
        View = await Cards.LoadAsync(ProofId, await CurrentUser.ViewerAsync(), baseUrl);
        Loaded = true;
        if (View is null) return;
        Text = ProofWhatsAppText.Build(View.Card, Clock);
        WhatsAppLink = WhatsAppNumber.Link(View.CustomerWhatsApp, Text);
    }

    private async Task CopyTextAsync()
    {
        if (View is null || !View.IsActive) return;
        var copied = await JS.InvokeAsync<bool>("mootadesk.copyText", Text);
        await Shares.RecordAsync(View.ProofId, ProofEventKind.CopiedText, await CurrentUser.ActorAsync(), "text", View.Card.OrderReference);
        Notice = copied ? T["Detail.Copied"] : T["Detail.CopyFailed"];
    }

    private async Task CopyLinkAsync()
    {
        if (View is null || !View.IsActive) return;
        var copied = await JS.InvokeAsync<bool>("mootadesk.copyText", View.VerificationUrl);
        await Shares.RecordAsync(View.ProofId, ProofEventKind.CopiedText, await CurrentUser.ActorAsync(), "link", View.Card.OrderReference);
        Notice = copied ? T["Detail.LinkCopied"] : T["Detail.CopyFailed"];
    }

    private async Task LogWhatsAppAsync()
    {
        if (View is null || !View.IsActive) return;
        await Shares.RecordAsync(View.ProofId, ProofEventKind.WhatsApp, await CurrentUser.ActorAsync(), "wa",
            WhatsAppNumber.Normalize(View.CustomerWhatsApp) ?? View.Card.OrderReference);
    }

    // The endpoint logs the download; the browser fetches it with the sign-in cookie.
    private async Task DownloadAsync(string format)
    {
        if (View is null || !View.IsActive) return;
        await JS.InvokeVoidAsync("mootadesk.downloadFromUrl", AppUrls.ProofFile(View.ProofId, format), $"bukti-{View.Card.VerificationCode}.{format}");
    }

    private async Task RevokeAsync()
    {
        if (busy || View is null) return;
        busy = true;
        try
        {
            // Checked again here: a hidden button is not a permission.
            if (!await CurrentUser.CanAsync(Actions.ManageProofs)) { Notice = T["Log.NotAllowed"]; return; }
            var outcome = await Revoke.RevokeAsync(View.ProofId, RevokeReason, await CurrentUser.ActorAsync());
            Notice = outcome == RevokeProofOutcome.Revoked ? T["Detail.RevokedNow"] : T["Detail.AlreadyRevoked"];
            await LoadAsync();
        }
        finally { busy = false; }
    }
}
