using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Platform;

namespace MootaDesk.Web.Proof;

public partial class ProofPage
{
    [Inject] public required PaymentSearch Search { get; init; }
    [Inject] public required IssueProofCommand Issue { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IStringLocalizer<ProofText> T { get; init; }

    /// <summary>Lets other pages link straight to a search: /bukti?jumlah=150123&amp;pesanan=INV-1.</summary>
    [SupplyParameterFromQuery(Name = "jumlah")] public string? AmountFromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "nama")] public string? NameFromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "pesanan")] public string? OrderFromQuery { get; set; }

    private string? Amount { get; set; }
    private string? Name { get; set; }
    private DateTime? From { get; set; }
    private DateTime? To { get; set; }
    private string? OrderReference { get; set; }
    private PaymentSearchResult? Result { get; set; }
    private string? Error { get; set; }
    private bool CanSeeLog { get; set; }
    private bool busy;
    private long? openingId;

    protected override async Task OnInitializedAsync()
    {
        CanSeeLog = await CurrentUser.CanAsync(Actions.ManageProofs);
        Amount = AmountFromQuery;
        Name = NameFromQuery;
        OrderReference = OrderFromQuery;
        SetDefaultDates();
        await SearchAsync();
    }

    private void SetDefaultDates()
    {
        To = Clock.Today.ToDateTime(TimeOnly.MinValue);
        From = Clock.Today.AddDays(-(PaymentSearch.DefaultDays - 1)).ToDateTime(TimeOnly.MinValue);
    }

    private async Task SearchAsync()
    {
        if (busy) return;
        busy = true;
        Error = null;
        try
        {
            var criteria = new PaymentSearchCriteria(Amount, Name,
                From is DateTime f ? DateOnly.FromDateTime(f) : null, To is DateTime t ? DateOnly.FromDateTime(t) : null, OrderReference);
            Result = await Search.SearchAsync(criteria, await CurrentUser.ViewerAsync());
            if (Result.AmountUnreadable) Error = T["Search.AmountUnreadable", Amount ?? ""];
        }
        finally { busy = false; }
    }

    private async Task ResetAsync()
    {
        Amount = Name = OrderReference = null;
        SetDefaultDates();
        await SearchAsync();
    }

    private async Task OpenProofAsync(PaymentHit hit)
    {
        if (openingId is not null) return;
        openingId = hit.MutationId;
        try
        {
            var result = await Issue.IssueAsync(hit.MutationId, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), "app", reuseActive: true);
            switch (result.Outcome)
            {
                case IssueProofOutcome.Debit: Error = T["Proof.DebitRefused"]; break;
                case IssueProofOutcome.Provisional: Error = T["Proof.ProvisionalRefused"]; break;
                case IssueProofOutcome.NotFound: Error = T["Proof.NotFound"]; break;
                default: Navigation.NavigateTo(AppUrls.Proof(result.ProofId)); break;
            }
        }
        finally { openingId = null; }
    }

    private string Summary => Result is null ? "" :
        T[Result.Truncated ? "Search.SummaryTruncated" : "Search.Summary", Result.Hits.Count.ToString("N0"),
            BusinessClock.FormatDay(Result.From), BusinessClock.FormatDay(Result.To), Clock.ZoneAbbreviation];

    /// <summary>The amount as typed, written the way money is shown, for the "nominal terdekat" heading.</summary>
    private string NearestTo => Money.TryParse(Amount, out var typed) ? Money.Format(typed) : Amount ?? "";

    /// <summary>"selisih Rp 1" / "difference Rp 1": how far a nearest credit is from the amount typed.</summary>
    internal string Difference(PaymentHit hit) =>
        Money.TryParse(Amount, out var typed) ? T["Search.NearestDifference", Money.Format(Math.Abs(hit.Amount - typed))] : "";

    private string TimeOf(PaymentHit hit) => hit.HasTimeOfDay ? Clock.FormatDateTime(hit.TransactionTime) : Clock.FormatDate(hit.TransactionTime);
}
