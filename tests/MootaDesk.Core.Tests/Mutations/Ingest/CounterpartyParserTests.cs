using MootaDesk.Core.Mutations.Ingest;

namespace MootaDesk.Core.Tests.Mutations.Ingest;

public class CounterpartyParserTests
{
    [Theory]
    [InlineData("TRSF E-BANKING CR 2111/FTSCY/WS95031 150123.00 BUDI SANTOSO", "BUDI SANTOSO")]
    [InlineData("BI-FAST CR BIF TRANSFER DR 014 SITI AMINAH", "SITI AMINAH")]
    [InlineData("MCM InhouseTrf CS-CS DARI TOKOPEDIA", "TOKOPEDIA")]
    [InlineData("BI-FAST DB BIF TRANSFER KE 008 ANDI PRATAMA", "ANDI PRATAMA")]
    public void Names_are_read_from_known_bank_formats(string description, string name) =>
        CounterpartyParser.Parse(description).ShouldBe(name);

    [Theory]
    [InlineData("BIAYA ADM")]
    [InlineData("SETORAN TUNAI")]
    [InlineData("")]
    public void Unknown_formats_give_no_name_rather_than_a_wrong_one(string description) =>
        CounterpartyParser.Parse(description).ShouldBeNull();
}
