using System.Text;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Integrations.Notifications;

/// <summary>
/// Posts as the supported forwarders send them (docs/notification-forwarders.md): MootaDesk's own JSON, SmsForwarder's
/// default form post and JSON templates, and the Incoming SMS gateway's default JSON; and everything else refused with
/// its reason, never thrown.
/// </summary>
public class NotificationPostReaderTests
{
    private static readonly DateTime Now = TestTime.Start.UtcDateTime;
    private static readonly long NowMs = TestTime.Start.ToUnixTimeMilliseconds();

    private static NotificationPostReading Read(string body, string? contentType = "application/json") =>
        NotificationPostReader.Read(Encoding.UTF8.GetBytes(body), contentType, Now);

    private static PhoneNotification Ok(string body, string? contentType = "application/json")
    {
        var reading = Read(body, contentType);
        reading.Problem.ShouldBeNull();
        return reading.Notification.ShouldNotBeNull();
    }

    private static NotificationProblem Refused(NotificationPostReading reading)
    {
        reading.Notification.ShouldBeNull();
        return reading.Problem.ShouldNotBeNull();
    }

    private static string Form(params (string Name, string Value)[] fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value).Replace("%20", "+")));

    [Fact]
    public void MootaDesk_json_with_an_iso_offset_time_is_read_field_for_field_and_kept_raw()
    {
        const string body = """{"app":"id.co.bri.brimo","app_name":"BRImo","title":"BRImo","text":"Sobat BRI! Dana Rp150.123 masuk ke rekening 0123456789","posted_at":"2026-11-21T16:29:58+07:00","device":"HP Kasir"}""";
        var n = Ok(body);
        n.ShouldBe(new PhoneNotification(NotificationPostFormats.MootaDesk, NotificationChannels.Notification, "id.co.bri.brimo", "BRImo", "BRImo",
            "Sobat BRI! Dana Rp150.123 masuk ke rekening 0123456789", new DateTime(2026, 11, 21, 9, 29, 58, DateTimeKind.Utc),
            NotificationTimeSources.Posted, "HP Kasir", body));
    }

    [Theory]
    [InlineData("1795253398000")]
    [InlineData("\"1795253398000\"")]
    public void MootaDesk_json_takes_epoch_milliseconds_as_a_number_or_a_string_of_digits(string postedAt)
    {
        var n = Ok($$"""{"app":"id.dana","title":"","text":"Kamu menerima Rp75.000 dari RUDI","posted_at":{{postedAt}}}""");
        n.PostedAtUtc.ShouldBe(new DateTime(2026, 11, 21, 9, 29, 58, DateTimeKind.Utc));
        (n.AppPackage, n.AppName, n.Title, n.DeviceLabel).ShouldBe(("id.dana", null, "", null));
    }

    [Fact]
    public void MootaDesk_json_with_an_app_name_instead_of_a_package_keeps_it_as_the_app_name()
    {
        var n = Ok("""{"app":"BRImo","text":"Sobat BRI! Dana Rp1.000 masuk ke rekening 1234","posted_at":"2026-11-21T09:00:00Z"}""");
        (n.AppPackage, n.AppName).ShouldBe((null, "BRImo"));
    }

    [Fact]
    public void SmsForwarder_default_form_post_of_an_app_notification_is_split_back_into_package_title_text_and_device()
    {
        var content = "id.co.bri.brimo\nSobat BRI! Dana Rp19.000 masuk ke rekening 790001009621533 pada 06/05/2026 22:53:10 KET.:DANA20260506031725979066Bashor\nBRImo\nUID：10234\n2026-11-21 16:29:58\nHP Kasir";
        var body = Form(("from", "id.co.bri.brimo"), ("content", content), ("timestamp", NowMs.ToString()), ("sign", "Jz1n%2FgW0kXq8S2A%3D"));
        var n = Ok(body, "application/x-www-form-urlencoded");
        n.Format.ShouldBe(NotificationPostFormats.SmsForwarder);
        n.Channel.ShouldBe(NotificationChannels.Notification);
        (n.AppPackage, n.AppName, n.Title, n.DeviceLabel).ShouldBe(("id.co.bri.brimo", null, "BRImo", "HP Kasir"));
        n.Text.ShouldBe("Sobat BRI! Dana Rp19.000 masuk ke rekening 790001009621533 pada 06/05/2026 22:53:10 KET.:DANA20260506031725979066Bashor");
        n.PostedAtUtc.ShouldBe(Now);
        n.TimeSource.ShouldBe(NotificationTimeSources.Forwarded);
        n.Raw.ShouldBe(body);
    }

    [Fact]
    public void SmsForwarder_older_default_without_uid_line_and_a_multi_line_text_keeps_every_text_line()
    {
        var content = "com.bca.mybca.omni.android\nPemasukan sebesar IDR 329,306.00\ndari **KAS **CKY K di kategori Transfer Rekening.\nCatatan Finansial#####mybca\n2026-11-21 16:29:58";
        var n = Ok(Form(("from", "com.bca.mybca.omni.android"), ("content", content), ("timestamp", NowMs.ToString())), "application/x-www-form-urlencoded; charset=UTF-8");
        (n.Title, n.Text, n.DeviceLabel).ShouldBe(("Catatan Finansial", "Pemasukan sebesar IDR 329,306.00\ndari **KAS **CKY K di kategori Transfer Rekening.", null));
    }

    [Fact]
    public void SmsForwarder_form_of_an_sms_is_an_sms_channel_with_the_sender_as_app_name_and_no_title()
    {
        var content = "+628123456789\nBCA: Dana masuk Rp 50.000,00\nSIM1_Telkomsel\nSubId：1\n2026-11-21 16:29:58\n";
        var n = Ok(Form(("from", "+628123456789"), ("content", content), ("timestamp", NowMs.ToString())), "application/x-www-form-urlencoded");
        (n.Channel, n.AppPackage, n.AppName, n.Title, n.Text).ShouldBe((NotificationChannels.Sms, null, "+628123456789", "", "BCA: Dana masuk Rp 50.000,00"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain; charset=utf-8")]
    public void SmsForwarder_form_fields_sent_without_a_form_content_type_are_still_read_as_form_fields(string? contentType)
    {
        var n = Ok(Form(("from", "ovo.id"), ("content", "Top up sebesar Rp100.000 melalui BANK BRI, telah berhasil"), ("timestamp", NowMs.ToString())), contentType);
        (n.Format, n.AppPackage, n.Text).ShouldBe((NotificationPostFormats.SmsForwarder, "ovo.id", "Top up sebesar Rp100.000 melalui BANK BRI, telah berhasil"));
    }

    [Fact]
    public void SmsForwarder_custom_content_template_is_taken_whole_as_the_text()
    {
        var n = Ok(Form(("from", "id.dana"), ("content", "Kamu menerima Rp75.000 dari RUDI"), ("timestamp", NowMs.ToString())), "application/x-www-form-urlencoded");
        (n.Title, n.Text, n.AppPackage).ShouldBe(("", "Kamu menerima Rp75.000 dari RUDI", "id.dana"));
    }

    [Fact]
    public void SmsForwarder_json_template_with_its_own_title_field_uses_it_and_drops_the_scheme_suffix()
    {
        var n = Ok($$"""{"from":"ovo.id","title":"OVO#####ovo","content":"Top up sebesar Rp100.000 melalui BANK BRI, telah berhasil","timestamp":"{{NowMs}}","sign":""}""");
        (n.Format, n.Title, n.Text, n.AppPackage).ShouldBe((NotificationPostFormats.SmsForwarder, "OVO", "Top up sebesar Rp100.000 melalui BANK BRI, telah berhasil", "ovo.id"));
    }

    [Fact]
    public void Sms_gateway_notification_takes_from_as_title_and_sent_stamp_as_the_post_time()
    {
        var n = Ok($$"""{"from":"Transaksi diterima!","text":"Kamu baru aja terima Rp600.000. Klik untuk cek detailnya.","sentStamp":{{NowMs - 2000}},"receivedStamp":{{NowMs}},"sim":"notification"}""");
        (n.Format, n.Channel, n.AppPackage, n.Title).ShouldBe((NotificationPostFormats.IncomingSmsGateway, NotificationChannels.Notification, null, "Transaksi diterima!"));
        n.PostedAtUtc.ShouldBe(Now.AddSeconds(-2));
        n.TimeSource.ShouldBe(NotificationTimeSources.Posted);
    }

    [Fact]
    public void Sms_gateway_notification_without_title_sends_the_package_as_from_which_becomes_the_package()
    {
        var n = Ok($$"""{"from":"id.dana","text":"Berhasil top up saldo Rp20.000 dari BRI BANK RAKYAT INDONESIA.","sentStamp":"{{NowMs}}","receivedStamp":"{{NowMs}}","sim":"notification"}""");
        (n.AppPackage, n.Title).ShouldBe(("id.dana", ""));
    }

    [Fact]
    public void Sms_gateway_sms_with_only_the_readme_fields_is_an_sms_timed_by_its_forward_stamp()
    {
        var n = Ok($$"""{"from":"BRI","text":"Dana masuk Rp50.000","receivedStamp":{{NowMs}},"sim":"sim1"}""");
        (n.Channel, n.AppName, n.Title, n.TimeSource).ShouldBe((NotificationChannels.Sms, "BRI", "", NotificationTimeSources.Forwarded));
    }

    [Fact]
    public void Broken_utf8_bytes_and_a_lone_surrogate_escape_are_repaired_to_replacement_characters()
    {
        var prefix = Encoding.UTF8.GetBytes("""{"app":"id.dana","title":"DANA \ud83d","text":"Kamu menerima Rp1.000 dari BUDI """);
        var body = prefix.Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\",\"posted_at\":\"2026-11-21T09:00:00Z\"}")).ToArray();
        var reading = NotificationPostReader.Read(body, "application/json", Now);
        reading.Problem.ShouldBeNull();
        reading.Notification!.Title.ShouldBe("DANA \uFFFD");
        reading.Notification.Text.ShouldBe("Kamu menerima Rp1.000 dari BUDI \uFFFD(");
    }

    [Fact]
    public void A_utf8_byte_order_mark_before_the_json_is_ignored()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("""{"app":"ovo.id","text":"x","posted_at":"2026-11-21T09:00:00Z"}""")).ToArray();
        NotificationPostReader.Read(body, null, Now).Notification.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("", NotificationProblems.BodyEmpty)]
    [InlineData("   \r\n ", NotificationProblems.BodyEmpty)]
    [InlineData("<html><body>Sobat BRI! Dana Rp19.000 masuk</body></html>", NotificationProblems.BodyHtml)]
    [InlineData("""[{"app":"ovo.id","text":"x","posted_at":"2026-11-21T09:00:00Z"}]""", NotificationProblems.BodyNotObject)]
    [InlineData("\"just a string\"", NotificationProblems.BodyNotObject)]
    [InlineData("{\"app\":\"ovo.id\", // forwarder comment\n\"text\":\"x\",\"posted_at\":\"2026-11-21T09:00:00Z\"}", NotificationProblems.BodyNotJson)]
    [InlineData("""{"app":"ovo.id","text":"x""", NotificationProblems.BodyNotJson)]
    [InlineData("""{"app":"ovo.id","text":"Rp1","text":"Rp99999999","posted_at":"2026-11-21T09:00:00Z"}""", NotificationProblems.DuplicateKey)]
    [InlineData("""{"app":"ovo.id","title":5,"text":"x","posted_at":"2026-11-21T09:00:00Z"}""", NotificationProblems.FieldWrongType)]
    [InlineData("""{"app":"ovo.id","text":{"body":"x"},"posted_at":"2026-11-21T09:00:00Z"}""", NotificationProblems.FieldWrongType)]
    [InlineData("""{"app":"ovo.id","text":"x","posted_at":true}""", NotificationProblems.FieldWrongType)]
    [InlineData("""{"app":"ovo.id","posted_at":"2026-11-21T09:00:00Z"}""", NotificationProblems.FieldMissing)]
    [InlineData("""{"app":"","text":"x","posted_at":"2026-11-21T09:00:00Z"}""", NotificationProblems.FieldMissing)]
    [InlineData("""{"app":"ovo.id","text":"x"}""", NotificationProblems.FieldMissing)]
    [InlineData("""{"app":"ovo.id","title":" ","text":"  ","posted_at":"2026-11-21T09:00:00Z"}""", NotificationProblems.TextEmpty)]
    [InlineData("""{"app":"ovo.id","text":"x","posted_at":"2026-11-21 16:00:00"}""", NotificationProblems.TimeNoOffset)]
    [InlineData("""{"app":"ovo.id","text":"x","posted_at":1795253398}""", NotificationProblems.TimeInSeconds)]
    [InlineData("""{"app":"ovo.id","text":"x","posted_at":"0001-01-01T00:00:00Z"}""", NotificationProblems.TimeOutOfRange)]
    [InlineData("""{"message":"Sobat BRI! Dana Rp19.000 masuk","ts":1}""", NotificationProblems.ShapeUnknown)]
    [InlineData("""{"from":"id.dana","text":"x"}""", NotificationProblems.FieldMissing)]
    [InlineData("""{"from":"id.dana","content":"x"}""", NotificationProblems.FieldMissing)]
    [InlineData("Sobat BRI! Dana Rp19.000 masuk ke rekening", NotificationProblems.BodyNotJson)]
    public void A_body_that_is_not_a_readable_notification_is_refused_with_its_reason(string body, string key) =>
        Refused(Read(body)).Key.ShouldBe(key);

    [Fact]
    public void A_body_over_64_kib_is_refused_before_it_is_read_and_says_its_size()
    {
        var body = Encoding.UTF8.GetBytes("{\"app\":\"ovo.id\",\"text\":\"" + new string('x', NotificationPostReader.MaxBodyBytes) + "\",\"posted_at\":\"2026-11-21T09:00:00Z\"}");
        var problem = Refused(NotificationPostReader.Read(body, "application/json", Now));
        problem.Key.ShouldBe(NotificationProblems.BodyTooLarge);
        problem.Args.ShouldBe([body.Length.ToString(), "65536"]);
    }

    [Fact]
    public void A_form_field_given_twice_and_a_multipart_post_are_refused()
    {
        Refused(Read("from=id.dana&content=Rp1&content=Rp99999&timestamp=" + NowMs, "application/x-www-form-urlencoded")).ShouldBe(new NotificationProblem(NotificationProblems.DuplicateKey, "content"));
        Refused(Read("--b\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\nid.dana\r\n--b--", "multipart/form-data; boundary=b")).Key.ShouldBe(NotificationProblems.ContentTypeUnsupported);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public void Plain_text_that_is_neither_json_nor_form_fields_is_an_unknown_shape(string? contentType) =>
        Refused(Read("Sobat BRI! Dana Rp19.000 masuk ke rekening", contentType)).Key.ShouldBe(NotificationProblems.ShapeUnknown);

    [Fact]
    public void An_unknown_shape_names_the_fields_it_had_so_ops_can_see_which_app_sent_it() =>
        Refused(Read("""{"message":"x","ts":1}""")).Args.ShouldBe(["message, ts"]);

    [Fact]
    public void Percent_escapes_of_invalid_utf8_in_a_form_become_replacement_characters_not_an_error()
    {
        var n = Ok("from=id.dana&content=Kamu+menerima+Rp1.000+dari+BUDI%FF&timestamp=" + NowMs, "application/x-www-form-urlencoded");
        n.Text.ShouldBe("Kamu menerima Rp1.000 dari BUDI\uFFFD");
    }
}
