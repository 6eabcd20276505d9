using MudBlazor;
using MootaDesk.Core.Mutations;
using MootaDesk.Web.Mutations;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>The Mutasi page's presentation rules on MudBlazor: the link carries filter, page and rows per page; statuses get their colours.</summary>
public class MutationsPageTests
{
    [Fact]
    public void The_link_carries_the_filter_then_the_page_and_rows_per_page_leaving_defaults_out()
    {
        var filter = MutationFilter.Empty with { Text = "VA PAYMENT", Sort = MutationSort.AmountDesc };

        MutationsPage.UrlFor(MutationFilter.Empty, 0, MutationsPage.DefaultPageSize).ShouldBe("mutasi");
        MutationsPage.UrlFor(filter, 0, MutationsPage.DefaultPageSize).ShouldBe("mutasi?" + filter.ToQueryString());
        MutationsPage.UrlFor(filter, 2, 25).ShouldBe("mutasi?" + filter.ToQueryString() + "&hal=3&baris=25");
        MutationsPage.UrlFor(MutationFilter.Empty, 1, 100).ShouldBe("mutasi?hal=2&baris=100");
    }

    [Fact]
    public void The_filter_read_back_from_a_paged_link_is_the_same_filter()
    {
        var filter = MutationFilter.Empty with { Text = "budi", Sort = MutationSort.TimeAsc };
        MutationFilter.Parse(MutationsPage.UrlFor(filter, 4, 200)).ShouldBe(filter);
    }

    [Theory]
    [InlineData(null, null, 0, 50)]
    [InlineData(3, 25, 2, 25)]
    [InlineData(1, 200, 0, 200)]
    [InlineData(0, 51, 0, 50)]        // a page before the first and a size the pager does not offer fall back
    [InlineData(-4, 10_000, 0, 50)]
    public void A_link_s_page_and_size_open_the_grid_there_or_at_the_start(int? page, int? size, int expectedPage, int expectedSize) =>
        MutationsPage.GridPosition(page, size).ShouldBe((expectedPage, expectedSize));

    [Fact]
    public void Statuses_are_told_apart_by_colour()
    {
        MutationsPage.StatusColor(ReconciliationStatus.Matched).ShouldBe(Color.Success);
        MutationsPage.StatusColor(ReconciliationStatus.NeedsAttention).ShouldBe(Color.Warning);
        MutationsPage.StatusColor(ReconciliationStatus.Resolved).ShouldBe(Color.Info);
        Enum.GetValues<ReconciliationStatus>().Select(MutationsPage.StatusColor).Distinct().Count().ShouldBe(Enum.GetValues<ReconciliationStatus>().Length);
    }
}
