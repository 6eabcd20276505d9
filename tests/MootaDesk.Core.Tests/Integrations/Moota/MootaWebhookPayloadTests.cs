using System.Text;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Integrations.Moota;

public class MootaWebhookPayloadTests
{
    /// <summary>"Now" for the reader's date rule: after every fixture's date.</summary>
    internal static readonly DateTime Now = new(2026, 11, 29, 23, 0, 0, DateTimeKind.Utc);

    internal static MootaBodyReading Read(byte[] body, long? deliveryId = null) =>
        MootaWebhookPayload.Read(body, new MootaReadContext(MutationSource.Webhook, Now, deliveryId));

    internal static MootaBodyReading Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <summary>All elements read; fails the test with the reasons when one was kept unread.</summary>
    internal static IReadOnlyList<IncomingMutation> Parse(byte[] body, long? deliveryId = null)
    {
        var reading = Read(body, deliveryId);
        reading.Problem.ShouldBeNull();
        reading.Rejected.ShouldBeEmpty(string.Join("; ", reading.Rejected.Select(r => r.Technical)));
        return reading.Mutations;
    }

    [Theory]
    [InlineData("01-single-credit")]
    [InlineData("02-batch-mixed")]
    [InlineData("03-amounts-as-strings")]
    [InlineData("04-bank-null")]
    [InlineData("06-duplicate-of-01")]
    public void Signed_fixtures_verify_with_the_fixture_secret(string name) =>
        MootaSignature.Verify(MootaFixtures.Body(name), MootaFixtures.Headers(name)["Signature"], MootaFixtures.Secret).ShouldBe(SignatureVerdict.Valid);

    [Fact]
    public void A_forged_signature_a_missing_one_and_a_changed_byte_are_refused()
    {
        var body = MootaFixtures.Body("05-bad-signature");
        MootaSignature.Verify(body, MootaFixtures.Headers("05-bad-signature")["Signature"], MootaFixtures.Secret).ShouldBe(SignatureVerdict.Invalid);
        MootaSignature.Verify(body, null, MootaFixtures.Secret).ShouldBe(SignatureVerdict.Missing);
        MootaSignature.Verify(body, "  ", MootaFixtures.Secret).ShouldBe(SignatureVerdict.Missing);

        var good = MootaFixtures.Body("01-single-credit");
        var signature = MootaFixtures.Headers("01-single-credit")["Signature"];
        MootaSignature.Verify(good, signature, "another-secret").ShouldBe(SignatureVerdict.Invalid);
        var tampered = (byte[])good.Clone();
        tampered[^5] ^= 1;
        MootaSignature.Verify(tampered, signature, MootaFixtures.Secret).ShouldBe(SignatureVerdict.Invalid);
        MootaSignature.Verify(good, signature[..63], MootaFixtures.Secret).ShouldBe(SignatureVerdict.Invalid);
        MootaSignature.Verify(good, signature.ToUpperInvariant(), MootaFixtures.Secret).ShouldBe(SignatureVerdict.Invalid);
        MootaSignature.Compute(good, MootaFixtures.Secret).ShouldBe(signature);
    }

    [Fact]
    public void A_single_credit_is_read_with_its_account_and_WIB_time()
    {
        var m = Parse(MootaFixtures.Body("01-single-credit"), deliveryId: 7).ShouldHaveSingleItem();
        m.SourceId.ShouldBe("aolk4PekJxM");
        m.Amount.ShouldBe(150_123m);
        m.Direction.ShouldBe(Direction.Credit);
        m.BalanceAfter.ShouldBe(12_650_123m);
        m.TransactionTimeUtc.ShouldBe(new DateTime(2026, 11, 20, 7, 1, 55, DateTimeKind.Utc));
        m.TransactionTimeUtc.Kind.ShouldBe(DateTimeKind.Utc);
        m.HasTimeOfDay.ShouldBeTrue();
        m.WebhookDeliveryId.ShouldBe(7);
        m.Account!.ExternalId.ShouldBe("VLagzqBj42D");
        m.Account.BankCode.ShouldBe("bcaV3");
        m.Account.AccountNumber.ShouldBe("0144050123");
        m.Account.HolderName.ShouldBe("CV Toko Berkah");
        m.Account.Balance.ShouldBe(12_500_000m);
        m.Note.ShouldBe("");
    }

    [Fact]
    public void A_mixed_batch_keeps_debits_notes_tags_cents_and_day_only_dates()
    {
        var list = Parse(MootaFixtures.Body("02-batch-mixed"));
        list.Count.ShouldBe(3);
        list[0].HasTimeOfDay.ShouldBeFalse();
        list[0].TransactionTimeUtc.ShouldBe(new DateTime(2026, 11, 19, 17, 0, 0, DateTimeKind.Utc));
        list[1].Direction.ShouldBe(Direction.Debit);
        list[1].Amount.ShouldBe(17_000m);
        var supplier = list[2];
        supplier.Amount.ShouldBe(8_250_000.50m);
        supplier.Direction.ShouldBe(Direction.Debit);
        supplier.Note.ShouldBe("Supplier kemasan Nov");
        supplier.TagNames.ShouldBe(["Supplier"]);
        supplier.Account!.BankCode.ShouldBe("mandiriMcmV2");
        supplier.Account.AccountNumber.ShouldBe("1300012345678");
        supplier.TransactionTimeUtc.ShouldBe(new DateTime(2026, 11, 20, 8, 20, 3, DateTimeKind.Utc));
    }

    [Fact]
    public void Amounts_as_strings_and_a_null_bank_are_accepted()
    {
        var s = Parse(MootaFixtures.Body("03-amounts-as-strings")).ShouldHaveSingleItem();
        s.Amount.ShouldBe(99_999m);
        s.BalanceAfter.ShouldBe(13_008_579m);

        var n = Parse(MootaFixtures.Body("04-bank-null")).ShouldHaveSingleItem();
        n.Amount.ShouldBe(500_000m);
        n.BalanceAfter.ShouldBeNull();
        n.Account!.BankCode.ShouldBe(MootaWebhookPayload.UnknownBankCode);
        n.Account.ExternalId.ShouldBe("ZZunknown01");
        n.Account.AccountNumber.ShouldBe("0000000000");
    }

    [Fact]
    public void Unknown_fields_and_odd_meta_are_ignored_and_not_kept_as_the_source()
    {
        var json = """[{"mutation_id":"x1","bank_id":"b1","account_number":"001","date":"2026-11-21 08:00:01","amount":1000,"type":"cr","balance":"0","brand_new_field":{"a":[1,2]},"bank":{"bank_type":"bniVA","meta":{"va":"8808"}}}]""";
        var m = Parse(Encoding.UTF8.GetBytes(json)).ShouldHaveSingleItem();
        m.Direction.ShouldBe(Direction.Credit);
        m.Account!.BankCode.ShouldBe("bniVA");
        m.BalanceAfter.ShouldBeNull();
        m.RawSource!.ShouldNotContain("brand_new_field");
        m.RawSource!.ShouldNotContain("meta");
        m.RawSource!.ShouldContain("\"bank_type\":\"bniVA\"");
    }

    [Theory]
    [InlineData("""[{"bank_id":"b","date":"2026-11-21 08:00:00","amount":1,"type":"CR"}]""", MootaProblems.NoId)]
    [InlineData("""[{"mutation_id":"a","bank_id":"b","date":"2026-11-21 08:00:00","amount":-5,"type":"CR"}]""", MootaProblems.AmountNotPositive)]
    [InlineData("""[{"mutation_id":"a","bank_id":"b","date":"2026-11-21 08:00:00","amount":"abc","type":"CR"}]""", MootaProblems.AmountNotNumber)]
    [InlineData("""[{"mutation_id":"a","bank_id":"b","date":"2026-11-21 08:00:00","amount":5,"type":"XX"}]""", MootaProblems.TypeInvalid)]
    [InlineData("""[{"mutation_id":"a","bank_id":"b","date":"21/11/2026","amount":5,"type":"CR"}]""", MootaProblems.DateUnreadable)]
    [InlineData("""[{"mutation_id":"a","date":"2026-11-21 08:00:00","amount":5,"type":"CR"}]""", MootaProblems.NoAccount)]
    [InlineData("""[1]""", MootaProblems.NotObject)]
    public void Broken_mutations_are_kept_unread_with_a_reason(string json, string reason)
    {
        var reading = Read(json);
        reading.Mutations.ShouldBeEmpty();
        reading.Rejected.ShouldHaveSingleItem().Problems.Select(p => p.Key).ShouldContain(reason);
    }

    [Theory]
    [InlineData("[]", null)]
    [InlineData("[{\"a\":1}]", null)]
    [InlineData("[{\"a\":1 /* inside an element: that element's problem */}]", null)]
    [InlineData("{\"a\":1}", MootaProblems.BodyNotArray)]
    [InlineData("[1,", MootaProblems.BodyNotJson)]
    [InlineData("[] []", MootaProblems.BodyNotJson)]
    [InlineData("", MootaProblems.BodyNotJson)]
    [InlineData("hello", MootaProblems.BodyNotJson)]
    [InlineData("/* note */ [{\"a\":1}]", MootaProblems.BodyComment)]
    [InlineData("[{\"a\":1}, // between elements\n {\"a\":2}]", MootaProblems.BodyComment)]
    [InlineData("[{\"a\":1}] // after", MootaProblems.BodyComment)]
    public void Only_one_whole_JSON_array_without_comments_around_its_elements_is_a_body(string body, string? problem) =>
        (MootaWebhookPayload.CheckBody(Encoding.UTF8.GetBytes(body))?.Key).ShouldBe(problem);
}
