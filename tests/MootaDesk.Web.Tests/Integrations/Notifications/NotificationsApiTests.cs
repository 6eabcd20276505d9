using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Integrations.Notifications;

/// <summary>POST /api/notifications over HTTP: the device token header, ProblemDetails refusals, a forwarder's post end to end.</summary>
public class NotificationsApiTests
{
    private const string Token = "hp-kasir-token-0123456789";

    private static MootaDeskFactory Factory()
    {
        var factory = new MootaDeskFactory();
        factory.Settings["MootaDesk:Notifications:Devices:0:Name"] = "HP Kasir";
        factory.Settings["MootaDesk:Notifications:Devices:0:Token"] = Token;
        factory.Settings["MootaDesk:Notifications:Devices:0:AccountNumber"] = NotificationKit.AccountNumber;
        return factory;
    }

    private static async Task AddAccountAsync(MootaDeskFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        db.Accounts.Add(new Account { BankCode = "bri", AccountNumber = NotificationKit.AccountNumber, Label = "BRI Toko", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    private static HttpRequestMessage Post(byte[] body, string contentType, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (token is not null) request.Headers.Add("X-Device-Token", token);
        return request;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-device-token")]
    public async Task A_post_without_a_known_device_token_is_401_problem_details_and_stores_nothing(string? token)
    {
        await using var factory = Factory();
        var client = factory.CreateClient();

        var response = await client.SendAsync(Post("{}"u8.ToArray(), "application/json", token));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        (await db.NotificationPosts.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_revoked_token_is_401()
    {
        await using var factory = Factory();
        var client = factory.CreateClient();
        var devices = factory.Services.GetRequiredService<NotificationDeviceCommands>();
        var device = await devices.AuthenticateAsync(Token);
        await devices.RevokeAsync(device!.Id, NotificationKit.Ops, NotificationKit.OpsActor);

        var response = await client.SendAsync(Post("{}"u8.ToArray(), "application/json", Token));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_SmsForwarder_form_post_is_answered_pending_and_becomes_a_provisional_mutation_in_the_background()
    {
        await using var factory = Factory();
        var client = factory.CreateClient();
        await AddAccountAsync(factory);
        factory.Time.SetUtcNow(DateTimeOffset.Parse("2026-11-30T05:00:00Z"));

        var response = await client.SendAsync(Post(NotificationKit.SmsForwarderBrimo(150_123m, "30/11/2026 11:58:00"), "application/x-www-form-urlencoded", Token));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("status").GetString().ShouldBe("pending");
        var postId = answer.GetProperty("postId").GetInt64();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        // The background pass (NotificationInboxService, woken by the post) reads it within moments.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        long? id = null;
        while (id is null && DateTime.UtcNow < deadline)
        {
            id = await db.NotificationPosts.AsNoTracking().Where(p => p.Id == postId && p.Status == NotificationPostStatus.Provisional).Select(p => p.MutationId).FirstOrDefaultAsync();
            if (id is null) await Task.Delay(50);
        }
        id.ShouldNotBeNull("the post was not processed in the background within 15 s");
        var row = await db.Mutations.SingleAsync(m => m.Id == id);
        (row.Source, row.IsProvisional, row.Amount).ShouldBe((MutationSource.Notification, true, 150_123m));
    }

    [Fact]
    public async Task An_unreadable_body_is_400_problem_details_and_kept_in_the_log()
    {
        await using var factory = Factory();
        var client = factory.CreateClient();

        var response = await client.SendAsync(Post(Encoding.UTF8.GetBytes("<html>hi</html>"), "text/html", Token));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        (await db.NotificationPosts.SingleAsync()).Status.ShouldBe(NotificationPostStatus.Refused);
    }
}
