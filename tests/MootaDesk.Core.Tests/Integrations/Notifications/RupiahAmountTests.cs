using MootaDesk.Core.Integrations.Notifications;

namespace MootaDesk.Core.Tests.Integrations.Notifications;

/// <summary>Amounts as bank and wallet notifications write them: read exactly or not at all.</summary>
public class RupiahAmountTests
{
    [Theory]
    [InlineData("Rp1.500.000", "1500000")]
    [InlineData("Rp 1.500.000,00", "1500000")]
    [InlineData("IDR 1,500,000.00", "1500000")]
    [InlineData("IDR 329,306.00", "329306")]
    [InlineData("Rp20.000,00", "20000")]
    [InlineData("Rp.10.000", "10000")]
    [InlineData("Rp 150.123,50", "150123.50")]
    [InlineData("Rp 50.000,-", "50000")]
    [InlineData("IDR 1.00", "1")]
    [InlineData("Rp1.500", "1500")]
    [InlineData("1,500", "1500")]
    [InlineData("50.500", "50500")]
    [InlineData("Rp100.000.00", "100000")] // OVO writes thousands dots and a decimal dot
    [InlineData("rp 75000", "75000")]
    [InlineData("Rp\u00a01.000", "1000")]
    public void Indonesian_and_English_notations_are_read_to_the_exact_rupiah(string written, string expected) =>
        (RupiahAmount.TryParse(written, AmountNotation.Any, out var amount) ? amount : -1).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("")]
    [InlineData("Rp")]
    [InlineData("50rb")]
    [InlineData("Rp 1,5jt")]
    [InlineData("-Rp50.000")]
    [InlineData("Rp 1 500 000")]
    [InlineData("1.500.00.000")]
    [InlineData("1.5000")]
    [InlineData("12,000.555")]
    [InlineData("1.000,5")]
    [InlineData("Rp1.000.000.000.000.000")]
    [InlineData("Rp 99999999999999999999")]
    public void Shorthand_signs_broken_groups_and_impossible_sizes_are_refused(string written) =>
        RupiahAmount.TryParse(written, AmountNotation.Any, out _).ShouldBeFalse();

    [Fact]
    public void A_pinned_notation_refuses_the_other_one_instead_of_reading_it_differently()
    {
        RupiahAmount.TryParse("Rp19,000,000", AmountNotation.Indonesian, out _).ShouldBeFalse();
        RupiahAmount.TryParse("IDR 1.500.000,00", AmountNotation.English, out _).ShouldBeFalse();
        RupiahAmount.TryParse("IDR 1,500,000.00", AmountNotation.English, out var english).ShouldBeTrue();
        english.ShouldBe(1_500_000m);
        RupiahAmount.TryParse("Rp 1.500.000,00", AmountNotation.Indonesian, out var indonesian).ShouldBeTrue();
        indonesian.ShouldBe(1_500_000m);
    }
}
