using System.Text;
using System.Text.Json;
using MootaDesk.Core.Integrations.Moota;

namespace MootaDesk.Core.Tests.Integrations.Moota;

/// <summary>Issue 10 "What was seen" 9: bank credentials in Moota's account object are never kept.</summary>
public class MootaSecretsTests
{
    private const string WithCredentials = """
        [{"mutation_id":"pullOvo0001","token":"pullOvo0001","bank_id":"bnkOVO0001","account_number":"081234567890","date":"2026-11-30 00:00:00",
          "description":"buy other food","amount":"100112.00","type":"CR","note":"","balance":"0.00","password":"hunter2","taggings":[{"name":"Makan","tag_id":"t1","session":"s-9"}],
          "bank":{"corporate_id":"CORP-1","username":"uji","atas_nama":"Toko Uji","balance":"12111.00","account_number":"081234567890","bank_type":"ovo",
                  "meta":{"access_token":"FAKE-ACCESS-TOKEN-DO-NOT-SHOW","auth_token":"FAKE-AUTH-TOKEN-DO-NOT-SHOW","device_id":"0000-FAKE","otp":"1234"},
                  "token":"bnkOVO0001","bank_id":"bnkOVO0001","label":"OVO Uji","last_update":"2026-11-29T23:00:00.000000Z","refreshToken":"R-1","deviceOtp":"9","pin_code":"0000"}}]
        """;

    private static readonly string[] Secrets = ["FAKE-ACCESS-TOKEN-DO-NOT-SHOW", "FAKE-AUTH-TOKEN-DO-NOT-SHOW", "0000-FAKE", "hunter2", "CORP-1", "\"uji\"", "s-9", "R-1", "\"otp\"", "username", "meta", "pin_code"];

    [Theory]
    [InlineData("username", true)]
    [InlineData("password", true)]
    [InlineData("meta", true)]
    [InlineData("access_token", true)]
    [InlineData("auth_token", true)]
    [InlineData("authorization", true)]
    [InlineData("refreshToken", true)]
    [InlineData("accesstoken", true)]
    [InlineData("otp", true)]
    [InlineData("deviceOtp", true)]
    [InlineData("pin", true)]
    [InlineData("pin_code", true)]
    [InlineData("client_secret", true)]
    [InlineData("cookie", true)]
    [InlineData("session_id", true)]
    [InlineData("corporate_id", true)]
    [InlineData("mutation_id", false)]
    [InlineData("bank_id", false)]
    [InlineData("description", false)]
    [InlineData("shipping", false)]
    [InlineData("balance", false)]
    [InlineData("login_retry", false)]
    public void Secret_looking_names_are_recognised(string name, bool secret) => MootaSecrets.IsSecretName(name).ShouldBe(secret);

    [Fact]
    public void The_stored_source_keeps_only_the_allow_listed_fields()
    {
        using var doc = JsonDocument.Parse(WithCredentials);
        var raw = MootaSecrets.MutationRawSource(doc.RootElement[0])!;
        foreach (var secret in Secrets) raw.ShouldNotContain(secret);
        raw.ShouldNotContain("\"token\"");
        using var kept = JsonDocument.Parse(raw);
        var root = kept.RootElement;
        root.GetProperty("mutation_id").GetString().ShouldBe("pullOvo0001");
        root.GetProperty("amount").GetString().ShouldBe("100112.00");
        root.GetProperty("taggings")[0].EnumerateObject().Select(p => p.Name).ShouldBe(["name", "tag_id"]);
        root.GetProperty("bank").EnumerateObject().Select(p => p.Name).ShouldBe(["atas_nama", "balance", "account_number", "bank_type", "bank_id", "label", "last_update"]);
    }

    [Fact]
    public void A_kept_body_has_every_secret_value_replaced_and_keeps_everything_else()
    {
        var redacted = Encoding.UTF8.GetString(MootaSecrets.RedactBody(Encoding.UTF8.GetBytes(WithCredentials))!);
        foreach (var secret in new[] { "FAKE-ACCESS-TOKEN-DO-NOT-SHOW", "FAKE-AUTH-TOKEN-DO-NOT-SHOW", "0000-FAKE", "hunter2", "CORP-1", "\"uji\"", "s-9", "R-1" })
            redacted.ShouldNotContain(secret);
        using var doc = JsonDocument.Parse(redacted);
        var element = doc.RootElement[0];
        element.GetProperty("token").GetString().ShouldBe("pullOvo0001"); // the element's own token is its id, and stays
        element.GetProperty("bank").GetProperty("token").GetString().ShouldBe(MootaSecrets.Marker);
        element.GetProperty("bank").GetProperty("meta").GetString().ShouldBe(MootaSecrets.Marker);
        element.GetProperty("bank").GetProperty("username").GetString().ShouldBe(MootaSecrets.Marker);
        element.GetProperty("description").GetString().ShouldBe("buy other food");
    }

    [Fact]
    public void A_body_with_nothing_to_hide_stays_byte_for_byte_and_a_null_meta_is_nothing_to_hide()
    {
        var body = Encoding.UTF8.GetBytes("""[{"mutation_id":"a","bank":{"meta":null}, "amount": 5}]""");
        MootaSecrets.RedactBody(body).ShouldBe(body);
    }

    [Fact]
    public void Redaction_keeps_comments_and_repeated_keys_so_processing_again_reads_what_was_read_before()
    {
        var body = Encoding.UTF8.GetBytes("""[{"mutation_id":"a", /* hand-made */ "amount":1,"amount":2,"bank":{"meta":{"otp":"1"}}}]""");
        var redacted = Encoding.UTF8.GetString(MootaSecrets.RedactBody(body)!);
        redacted.ShouldContain("/* hand-made */");
        redacted.ShouldContain("\"amount\":1,\"amount\":2");
        redacted.ShouldNotContain("otp");
        var keys = MootaWebhookPayloadTests.Read(redacted).Rejected.ShouldHaveSingleItem().Problems.Select(p => p.Key).ToList();
        keys.ShouldContain(MootaProblems.Comment);
        keys.ShouldContain(MootaProblems.DuplicateKey);
    }

    [Fact]
    public void Redaction_repairs_broken_text_and_leaves_what_is_not_JSON_alone()
    {
        var bytes = Encoding.UTF8.GetBytes("""[{"description":"AB","meta":{"x":1}}]""");
        bytes[Array.IndexOf(bytes, (byte)'B')] = 0xFF;
        Encoding.UTF8.GetString(MootaSecrets.RedactBody(bytes)!).ShouldBe("""[{"description":"A�","meta":"***"}]""");
        MootaSecrets.RedactBody(Encoding.UTF8.GetBytes("not json {")).ShouldBeNull();
    }

    [Fact]
    public void Stored_sources_of_earlier_versions_are_scrubbed_and_other_text_is_left_alone()
    {
        using var doc = JsonDocument.Parse(WithCredentials);
        var scrubbed = MootaSecrets.MutationRawSource(doc.RootElement[0].GetRawText())!;
        foreach (var secret in Secrets) scrubbed.ShouldNotContain(secret);
        MootaSecrets.MutationRawSource(scrubbed).ShouldBe(scrubbed);
        MootaSecrets.MutationRawSource("2026-11-30;TRSF;150.000").ShouldBe("2026-11-30;TRSF;150.000");
    }
}
