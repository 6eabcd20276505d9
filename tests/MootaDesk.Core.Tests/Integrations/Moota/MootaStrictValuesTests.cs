using System.Text;
using MootaDesk.Core.Integrations.Moota;
using static MootaDesk.Core.Tests.Integrations.Moota.MootaWebhookPayloadTests;

namespace MootaDesk.Core.Tests.Integrations.Moota;

/// <summary>Issue 10 "What was seen" 3, 8 and 10: values that must be refused (per element) or repaired, never guessed at.</summary>
public class MootaStrictValuesTests
{
    private static string Element(string id, string amount = "150123", string date = "2026-11-20 14:01:55", string description = "TRSF E-BANKING CR BUDI", string extra = "") =>
        $$"""{"mutation_id":"{{id}}","bank_id":"bnk1","account_number":"0144050123","date":"{{date}}","description":"{{description}}","amount":{{amount}},"type":"CR","balance":0{{extra}}}""";

    private static MootaRejectedElement OnlyRejected(string json)
    {
        var reading = Read(json);
        reading.Problem.ShouldBeNull();
        return reading.Rejected.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_key_given_twice_refuses_that_element_and_names_the_key_while_the_others_are_read()
    {
        var json = "[" + Element("good1") + "," + """{"mutation_id":"dup1","bank_id":"bnk1","date":"2026-11-20 14:01:55","amount":1,"amount":99999999,"type":"CR"}""" + "," + Element("good2") + "]";
        var reading = Read(json);
        reading.Mutations.Select(m => m.SourceId).ShouldBe(["good1", "good2"]);
        var rejected = reading.Rejected.ShouldHaveSingleItem();
        (rejected.Position, rejected.Id).ShouldBe((2, "dup1"));
        rejected.Problems.ShouldContain(p => p.Key == MootaProblems.DuplicateKey && p.Args.SequenceEqual(new[] { "amount" }));
    }

    [Fact]
    public void Keys_repeated_inside_the_bank_object_refuse_the_element_but_inside_meta_they_are_not_looked_at()
    {
        OnlyRejected("[" + Element("b1", extra: ""","bank":{"bank_type":"bca","balance":"1.00","balance":"9.00"}""") + "]")
            .Problems.ShouldContain(p => p.Key == MootaProblems.DuplicateKey && p.Args[0] == "balance");
        Read("[" + Element("m1", extra: ""","bank":{"bank_type":"bca","meta":{"k":1,"k":2,"deep":{"x":1,"x":2}}},"note":"" """) + "]")
            .Mutations.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_comment_inside_an_element_refuses_only_that_element()
    {
        var json = "[" + Element("good1") + ", {\"mutation_id\":\"c1\", /* hand-made */ \"bank_id\":\"b\",\"date\":\"2026-11-20 10:00:00\",\"amount\":5,\"type\":\"CR\"}]";
        MootaWebhookPayload.CheckBody(Encoding.UTF8.GetBytes(json)).ShouldBeNull();
        var reading = Read(json);
        reading.Mutations.ShouldHaveSingleItem().SourceId.ShouldBe("good1");
        reading.Rejected.ShouldHaveSingleItem().Problems.Select(p => p.Key).ShouldBe([MootaProblems.Comment]);
    }

    [Fact]
    public void Comments_outside_the_elements_refuse_the_whole_body_with_a_reason()
    {
        var reading = Read("// from a test tool\n[" + Element("a1") + "]");
        reading.Problem!.Key.ShouldBe(MootaProblems.BodyComment);
        reading.Mutations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("9999-12-31 23:59:59")]
    [InlineData("1999-12-31 23:59:59")]
    [InlineData("2026-12-01 07:00:00")] // more than a day past "now" (29 Nov 23:00 UTC = 30 Nov 06:00 WIB)
    [InlineData("0001-01-01T00:00:00Z")]
    public void Dates_before_2000_or_more_than_a_day_ahead_are_element_errors(string date) =>
        OnlyRejected("[" + Element("d1", date: date) + "]").Problems.Select(p => p.Key).ShouldBe([MootaProblems.DateOutOfRange]);

    [Theory]
    [InlineData("2000-01-01 00:00:00")]
    [InlineData("2026-11-30 23:59:59")] // within a day of now: a bank's day can run ahead of our clock
    public void Dates_from_2000_to_a_day_ahead_are_read(string date) =>
        Read("[" + Element("d1", date: date) + "]").Mutations.ShouldHaveSingleItem();

    [Theory]
    [InlineData("\"5000-\"", MootaProblems.AmountNotNumber)]
    [InlineData("\"-5000\"", MootaProblems.AmountNotNumber)]
    [InlineData("\"+5000\"", MootaProblems.AmountNotNumber)]
    [InlineData("\"1.500.000\"", MootaProblems.AmountNotNumber)]
    [InlineData("\"1,500,000.00\"", MootaProblems.AmountNotNumber)]
    [InlineData("\"150.000\"", MootaProblems.AmountNotNumber)]
    [InlineData("\"Rp 5000\"", MootaProblems.AmountNotNumber)]
    [InlineData("\"1e5\"", MootaProblems.AmountNotNumber)]
    [InlineData("true", MootaProblems.AmountNotNumber)]
    [InlineData("null", MootaProblems.AmountMissing)]
    [InlineData("\"\"", MootaProblems.AmountMissing)]
    [InlineData("0", MootaProblems.AmountNotPositive)]
    [InlineData("-5000", MootaProblems.AmountNotPositive)]
    [InlineData("150.123", MootaProblems.AmountDecimals)]
    [InlineData("1e40", MootaProblems.AmountTooLarge)]
    [InlineData("-1e40", MootaProblems.AmountTooLarge)]
    [InlineData("79228162514264337593543950336", MootaProblems.AmountTooLarge)]
    [InlineData("1000000000000000", MootaProblems.AmountTooLarge)]
    [InlineData("\"99999999999999999999999999999999\"", MootaProblems.AmountTooLarge)]
    public void Amounts_only_in_the_forms_Moota_writes(string amount, string problem) =>
        OnlyRejected("[" + Element("a1", amount: amount) + "]").Problems.Select(p => p.Key).ShouldBe([problem]);

    [Theory]
    [InlineData("150123", "150123")]
    [InlineData("\"150123\"", "150123")]
    [InlineData("\"100123.00\"", "100123")]
    [InlineData("\" 100123.5 \"", "100123.5")]
    [InlineData("5e4", "50000")]
    [InlineData("999999999999999.99", "999999999999999.99")]
    public void Amounts_Moota_writes_are_read_exactly(string amount, string expected) =>
        Read("[" + Element("a1", amount: amount) + "]").Mutations.ShouldHaveSingleItem().Amount.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("\"-1500000.00\"", null)] // an overdraft is a real balance, but only positive balances are kept (unchanged rule)
    [InlineData("\"2775123.00\"", "2775123")]
    [InlineData("0", null)]
    [InlineData("\"\"", null)]
    public void Balances_may_carry_a_leading_minus_and_zero_means_unknown(string balance, string? expected) =>
        Read("[" + Element("b1", extra: $",\"balance\":{balance}").Replace("\"balance\":0,", "") + "]")
            .Mutations.ShouldHaveSingleItem().BalanceAfter.ShouldBe(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("\"5000-\"")]
    [InlineData("\"12.000\"")]
    [InlineData("1e40")]
    public void A_balance_Moota_would_not_write_refuses_the_element(string balance) =>
        OnlyRejected("[" + Element("b1", extra: $",\"balance\":{balance}").Replace("\"balance\":0,", "") + "]")
            .Problems.Select(p => p.Key).ShouldBe([MootaProblems.BalanceNotNumber]);

    [Fact]
    public void A_lone_surrogate_in_a_text_field_becomes_the_replacement_character_and_the_element_is_stored()
    {
        var m = Read("[" + Element("s1", description: "TRSF DARI SITI \\ud83d", extra: ",\"note\":\"ok \\udc00 \\ud83d\\ude00\"") + "]").Mutations.ShouldHaveSingleItem();
        m.Description.ShouldBe("TRSF DARI SITI \uFFFD");
        m.Note.ShouldBe("ok \uFFFD \U0001F600");
        m.RawSource!.ShouldContain("SITI \uFFFD");
    }

    [Fact]
    public void Invalid_UTF8_bytes_in_a_text_field_become_the_replacement_character_and_the_element_is_stored()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("[" + Element("u1", description: "TRSF DARI JOKOXX") + "]"));
        var at = bytes.IndexOf((byte)'X');
        bytes[at] = 0xC3; // a lead byte with no continuation
        bytes[at + 1] = 0xFF; // never valid in UTF-8
        var reading = Read(bytes.ToArray());
        reading.Problem.ShouldBeNull();
        reading.Mutations.ShouldHaveSingleItem().Description.ShouldBe("TRSF DARI JOKO\uFFFD\uFFFD");
    }

    [Fact]
    public void An_element_in_Moota_s_old_push_shape_lists_every_reason_it_cannot_be_read()
    {
        var rejected = OnlyRejected("""[{"id": 4711, "bank_id": "bnkBAT001", "account_number": "0099887766", "bank_type": "bniV2", "date": "11-30-2026", "amount": 0, "description": "description", "type": "CR", "balance": 0}]""");
        rejected.Id.ShouldBeNull();
        rejected.Problems.Select(p => p.Key).ShouldBe([MootaProblems.OldShape, MootaProblems.AmountNotPositive, MootaProblems.DateUnreadable]);
        rejected.Problems[0].Args.ShouldBe(["4711"]);
    }
}
