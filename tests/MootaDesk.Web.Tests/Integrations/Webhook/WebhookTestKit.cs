using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Integrations.Webhook;

/// <summary>Sends fixtures through the real endpoint and waits for the real background processor.</summary>
internal static class WebhookTestKit
{
    public static HttpRequestMessage FixtureRequest(string name, string url = "/api/webhooks/moota")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(MootaFixtures.Body(name)) };
        foreach (var (key, value) in MootaFixtures.Headers(name))
        {
            if (key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            else request.Headers.TryAddWithoutValidation(key, value);
        }
        return request;
    }

    public static async Task<MootaDeskDbContext> DbAsync(MootaDeskFactory factory) =>
        await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();

    public static async Task<InboxDbContext> InboxAsync(MootaDeskFactory factory) =>
        await factory.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();

    /// <summary>Waits until no delivery is pending (the processor is woken by each delivery, so this is quick).</summary>
    public static async Task WaitForInboxAsync(MootaDeskFactory factory, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < until)
        {
            await using var inbox = await InboxAsync(factory);
            if (!await inbox.WebhookDeliveries.AnyAsync(d => d.Status == DeliveryStatus.Pending)) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("Deliveries still pending after the timeout.");
    }
}
