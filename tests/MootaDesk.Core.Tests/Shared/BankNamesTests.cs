using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Tests.Shared;

/// <summary>Issue 10 "What to build" 8: Moota's bank_type codes as clerks and customers read them.</summary>
public class BankNamesTests
{
    [Theory]
    [InlineData("bca", "BCA")]
    [InlineData("bcaV3", "BCA")]
    [InlineData("bcaGiro", "BCA Giro")]
    [InlineData("bcaVA", "BCA VA")]
    [InlineData("bniVA", "BNI VA")]
    [InlineData("briva", "BRI VA")]
    [InlineData("bniV2", "BNI")]
    [InlineData("bri", "BRI")]
    [InlineData("briCmsV2", "BRI CMS")]
    [InlineData("mandiriOnlineV2", "Mandiri")]
    [InlineData("mandiriMcmV2", "Mandiri MCM")]
    [InlineData("mandiriSyariah", "BSI")]
    [InlineData("bsi", "BSI")]
    [InlineData("muamalatV2", "Muamalat")]
    [InlineData("jago", "Bank Jago")]
    [InlineData("jenius", "Jenius")]
    [InlineData("gojek", "GoPay")]
    [InlineData("ovo", "OVO")]
    [InlineData("qris", "QRIS")]
    [InlineData("danamon", "Danamon")]
    [InlineData("dana", "DANA")]
    [InlineData("bankBaru", "bankBaru")]
    [InlineData("bcaSomethingNew", "bcaSomethingNew")]
    [InlineData("", "Bank")]
    public void A_clerk_reads_the_bank_and_its_channel_and_an_unknown_code_as_it_is(string code, string expected) =>
        BankNames.Display(code).ShouldBe(expected);

    [Theory]
    [InlineData("bcaV3", "BCA")]
    [InlineData("bcaGiro", "BCA")]
    [InlineData("bcaVA", "BCA VA")]
    [InlineData("mandiriMcmV2", "Mandiri")]
    [InlineData("briCmsV2", "BRI")]
    [InlineData("gojek", "GoPay")]
    [InlineData("bankBaru", "bankBaru")]
    [InlineData("", "Bank")]
    public void A_customer_reads_the_bank_they_transfer_to(string code, string expected) =>
        BankNames.ForCustomer(code).ShouldBe(expected);

    [Fact]
    public void The_payment_instruction_names_the_bank_not_Moota_s_code()
    {
        var text = PaymentInstruction.Build("INV-1", 150_123m, 123, "bcaV3", "0144050123", "PT Contoh", new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc),
            new BusinessClock(TimeProvider.System));
        text.ShouldContain("Bank: BCA\n");
        text.ShouldNotContain("BCAV3");
    }

    [Fact]
    public void The_proof_card_destination_reads_bank_then_masked_number() =>
        AccountMask.Describe("bcaV3", "1234560123").ShouldBe("BCA ••••0123");
}
