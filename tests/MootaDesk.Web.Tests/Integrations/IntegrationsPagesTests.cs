using System.Text;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Integrations;
using MootaDesk.Web.Tests.Integrations.Notifications;

namespace MootaDesk.Web.Tests.Integrations;

/// <summary>The logic of the Integrasi pages on MudBlazor (issue 13), rendered with bUnit over the real app, and their link rules.</summary>
public class IntegrationsPagesTests : AreaPageContext
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData(null, null, null, "2026-11-30")]                 // plain link: today
    [InlineData("pending", null, DeliveryStatus.Pending, null)]  // the lag notice: every pending delivery, whatever the day
    [InlineData(null, "semua", null, null)]
    [InlineData("Failed", "2026-11-21", DeliveryStatus.Failed, "2026-11-21")]
    [InlineData("bogus", "21-11-2026", null, "2026-11-30")]      // nonsense falls back to the plain link
    public void The_webhook_log_reads_status_and_day_from_its_link(string? status, string? day, DeliveryStatus? expectedStatus, string? expectedDay)
    {
        var (s, d) = WebhookLogPage.ReadFilter(status, day, Today);
        s.ShouldBe(expectedStatus);
        d.ShouldBe(expectedDay is null ? null : DateOnly.Parse(expectedDay));
    }

    [Fact]
    public void The_webhook_log_link_carries_filter_page_and_rows_and_leaves_the_defaults_out()
    {
        WebhookLogPage.UrlFor(null, Today, Today, 0, 25).ShouldBe("integrasi/webhook");
        WebhookLogPage.UrlFor(null, null, Today, 0, 25).ShouldBe("integrasi/webhook?tgl=semua");
        WebhookLogPage.UrlFor(DeliveryStatus.Failed, null, Today, 2, 50).ShouldBe("integrasi/webhook?status=Failed&hal=3&baris=50");
        WebhookLogPage.UrlFor(null, new DateOnly(2026, 11, 21), Today, 1, 25).ShouldBe("integrasi/webhook?tgl=2026-11-21&hal=2");
        var (status, day) = WebhookLogPage.ReadFilter("Failed", null, Today);
        (status, day).ShouldBe(((DeliveryStatus?)DeliveryStatus.Failed, (DateOnly?)null));
        LogGridLink.Position(3, 100).ShouldBe((2, 100));
        LogGridLink.Position(0, 33).ShouldBe((0, LogGridLink.DefaultPageSize));
        NotificationLogPage.UrlFor(NotificationPostStatus.Unreadable, 0, 50).ShouldBe("integrasi/notifikasi/log?status=Unreadable&baris=50");
        NotificationLogPage.ReadStatus("tidak-ada").ShouldBeNull();
    }

    [Fact]
    public void Durations_and_statuses_read_in_Indonesian_and_in_their_colours()
    {
        WebhookLogPage.Ms(1250.4).ShouldBe("1.250 ms");
        WebhookLogPage.Ms(3.44).ShouldBe("3,4 ms");
        WebhookLogPage.Ms(null).ShouldBe("–");
        WebhookLogPage.ColorOf(DeliveryStatus.Processed).ShouldBe(Color.Success);
        WebhookLogPage.ColorOf(DeliveryStatus.Rejected).ShouldBe(Color.Error);
        NotificationLogPage.ColorOf(NotificationPostStatus.Unreadable).ShouldBe(Color.Warning);
        NotificationLogPage.CanRetry(NotificationPostStatus.Provisional).ShouldBeFalse();
        NotificationLogPage.CanRetry(NotificationPostStatus.Unreadable).ShouldBeTrue();
    }

    [Fact]
    public async Task The_webhook_log_grid_shows_a_refused_delivery_from_the_server_and_keeps_the_filter_in_the_link()
    {
        await SignInAsync(Roles.Ops);
        using var client = App.CreateClient();
        var forged = new StringContent("""[{"mutation_id":"palsu-1","amount":1000,"type":"CR"}]""", Encoding.UTF8, "application/json");
        forged.Headers.Add("Signature", "deadbeef");
        (await client.PostAsync("/api/webhooks/moota", forged)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);

        var page = RenderAt<WebhookLogPage>("integrasi/webhook?tgl=semua&baris=50");

        page.WaitForAssertion(() => page.Find("[data-testid=webhook-log]").TextContent.ShouldContain("Ditolak"), Wait);
        page.Find("[data-testid=webhook-log]").TextContent.ShouldContain("Palsu / salah");
        page.Find("[data-testid=count-received]").TextContent.ShouldBe("1");
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.ShouldEndWith("integrasi/webhook?tgl=semua&baris=50");
    }

    /// <summary>A BRI account, a registered phone and one BRImo "Dana masuk" post in the app's store: a provisional credit.</summary>
    private async Task<long> ProvisionalCreditAsync()
    {
        App.Time.SetJakarta(2026, 11, 30, 12, 0);
        int accountId;
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
        {
            var account = new Account { BankCode = "bri", AccountNumber = NotificationKit.AccountNumber, Label = "BRI Toko", CreatedAt = App.Time.GetUtcNow().UtcDateTime };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            accountId = account.Id;
        }
        var (device, _) = await App.Services.GetRequiredService<NotificationDeviceCommands>().RegisterAsync("HP Kasir", [accountId], NotificationKit.Ops, NotificationKit.OpsActor);
        var receipt = await App.Services.GetRequiredService<NotificationInbox>().ReceiveAsync(device!.Row.Id,
            NotificationKit.SmsForwarderBrimo(150_123m, "30/11/2026 11:58:00"), "application/x-www-form-urlencoded");
        receipt.Status.ShouldBe(NotificationPostStatus.Provisional);
        return receipt.MutationId!.Value;
    }

    [Fact]
    public async Task Ops_dismisses_a_provisional_credit_from_the_notification_log_with_a_reason_and_restores_it()
    {
        await SignInAsync(Roles.Ops);
        var mutationId = await ProvisionalCreditAsync();
        var page = RenderAt<NotificationLogPage>("integrasi/notifikasi/log");
        page.WaitForAssertion(() => page.Find("[data-testid=post-dismiss]"), Wait);
        page.Find("[data-testid=post-mutation-link]").GetAttribute("href").ShouldEndWith("buka=" + mutationId);

        page.Find("[data-testid=post-dismiss]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=dismiss-panel]"), Wait);
        // Without a reason nothing is dismissed and the reason is asked for.
        page.Find("[data-testid=dismiss-confirm]").Click();
        Snackbars.WaitForAssertion(() => Snackbars.Markup.ShouldContain("Tulis alasannya"), Wait);
        page.Find("#dismiss-reason").Input("Transfer dibatalkan pengirim");
        page.Find("[data-testid=dismiss-confirm]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=dismissed-note]").TextContent.ShouldContain("Transfer dibatalkan pengirim"), Wait);
        page.FindAll("[data-testid=dismiss-panel]").ShouldBeEmpty();
        page.Find("[data-testid=notification-posts]").TextContent.ShouldContain("diabaikan");
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
            (await db.Mutations.SingleAsync(m => m.Id == mutationId)).DismissedBy.ShouldBe("ops-tester");

        page.WaitForAssertion(() => page.Find("[data-testid=post-restore]"), Wait);
        page.Find("[data-testid=post-restore]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=post-dismiss]"), Wait);
        page.FindAll("[data-testid=dismissed-note]").ShouldBeEmpty();
        page.Find("[data-testid=notification-posts]").TextContent.ShouldContain("menunggu mutasi bank");
    }

    [Fact]
    public async Task The_hub_and_the_Moota_API_page_say_in_words_what_the_server_sets_and_never_show_a_configuration_key()
    {
        App.Settings["MootaDesk:Moota:Api:Token"] = "token-dari-server-0123456789";
        App.Settings["MootaDesk:Moota:Pull:Enabled"] = "false";
        await SignInAsync(Roles.Ops);

        var hub = RenderAt<IntegrationsPage>("integrasi");
        hub.WaitForAssertion(() => hub.Find("[data-testid=integrations]").TextContent.ShouldContain("Webhook"), Wait);
        hub.Markup.ShouldNotContain("MootaDesk:");

        var api = RenderAt<MootaApiPage>("integrasi/moota-api");
        api.WaitForAssertion(() => api.Markup.ShouldContain("data-testid=\"pull-configured\"", customMessage: api.Markup), Wait);
        api.Find("[data-testid=pull-configured]").TextContent.ShouldContain("pengaturan server");
        api.Markup.ShouldNotContain("MootaDesk:");
        api.Find("[data-testid=pull-save]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task The_sandbox_makes_a_practice_account_and_refuses_an_unreadable_amount_in_words()
    {
        await SignInAsync(Roles.Ops);
        var page = RenderAt<SandboxPage>("integrasi/sandbox");

        page.Find("#newSandboxLabel").Input("BCA Latihan");
        page.Find("[data-testid=create-sandbox-account]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=sandbox-accounts]").TextContent.ShouldContain("BCA Latihan"), Wait);

        page.Find("#simAmount").Input("seratus ribu");
        page.Find("#simSender").Input("Budi Santoso");
        page.Find("[data-testid=simulate]").Click();

        Snackbars.WaitForAssertion(() => Snackbars.Markup.ShouldContain("Masukkan jumlah rupiah yang valid"), Wait);
        page.FindAll("[data-testid=simulation-result]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_phone_is_registered_for_a_ticked_account_and_its_token_shown_once_with_a_QR_code()
    {
        await SignInAsync(Roles.Ops);
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
        {
            db.Accounts.Add(new Account { BankCode = "bca", AccountNumber = "1234567890", Label = "BCA Toko", CreatedAt = App.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        var page = RenderAt<NotificationDevicesPage>("integrasi/notifikasi");

        page.Find("#deviceName").Input("HP Kasir");
        page.Find("[data-testid=register-device]").Click();
        Snackbars.WaitForAssertion(() => Snackbars.Markup.ShouldContain("Pilih minimal satu rekening"), Wait);

        page.Find("[data-testid=device-accounts] input[type=checkbox]").Change(true);
        page.Find("[data-testid=register-device]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=device-token]").TextContent.ShouldContain("X-Device-Token: mdn_"), Wait);
        page.Find("[data-testid=device-qr]").GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        page.Find("[data-testid=notification-devices]").TextContent.ShouldContain("HP Kasir");
    }

    [Fact]
    public async Task The_owner_makes_an_API_key_and_sees_it_once()
    {
        await SignInAsync(Roles.Owner);
        var page = RenderAt<ApiKeysPage>("integrasi/kunci-api");

        page.Find("#apiKeyName").Input("Spreadsheet");
        page.Find("[data-testid=create-api-key]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=shown-key] code").TextContent.ShouldStartWith("mdk_"), Wait);
        page.Find("[data-testid=api-keys]").TextContent.ShouldContain("Spreadsheet");
    }

    [Fact]
    public async Task Conflicts_none_and_an_unknown_delivery_are_said_plainly()
    {
        await SignInAsync(Roles.Ops);

        var conflicts = RenderAt<ConflictsPage>("integrasi/konflik");
        conflicts.WaitForAssertion(() => conflicts.Find("[data-testid=conflicts-none]"), Wait);

        var delivery = RenderAt<WebhookDeliveryPage>("integrasi/webhook/999", p => p.Add(x => x.Id, 999L));
        delivery.WaitForAssertion(() => delivery.Find("[data-testid=delivery-not-found]").TextContent.ShouldContain("tidak ada"), Wait);

        var tile = Render<ConflictsTile>();
        tile.WaitForAssertion(() => tile.FindAll("[data-testid=conflicts-open]").ShouldBeEmpty(), Wait);
        tile.Find("a").GetAttribute("href").ShouldBe("integrasi/konflik");
    }

    [Fact]
    public void The_sandbox_link_opens_exactly_its_row_with_sandbox_rows_shown()
    {
        var link = SandboxPage.MutationLinkOf(new SimulatedMutation(42, 7, new DateOnly(2026, 11, 30), 150_123m));
        var filter = MootaDesk.Core.Mutations.MutationFilter.Parse("http://x/" + link);

        filter.Sandbox.ShouldBe(MootaDesk.Core.Mutations.SandboxFilter.Include);
        (filter.AccountIds.Single(), filter.AmountExact, filter.From, filter.To).ShouldBe((7, (decimal?)150_123m, (DateOnly?)Today, (DateOnly?)Today));
        link.ShouldEndWith("&buka=42");
    }
}
