using System.Text;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Integrations.Notifications;

/// <summary>Every post is kept with its verdict; only money in on one of the device's accounts becomes a (provisional) mutation.</summary>
public class NotificationInboxTests
{
    private static byte[] Json(string text, string app = "id.co.bri.brimo") =>
        Encoding.UTF8.GetBytes($$"""{"app":"{{app}}","title":"BRImo","text":"{{text}}","posted_at":"2026-11-30T11:58:00+07:00"}""");

    [Fact]
    public async Task A_text_no_parser_understands_is_kept_as_unreadable_and_stores_no_mutation()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);

        var receipt = await kit.Inbox.ReceiveAsync(kit.Device.Row.Id, Json("Halo Sobat BRI, saldo Anda sudah diperbarui."), "application/json");

        receipt.Status.ShouldBe(NotificationPostStatus.Unreadable);
        (await kit.MutationsAsync()).ShouldBeEmpty();
        var (rows, counts) = await new NotificationLogQuery(test).ListAsync(null);
        var post = rows.ShouldHaveSingleItem();
        (post.Status, post.Text, post.Reason?.Key).ShouldBe((NotificationPostStatus.Unreadable, "Halo Sobat BRI, saldo Anda sudah diperbarui.", NotificationProblems.NoRuleMatched));
        counts[NotificationPostStatus.Unreadable].ShouldBe(1);
    }

    [Fact]
    public async Task A_debit_or_an_otp_is_kept_as_not_money_in()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);

        var debit = await kit.Inbox.ReceiveAsync(kit.Device.Row.Id, Json("30/11/2026 11:50:00 - Transaksi Pembelian QRIS sebesar Rp25.000 BERHASIL"), "application/json");
        var otp = await kit.Inbox.ReceiveAsync(kit.Device.Row.Id, Json("JANGAN BERIKAN kode OTP 123456 kepada siapa pun"), "application/json");

        (debit.Status, debit.Reason?.Key).ShouldBe((NotificationPostStatus.NotMoneyIn, NotificationInbox.DebitIgnored));
        (otp.Status, otp.Reason?.Key).ShouldBe((NotificationPostStatus.NotMoneyIn, NotificationProblems.Security));
        (await kit.MutationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_that_is_not_a_notification_is_kept_raw_as_refused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);

        var receipt = await kit.Inbox.ReceiveAsync(kit.Device.Row.Id, Encoding.UTF8.GetBytes("{\"app\":\"x\", oops"), "application/json");

        (receipt.Status, receipt.Reason?.Key).ShouldBe((NotificationPostStatus.Refused, NotificationProblems.BodyNotJson));
        await using var db = test.CreateDbContext();
        (await db.NotificationPosts.SingleAsync()).Body.ShouldBe("{\"app\":\"x\", oops");
    }

    [Fact]
    public async Task A_credit_of_a_bank_the_phone_does_not_report_for_is_no_account_and_no_mutation()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);

        var receipt = await kit.Inbox.ReceiveAsync(kit.Device.Row.Id,
            Json("Kamu menerima Rp75.000 dari BUDI SANTOSO.", "com.jago.digitalBanking"), "application/json");

        receipt.Status.ShouldBe(NotificationPostStatus.NoAccount);
        (await kit.MutationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_revoked_device_token_no_longer_authenticates_and_only_its_hash_is_stored()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);

        (await kit.Devices.AuthenticateAsync(kit.Device.Token))!.Name.ShouldBe("HP Kasir");
        await using (var db = test.CreateDbContext())
            (await db.NotificationDevices.SingleAsync()).TokenHash.ShouldNotContain(kit.Device.Token);
        (await kit.Devices.RevokeAsync(kit.Device.Row.Id, NotificationKit.Ops, NotificationKit.OpsActor)).ShouldBeTrue();

        (await kit.Devices.AuthenticateAsync(kit.Device.Token)).ShouldBeNull();
        (await kit.Devices.AuthenticateAsync("mdn_unknown")).ShouldBeNull();
        (await kit.Devices.AuthenticateAsync(null)).ShouldBeNull();
    }

    [Fact]
    public async Task Registering_needs_a_name_and_an_account_and_the_right_role()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);

        (await kit.Devices.RegisterAsync(" ", [kit.AccountId], NotificationKit.Ops, NotificationKit.OpsActor)).ErrorKey.ShouldBe("Devices.Error.Name");
        (await kit.Devices.RegisterAsync("HP 2", [], NotificationKit.Ops, NotificationKit.OpsActor)).ErrorKey.ShouldBe("Devices.Error.Accounts");
        (await kit.Devices.RegisterAsync("HP 2", [kit.AccountId], MootaDesk.Core.Platform.Access.Viewer.ForRoles("cece", MootaDesk.Core.Platform.Access.Roles.CS),
            NotificationKit.OpsActor)).ErrorKey.ShouldBe("Error.NotAllowed");
    }

    [Fact]
    public async Task A_device_from_configuration_reports_for_its_account_number()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        await kit.Devices.ProvisionAsync([new ConfiguredNotificationDevice { Name = "HP Gudang", Token = "config-token-0123456789", AccountNumber = NotificationKit.AccountNumber }]);
        await kit.Devices.ProvisionAsync([new ConfiguredNotificationDevice { Name = "HP Gudang", Token = "config-token-0123456789", AccountNumber = NotificationKit.AccountNumber }]);

        var device = await kit.Devices.AuthenticateAsync("config-token-0123456789");
        var receipt = await kit.Inbox.ReceiveAsync(device!.Id, NotificationKit.SmsForwarderBrimo(20_000m, "30/11/2026 11:00:00"), "application/x-www-form-urlencoded");

        receipt.Status.ShouldBe(NotificationPostStatus.Provisional);
        (await kit.Devices.ListAsync()).Count(d => d.FromConfiguration).ShouldBe(1);
    }

    [Fact]
    public async Task An_accepted_post_is_kept_pending_until_the_background_pass_makes_it_a_provisional_credit()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);

        var receipt = await kit.Inbox.AcceptAsync(kit.Device.Row.Id, NotificationKit.SmsForwarderBrimo(150_123m, "30/11/2026 11:58:00"), "application/x-www-form-urlencoded");

        (receipt.Status, receipt.MutationId).ShouldBe((NotificationPostStatus.Pending, null));
        (await kit.MutationsAsync()).ShouldBeEmpty();
        (await kit.Inbox.ProcessPendingAsync()).ShouldBe(1);
        (await kit.Inbox.ProcessPendingAsync()).ShouldBe(0);
        await using var db = test.CreateDbContext();
        var post = await db.NotificationPosts.SingleAsync();
        (post.Status, post.Attempts).ShouldBe((NotificationPostStatus.Provisional, 1));
        (await db.Mutations.SingleAsync(m => m.Id == post.MutationId)).IsProvisional.ShouldBeTrue();
    }

    [Fact]
    public async Task An_accepted_body_that_is_no_notification_is_refused_at_once_and_kept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);

        var receipt = await kit.Inbox.AcceptAsync(kit.Device.Row.Id, Encoding.UTF8.GetBytes("{\"app\":\"x\", oops"), "application/json");

        (receipt.Status, receipt.Reason?.Key).ShouldBe((NotificationPostStatus.Refused, NotificationProblems.BodyNotJson));
        (await kit.Inbox.ProcessPendingAsync()).ShouldBe(0);
        await using var db = test.CreateDbContext();
        (await db.NotificationPosts.SingleAsync()).Status.ShouldBe(NotificationPostStatus.Refused);
    }

    [Fact]
    public async Task A_post_someone_is_processing_is_left_to_them_until_its_claim_is_stale()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await NotificationKit.CreateAsync(test);
        await kit.Inbox.AcceptAsync(kit.Device.Row.Id, NotificationKit.SmsForwarderBrimo(99_000m, "30/11/2026 11:58:00"), "application/x-www-form-urlencoded");
        // Another pass (or instance) counted the attempt and has not finished: as after a crash in the middle.
        await using (var db = test.CreateDbContext())
            await db.NotificationPosts.ExecuteUpdateAsync(u => u.SetProperty(p => p.Attempts, 1));

        (await kit.Inbox.ProcessPendingAsync()).ShouldBe(0);
        test.Time.Advance(NotificationInbox.StaleClaim + TimeSpan.FromSeconds(1));
        (await kit.Inbox.ProcessPendingAsync()).ShouldBe(1);

        await using var check = test.CreateDbContext();
        var post = await check.NotificationPosts.SingleAsync();
        (post.Status, post.Attempts).ShouldBe((NotificationPostStatus.Provisional, 2));
        (await kit.MutationsAsync()).Count.ShouldBe(1);
    }
}
