using System.Text;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Ingest.Moota;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Ingest;

public class MootaWebhookPayloadTests
{
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

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
        var m = MootaWebhookPayload.Parse(MootaFixtures.Body("01-single-credit"), Wib, MutationSource.Webhook, deliveryId: 7).ShouldHaveSingleItem();
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
        var list = MootaWebhookPayload.Parse(MootaFixtures.Body("02-batch-mixed"), Wib, MutationSource.Webhook);
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
        var s = MootaWebhookPayload.Parse(MootaFixtures.Body("03-amounts-as-strings"), Wib, MutationSource.Webhook).ShouldHaveSingleItem();
        s.Amount.ShouldBe(99_999m);
        s.BalanceAfter.ShouldBe(13_008_579m);

        var n = MootaWebhookPayload.Parse(MootaFixtures.Body("04-bank-null"), Wib, MutationSource.Webhook).ShouldHaveSingleItem();
        n.Amount.ShouldBe(500_000m);
        n.BalanceAfter.ShouldBeNull();
        n.Account!.BankCode.ShouldBe(MootaWebhookPayload.UnknownBankCode);
        n.Account.ExternalId.ShouldBe("ZZunknown01");
        n.Account.AccountNumber.ShouldBe("0000000000");
    }

    [Fact]
    public void Unknown_fields_and_odd_meta_are_ignored()
    {
        var json = """[{"mutation_id":"x1","bank_id":"b1","account_number":"001","date":"2026-11-21 08:00:01","amount":1000,"type":"cr","balance":"0","brand_new_field":{"a":[1,2]},"bank":{"bank_type":"bniVA","meta":{"va":"8808"}}}]""";
        var m = MootaWebhookPayload.Parse(Encoding.UTF8.GetBytes(json), Wib, MutationSource.Webhook).ShouldHaveSingleItem();
        m.Direction.ShouldBe(Direction.Credit);
        m.Account!.BankCode.ShouldBe("bniVA");
        m.BalanceAfter.ShouldBeNull();
        m.RawSource!.ShouldContain("brand_new_field");
    }

    [Theory]
    [InlineData("""[{"bank_id":"b","date":"2026-11-21 08:00:00","amount":1,"type":"CR"}]""", "mutation_id")]
    [InlineData("""[{"mutation_id":"a","bank_id":"b","date":"2026-11-21 08:00:00","amount":-5,"type":"CR"}]""", "positive")]
    [InlineData("""[{"mutation_id":"a","bank_id":"b","date":"2026-11-21 08:00:00","amount":"abc","type":"CR"}]""", "amount")]
    [InlineData("""[{"mutation_id":"a","bank_id":"b","date":"2026-11-21 08:00:00","amount":5,"type":"XX"}]""", "CR or DB")]
    [InlineData("""[{"mutation_id":"a","bank_id":"b","date":"21/11/2026","amount":5,"type":"CR"}]""", "date")]
    [InlineData("""{"mutation_id":"a"}""", "array")]
    [InlineData("""[1]""", "not an object")]
    public void Broken_mutations_are_refused_with_a_reason(string json, string reason) =>
        Should.Throw<MootaPayloadException>(() => MootaWebhookPayload.Parse(Encoding.UTF8.GetBytes(json), Wib, MutationSource.Webhook))
            .Message.ShouldContain(reason);

    [Theory]
    [InlineData("[]", true)]
    [InlineData("[{\"a\":1}]", true)]
    [InlineData("{\"a\":1}", false)]
    [InlineData("[1,", false)]
    [InlineData("[] []", false)]
    [InlineData("", false)]
    [InlineData("hello", false)]
    public void Only_a_whole_JSON_array_counts_as_an_array(string body, bool expected) =>
        MootaWebhookPayload.IsJsonArray(Encoding.UTF8.GetBytes(body)).ShouldBe(expected);
}
