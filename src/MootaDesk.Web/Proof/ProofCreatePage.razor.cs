using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Proof;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Platform;

namespace MootaDesk.Web.Proof;

/// <summary>
/// "Buat bukti" for one mutation, as a link other areas can use (e.g. a row in Mutasi): opens the live proof of
/// that credit or issues one; a debit is refused with a message, never given a proof.
/// </summary>
public partial class ProofCreatePage
{
    [Inject] public required IssueProofCommand Issue { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IStringLocalizer<ProofText> T { get; init; }

    [Parameter] public long MutationId { get; set; }

    private string? Message { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var result = await Issue.IssueAsync(MutationId, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), "app", reuseActive: true);
        switch (result.Outcome)
        {
            case IssueProofOutcome.Debit: Message = T["Proof.DebitRefused"]; break;
            case IssueProofOutcome.Provisional: Message = T["Proof.ProvisionalRefused"]; break;
            case IssueProofOutcome.NotFound: Message = T["Proof.NotFound"]; break;
            default: Navigation.NavigateTo(AppUrls.Proof(result.ProofId), replace: true); break;
        }
    }
}
