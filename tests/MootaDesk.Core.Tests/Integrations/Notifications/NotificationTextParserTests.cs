using System.Text;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Integrations.Notifications;

/// <summary>
/// The rules around the table: how the app is recognised, what wins over a pattern, and when a text stays "tidak
/// terbaca" instead of being guessed into money in.
/// </summary>
public class NotificationTextParserTests
{
    private static readonly DateTime Posted = TestTime.Start.UtcDateTime;
    private const string BrimoCredit = "Sobat BRI! Dana Rp19.000 masuk ke rekening 790001009621533 pada 06/05/2026 22:53:10 KET.:TRANSFER DARI ANI";

    private static ParsedNotification Parse(string? package, string title, string text, string? appName = null, string? bankHint = null) =>
        NotificationTextParser.Parse(package, appName, title, text, Posted, bankHint);

    [Fact]
    public void A_bank_text_posted_by_a_chat_app_is_never_money_in()
    {
        var result = Parse("com.whatsapp", "Mama", BrimoCredit);
        result.Verdict.ShouldBe(NotificationVerdict.Unreadable);
        result.IsMoneyIn.ShouldBeFalse();
        result.Reason.ShouldBe(new NotificationProblem(NotificationProblems.AppNotSupported, "com.whatsapp"));
        (result.BankCode, result.Amount, result.Direction).ShouldBe((null, null, null));
    }

    [Fact]
    public void A_bank_app_name_next_to_an_unknown_package_does_not_make_it_a_bank() =>
        Parse("com.whatsapp", "BRImo", BrimoCredit, appName: "BRImo").Reason!.Key.ShouldBe(NotificationProblems.AppNotSupported);

    [Fact]
    public void Without_a_package_the_wording_alone_finds_the_bank_and_says_so()
    {
        var result = Parse(null, "BRImo", BrimoCredit);
        (result.Verdict, result.BankCode, result.Direction, result.Amount, result.MatchedBy, result.Counterparty).ShouldBe(
            (NotificationVerdict.Transaction, "bri", Direction.Credit, 19_000m, NotificationMatches.Text, "ANI"));
        result.IsMoneyIn.ShouldBeTrue();
    }

    [Fact]
    public void The_app_name_recognises_the_app_when_no_package_is_sent() =>
        Parse(null, "", BrimoCredit, appName: "brimo").MatchedBy.ShouldBe(NotificationMatches.AppName);

    [Fact]
    public void Wording_that_several_banks_use_is_ambiguous_without_a_package_until_the_device_bank_decides()
    {
        var ambiguous = Parse(null, "", "Kamu menerima Rp75.000 dari RUDI HARTONO.");
        ambiguous.Verdict.ShouldBe(NotificationVerdict.Unreadable);
        ambiguous.Reason!.Key.ShouldBe(NotificationProblems.Ambiguous);
        ambiguous.BankCode.ShouldBeNull();

        var hinted = Parse(null, "", "Kamu menerima Rp75.000 dari RUDI HARTONO.", bankHint: "dana");
        (hinted.Verdict, hinted.BankCode, hinted.RuleId, hinted.Amount).ShouldBe((NotificationVerdict.Transaction, "dana", "dana/received", 75_000m));
    }

    [Fact]
    public void A_known_app_whose_wording_no_rule_knows_is_kept_as_unreadable_with_the_app_named()
    {
        var result = Parse("id.co.bri.brimo", "BRImo", "Saldo rekening Anda saat ini Rp1.500.000");
        result.ShouldBe(new ParsedNotification(NotificationVerdict.Unreadable, "bri", "brimo", null, NotificationMatches.Package, null, null, null, null, null, null,
            new NotificationProblem(NotificationProblems.NoRuleMatched, "brimo")));
    }

    [Theory]
    [InlineData("ovo.id", "Top up sebesar Rp100.000 melalui BANK BRI gagal")]
    [InlineData("id.bmri.livin", "Transfer Rp 100.000 ke ANDI tidak berhasil")]
    [InlineData("id.dana", "Kamu menerima Rp75.000 dari RUDI, sedang diproses")]
    [InlineData("com.shopee.id", "Pengisian saldo sebesar Rp10.000 dibatalkan")]
    public void A_failed_cancelled_or_pending_transaction_is_not_a_transaction_even_in_credit_words(string package, string text)
    {
        var result = Parse(package, "", text);
        result.Verdict.ShouldBe(NotificationVerdict.NotATransaction);
        result.Reason!.Key.ShouldBe(NotificationProblems.Failed);
    }

    [Fact]
    public void Credit_and_debit_wording_in_one_notification_is_refused_rather_than_counted()
    {
        var result = Parse("ovo.id", "OVO", "Top up sebesar Rp100.000 melalui BANK BRI, telah berhasil. Rp1.000 telah dipotong dari OVO Cash untuk biaya top up dari BANK BRI");
        result.Verdict.ShouldBe(NotificationVerdict.Unreadable);
        result.Reason.ShouldBe(new NotificationProblem(NotificationProblems.DirectionConflict, "top-up-in, fee"));
        result.IsMoneyIn.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Sobat BRI! Dana Rp19,000,000 masuk ke rekening 790001009621533", "19,000,000")] // English notation where BRImo writes Indonesian
    [InlineData("Sobat BRI! Dana Rp0 masuk ke rekening 790001009621533", "0")]
    [InlineData("Sobat BRI! Dana Rp1.000.000.000.000.000 masuk ke rekening 790001009621533", "1.000.000.000.000.000")]
    public void An_amount_the_app_would_not_write_is_unreadable_never_guessed(string text, string shown)
    {
        var result = Parse("id.co.bri.brimo", "BRImo", text);
        result.Verdict.ShouldBe(NotificationVerdict.Unreadable);
        result.Reason.ShouldBe(new NotificationProblem(NotificationProblems.AmountUnreadable, shown));
    }

    [Fact]
    public void Empty_and_overlong_texts_are_unreadable()
    {
        Parse("id.dana", " ", "\n \t").Reason!.Key.ShouldBe(NotificationProblems.Empty);
        var huge = Parse("id.dana", "DANA", "Kamu menerima Rp75.000 dari " + new string('A', NotificationTextParser.MaxTextLength));
        (huge.Verdict, huge.Reason!.Key, huge.BankCode).ShouldBe((NotificationVerdict.Unreadable, NotificationProblems.TextTooLong, "dana"));
    }

    [Fact]
    public void A_time_in_the_text_more_than_a_day_after_the_notification_is_not_believed()
    {
        var result = Parse("id.co.bri.brimo", "BRImo", "Sobat BRI! Dana Rp19.000 masuk ke rekening 790001009621533 pada 06/05/2027 22:53:10");
        (result.Verdict, result.Amount, result.StatedAtUtc).ShouldBe((NotificationVerdict.Transaction, 19_000m, (DateTime?)null));
    }

    [Fact]
    public void Spaces_line_breaks_and_no_break_spaces_do_not_change_the_reading()
    {
        var result = Parse("id.co.bri.brimo", "  BRImo ", "Sobat  BRI!\r\nDana\u00a0Rp19.000   masuk ke\trekening 790001009621533");
        (result.Verdict, result.Amount, result.AccountHint).ShouldBe((NotificationVerdict.Transaction, 19_000m, "1533"));
    }

    [Fact]
    public void Hostile_text_of_any_shape_never_throws()
    {
        var random = new Random(15);
        for (var i = 0; i < 300; i++)
        {
            var sb = new StringBuilder();
            for (var j = random.Next(0, 400); j > 0; j--)
                sb.Append(random.Next(6) switch { 0 => "Rp", 1 => "1.000,", 2 => " dari ", 3 => "\ud83d", 4 => "masuk ke rekening ", _ => ((char)random.Next(1, 0x3000)).ToString() });
            foreach (var package in new[] { "id.co.bri.brimo", "id.dana", null })
                Should.NotThrow(() => Parse(package, "Sobat BRI! Dana", sb.ToString()));
        }
    }

    [Fact]
    public void A_forwarded_post_reads_end_to_end_into_a_credit()
    {
        var body = "from=id.co.bri.brimo&content=" + Uri.EscapeDataString("id.co.bri.brimo\n" + BrimoCredit + "\nBRImo\nUID：10234\n2026-11-21 16:29:58\n")
            + "&timestamp=" + TestTime.Start.ToUnixTimeMilliseconds();
        var post = NotificationPostReader.Read(Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded", Posted).Notification!;
        NotificationTextParser.Parse(post).ShouldBe(new ParsedNotification(NotificationVerdict.Transaction, "bri", "brimo", "brimo/transfer-in", NotificationMatches.Package,
            "transfer", Direction.Credit, 19_000m, "ANI", "1533", new DateTime(2026, 5, 6, 15, 53, 10, DateTimeKind.Utc), null));
    }
}
