using System.Globalization;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Shared;

public class FormattingTests
{
    [Theory]
    [InlineData("1500000", "Rp 1.500.000")]
    [InlineData("150123.50", "Rp 150.123,50")]
    [InlineData("0", "Rp 0")]
    [InlineData("-25000", "-Rp 25.000")]
    [InlineData("999.99", "Rp 999,99")]
    public void Money_is_written_the_Indonesian_way(string value, string expected) =>
        Money.Format(decimal.Parse(value, CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Signed_money_shows_the_direction() =>
        (Money.FormatSigned(50_000m, true), Money.FormatSigned(50_000m, false)).ShouldBe(("+Rp 50.000", "-Rp 50.000"));

    [Theory]
    [InlineData("150.123", "150123")]
    [InlineData("150123", "150123")]
    [InlineData("Rp150.123", "150123")]
    [InlineData("Rp 150.123,00", "150123.00")]
    [InlineData("1.500.000,00", "1500000.00")]
    [InlineData("1,500,000.00", "1500000.00")]
    [InlineData("150,5", "150.5")]
    [InlineData("100123.00", "100123.00")]
    public void Amounts_typed_in_any_common_way_are_read(string typed, string expected)
    {
        Money.TryParse(typed, out var amount).ShouldBeTrue();
        amount.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("Rp")]
    [InlineData(null)]
    public void Nonsense_is_not_an_amount(string? typed) => Money.TryParse(typed, out _).ShouldBeFalse();

    [Fact]
    public void Times_show_in_WIB_with_the_Indonesian_time_separator()
    {
        var clock = new BusinessClock(TestTime.Create());
        var utc = new DateTime(2026, 11, 21, 7, 33, 0, DateTimeKind.Utc);
        clock.FormatDateTime(utc, CultureInfo.GetCultureInfo("id-ID")).ShouldBe("21 Nov 2026 14.33 WIB");
        clock.FormatDateTime(utc, CultureInfo.GetCultureInfo("en-US")).ShouldBe("21 Nov 2026 14:33 WIB");
    }

    [Fact]
    public void Indonesian_month_names_are_used()
    {
        var clock = new BusinessClock(TestTime.Create());
        clock.FormatDate(new DateTime(2026, 8, 17, 3, 0, 0, DateTimeKind.Utc), CultureInfo.GetCultureInfo("id-ID")).ShouldBe("17 Agu 2026");
    }
}
