using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Tests.Shared;

public class AccountMaskTests
{
    [Theory]
    [InlineData("1234560123", "••••0123")]
    [InlineData("123-456-0123", "••••0123")]
    [InlineData(" 8 7 6 5 4 3 2 1 ", "••••4321")]
    [InlineData("123456", "••••56")]
    [InlineData("0123", "••••23")]
    [InlineData("12", "••••2")]
    [InlineData("7", "••••")]
    [InlineData("", "••••")]
    [InlineData(null, "••••")]
    public void Account_numbers_show_at_most_their_last_four_characters(string? number, string expected) =>
        AccountMask.MaskNumber(number).ShouldBe(expected);

    [Fact]
    public void A_masked_number_never_contains_the_full_number()
    {
        foreach (var number in new[] { "1234560123", "0812345678901", "123456", "12345" })
            AccountMask.MaskNumber(number).ShouldNotContain(number);
    }

    [Fact]
    public void The_destination_reads_bank_then_masked_number() =>
        AccountMask.Describe("bca", "1234560123").ShouldBe("BCA ••••0123");
}
