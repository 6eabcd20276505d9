using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Tests.Shared;

/// <summary>The one WhatsApp number rule used by orders, proofs and the owner's summary.</summary>
public class WhatsAppNumberTests
{
    [Theory]
    [InlineData("0812-3456-7890", "6281234567890")]
    [InlineData("+62 812 3456 7890", "6281234567890")]
    [InlineData("62 812.3456.7890", "6281234567890")]
    [InlineData("(0813) 1111 2222", "6281311112222")]
    [InlineData("81234567890", "6281234567890")]
    [InlineData("812 3456 7890", "6281234567890")]
    [InlineData("6281234567890", "6281234567890")]
    public void Indonesian_mobile_numbers_are_written_the_one_way_wa_me_links_want(string typed, string expected)
    {
        WhatsAppNumber.TryNormalize(typed, out var normalized).ShouldBeTrue();
        normalized.ShouldBe(expected);
        WhatsAppNumber.Normalize(typed).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("12345")]
    [InlineData("021-5551234")]          // a Jakarta landline: no WhatsApp
    [InlineData("0812-3456-7890-1234")]  // too long
    [InlineData("0812 abc 7890")]
    [InlineData("+1 415 555 0100")]
    public void Numbers_that_are_not_indonesian_mobiles_are_refused(string? typed)
    {
        WhatsAppNumber.TryNormalize(typed, out _).ShouldBeFalse();
        WhatsAppNumber.Normalize(typed).ShouldBeNull();
    }

    [Fact]
    public void The_link_carries_the_text_encoded() =>
        WhatsAppNumber.Link("0812 3456 7890", "Pembayaran diterima: Rp 150.123").ShouldBe("https://wa.me/6281234567890?text=Pembayaran%20diterima%3A%20Rp%20150.123");

    [Fact]
    public void Without_a_usable_number_the_link_lets_WhatsApp_ask_whom_to_send_it_to() =>
        WhatsAppNumber.Link("021-5551234", "Halo").ShouldBe("https://wa.me/?text=Halo");
}
