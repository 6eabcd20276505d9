using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Tests.Mutations;

public class OrderReferenceAndCsvTests
{
    [Theory]
    [InlineData("INV-0001234", true)]
    [InlineData("#A1029", true)]
    [InlineData("SO/2026/11/004", true)]
    [InlineData("  inv_12 ", true)]
    [InlineData("", true)] // blank clears the field
    [InlineData("AB", false)]
    [InlineData("INV 123", false)]
    [InlineData("INV-<script>", false)]
    public void Order_references_follow_the_documented_shape(string text, bool valid) => OrderReference.IsValid(text).ShouldBe(valid);

    [Fact]
    public void An_order_reference_longer_than_64_characters_is_refused() => OrderReference.IsValid(new string('A', 65)).ShouldBeFalse();

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("DP; sisa", "\"DP; sisa\"")] // ";" separates the fields
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-5", "'-5")]
    public void Csv_fields_are_quoted_and_formulas_defused(string text, string expected) => MutationExport.CsvField(text).ShouldBe(expected);
}
