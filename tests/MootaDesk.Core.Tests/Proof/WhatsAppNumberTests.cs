using MootaDesk.Core.Proof;

namespace MootaDesk.Core.Tests.Proof;

public class WhatsAppNumberTests
{
    [Theory]
    [InlineData("0812-3456-7890", "6281234567890")]
    [InlineData("+62 812 3456 7890", "6281234567890")]
    [InlineData("81234567890", "6281234567890")]
    [InlineData("6281234567890", "6281234567890")]
    [InlineData("12", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Indonesian_numbers_become_wa_me_numbers(string? phone, string? expected) =>
        WhatsAppNumber.Normalize(phone).ShouldBe(expected);

    [Fact]
    public void The_link_carries_the_text_encoded() =>
        WhatsAppNumber.Link("0812 3456 7890", "Pembayaran diterima: Rp 150.123").ShouldBe("https://wa.me/6281234567890?text=Pembayaran%20diterima%3A%20Rp%20150.123");
}
