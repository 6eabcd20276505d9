using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Orders;

public partial class UnmatchedCreditsPage
{
    [Inject] public required UnmatchedCreditsQuery Query { get; init; }
    [Inject] public required OrderCandidates CandidateSearch { get; init; }
    [Inject] public required SettleOrderCommand Settle { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required IStringLocalizer<OrdersText> T { get; init; }

    private IReadOnlyList<UnmatchedCredit>? Credits { get; set; }
    private UnmatchedCredit? Selected { get; set; }
    private IReadOnlyList<OrderCandidate>? Candidates { get; set; }
    private bool AttentionOnly { get; set; }
    private bool CanWrite { get; set; }
    private string? Message { get; set; }
    private bool MessageIsError { get; set; }
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        CanWrite = OrdersAccess.CanWrite(await CurrentUser.ViewerAsync());
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Credits = await Query.LoadAsync(await CurrentUser.ViewerAsync(), AttentionOnly);
        Selected = null;
        Candidates = null;
    }

    private async Task OnAttentionOnlyAsync(bool value)
    {
        AttentionOnly = value;
        await LoadAsync();
    }

    private async Task ShowAsync(UnmatchedCredit credit)
    {
        Selected = credit;
        Candidates = await CandidateSearch.ForMutationAsync(credit.Id);
    }

    private async Task MatchAsync(UnmatchedCredit credit, OrderCandidate order)
    {
        if (busy) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Credits.Title"], string.Format(T["Credits.ConfirmMatch"], Money.Format(credit.Amount), order.Reference),
            yesText: T["Detail.Yes"], cancelText: T["Detail.No"]);
        if (confirmed != true) return;
        busy = true;
        try
        {
            var result = await Settle.MatchAsync(order.OrderId, credit.Id, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
            MessageIsError = !result.Succeeded;
            Message = result.Succeeded ? T["Detail.Done"] : OrderErrorText.Describe(T, result.ErrorCode!);
            await LoadAsync();
        }
        catch (OrdersWriteDeniedException)
        {
            MessageIsError = true;
            Message = T["Denied"];
        }
        finally
        {
            busy = false;
        }
    }
}
