using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Tests.Mutations;

public class TagNameTests
{
    [Theory]
    [InlineData("Supplier A", "suppliera")]
    [InlineData("supplier-a", "suppliera")]
    [InlineData("  SUPPLIER_A ", "suppliera")]
    [InlineData("Réfund!", "refund")]
    [InlineData("D.P.", "dp")]
    public void Names_are_folded_ignoring_case_spaces_punctuation_and_accents(string name, string folded) =>
        TagName.Normalize(name).ShouldBe(folded);

    [Theory]
    [InlineData("Refund", "Refun")]
    [InlineData("Supplier", "Suplier")]
    [InlineData("Pelunasan", "Pelunasan Order")]
    public void Near_duplicates_are_recognised(string a, string b) => TagName.IsNearDuplicate(a, b).ShouldBeTrue();

    [Theory]
    [InlineData("Refund", "Supplier")]
    [InlineData("DP", "COD")]
    [InlineData("Refund", "refund")] // equal once folded: refused outright, not a mere warning
    public void Different_or_identical_names_are_not_near_duplicates(string a, string b) => TagName.IsNearDuplicate(a, b).ShouldBeFalse();

    [Fact]
    public void Clean_collapses_inner_white_space() => TagName.Clean("  Supplier   A ").ShouldBe("Supplier A");

    [Theory]
    [InlineData("Uang dikembalikan ke pelanggan", "uang DIKEMBALIKAN ke pelanggan.")]
    [InlineData("Pembayaran ke pemasok barang", "Pembayaran ke pemasok barang dagangan")]
    [InlineData("DP", "dp")]
    public void A_meaning_that_says_the_same_as_another_repeats_it(string a, string b) => TagName.MeaningRepeats(a, b).ShouldBeTrue();

    [Theory]
    [InlineData("Uang dikembalikan ke pelanggan", "Biaya kirim dari kurir")]
    [InlineData("Gaji karyawan", "Gaji supplier")]
    [InlineData(null, "Gaji karyawan")]
    [InlineData("", "")]
    public void Different_or_empty_meanings_do_not_repeat(string? a, string? b) => TagName.MeaningRepeats(a, b).ShouldBeFalse();
}
