using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Proof;

namespace MootaDesk.Web.Proof;

/// <summary>
/// The page a customer reaches from the link or the QR code, without signing in. It shows the masked card of a
/// valid proof and nothing else (no navigation, no other data); any bad, expired or revoked token gets the same
/// short answer, so the page cannot be used to probe which proofs exist.
/// </summary>
public partial class PublicProofPage
{
    [Inject] public required ProofCardQuery Cards { get; init; }
    [Inject] public required RecordProofShareCommand Shares { get; init; }
    [Inject] public required IOptions<ProofOptions> Options { get; init; }
    [Inject] public required IStringLocalizer<ProofText> T { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;
    [Parameter] public string Token { get; set; } = "";

    private PublicProof? Result { get; set; }

    private string Reason => Result?.Status switch
    {
        PublicProofStatus.Expired => T["Public.Expired"],
        PublicProofStatus.Revoked => T["Public.RevokedReason"],
        _ => T["Public.Unknown"],
    };

    protected override async Task OnInitializedAsync()
    {
        HttpContext.Response.Headers.CacheControl = "no-store";
        HttpContext.Response.Headers["X-Robots-Tag"] = "noindex";
        HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        Result = await Cards.LoadPublicAsync(Token, HttpContext.Request.BaseUrl(Options.Value));
        if (Result.View is not null)
            await Shares.RecordAsync(Result.View.ProofId, ProofEventKind.ViewedPublic,
                new Actor(ProofApi.PublicActorName, null, HttpContext.Connection.RemoteIpAddress?.ToString()), "link", null);
        else
        {
            // A 404 whose body is this page's own short answer: telling Blazor the not-found content is handled
            // here keeps it from sending the 404 without a body or replacing it with the app-wide page.
            Navigation.OnNotFound += ShowOwnAnswer;
            Navigation.NotFound();
        }
    }

    private void ShowOwnAnswer(object? sender, NotFoundEventArgs e) => e.Path = HttpContext.Request.Path;
}
