using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Proof;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Proof;

/// <summary>A server-rendered page with only the card, for the browser's print dialog (receipt printer or paper).</summary>
public partial class ProofPrintPage
{
    [Inject] public required ProofCardQuery Cards { get; init; }
    [Inject] public required RecordProofShareCommand Shares { get; init; }
    [Inject] public required IOptions<ProofOptions> Options { get; init; }
    [Inject] public required IStringLocalizer<ProofText> T { get; init; }

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;
    [Parameter] public long ProofId { get; set; }

    private ProofView? View { get; set; }

    protected override async Task OnInitializedAsync()
    {
        View = await Cards.LoadAsync(ProofId, HttpContext.User.ToViewer(), HttpContext.Request.BaseUrl(Options.Value));
        if (View is { IsActive: true })
            await Shares.RecordAsync(View.ProofId, ProofEventKind.Print, HttpContext.User.ToActor(HttpContext.Connection.RemoteIpAddress?.ToString()),
                "print", View.Card.OrderReference);
    }
}
