using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Proof;

public partial class ProofLogPage
{
    [Inject] public required ProofLogQuery Log { get; init; }
    [Inject] public required RevokeProofCommand Revoke { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required DialogService Dialogs { get; init; }
    [Inject] public required IStringLocalizer<ProofText> T { get; init; }

    private IReadOnlyList<ProofLogRow>? Rows { get; set; }
    private string? Filter { get; set; }
    private string? Notice { get; set; }
    private int Take { get; set; } = 50;
    private bool busy;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        busy = true;
        try { Rows = await Log.LoadAsync(Filter, Take); }
        finally { busy = false; }
    }

    private async Task MoreAsync()
    {
        Take += 50;
        await LoadAsync();
    }

    private string StatusOf(ProofLogRow row) =>
        row.RevokedAt is not null ? "revoked" : row.ExpiresAt <= Clock.UtcNow ? "expired" : "active";

    private string KindText(ProofEventKind kind) => T["Kind." + kind];

    private async Task RevokeAsync(ProofLogRow row)
    {
        if (busy) return;
        var confirmed = await Dialogs.Confirm(T["Log.ConfirmRevoke", row.Code], T["Detail.RevokeTitle"],
            new ConfirmOptions { OkButtonText = T["Detail.Revoke"], CancelButtonText = T["Log.Cancel"] });
        if (confirmed != true) return;
        busy = true;
        try
        {
            if (!await CurrentUser.CanAsync(Actions.ManageProofs)) { Notice = T["Log.NotAllowed"]; return; }
            var outcome = await Revoke.RevokeAsync(row.ProofId, null, await CurrentUser.ActorAsync());
            Notice = outcome == RevokeProofOutcome.Revoked ? T["Log.Revoked", row.Code] : T["Detail.AlreadyRevoked"];
        }
        finally { busy = false; }
        await LoadAsync();
    }
}
