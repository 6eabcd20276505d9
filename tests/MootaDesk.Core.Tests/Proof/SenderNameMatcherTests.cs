using MootaDesk.Core.Proof;

namespace MootaDesk.Core.Tests.Proof;

public class SenderNameMatcherTests
{
    private const string BcaDescription = "TRSF E-BANKING CR 2111/FTSCY/WS95031 150123.00 BUDI SANTOSO";

    [Theory]
    [InlineData("budi santoso")]
    [InlineData("BUDI SANTOSO")]
    [InlineData("Budi Santosa")]   // typo
    [InlineData("budi sntoso")]    // missing letter
    [InlineData("santoso")]
    [InlineData("budi")]
    [InlineData("Búdi")]           // accent
    public void The_sender_is_found_despite_case_typos_and_partial_names(string typed) =>
        SenderNameMatcher.Score(typed, null, BcaDescription).ShouldBeGreaterThan(0);

    [Theory]
    [InlineData("siti aminah")]
    [InlineData("budi hartono")]
    [InlineData("xyz")]
    [InlineData("")]
    public void Other_names_do_not_match(string typed) =>
        SenderNameMatcher.Score(typed, "BUDI SANTOSO", BcaDescription).ShouldBe(0);

    [Fact]
    public void Exact_names_rank_above_near_ones()
    {
        var exact = SenderNameMatcher.Score("budi santoso", "BUDI SANTOSO");
        var near = SenderNameMatcher.Score("budi santoso", "BUDI SANTOSA");
        var cut = SenderNameMatcher.Score("budi santoso", "BUDI SANTO");
        exact.ShouldBe(1);
        near.ShouldBeLessThan(exact);
        cut.ShouldBeGreaterThan(0);
        cut.ShouldBeLessThan(exact);
    }

    [Theory]
    [InlineData("santoso", "santosa", 1)]
    [InlineData("budi", "bdui", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_typos(string a, string b, int expected) => SenderNameMatcher.Distance(a, b).ShouldBe(expected);
}
