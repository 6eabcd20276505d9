using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

/// <summary>
/// The storage side of the Moota webhook: which secret a delivery must be signed with, and keeping every delivery, good or
/// forged, as one <see cref="WebhookDelivery"/> row in the inbox file before the answer. The HTTP side (reading the body,
/// the allow-list, checking the signature, the answer) is the endpoint's; processing is <see cref="WebhookInboxProcessor"/>'s.
/// </summary>
public sealed class WebhookInbox(
    IDbContextFactory<MootaDeskDbContext> factory,
    IDbContextFactory<InboxDbContext> inboxFactory,
    WebhookInboxSignal signal,
    InboxWriteGate gate)
{
    /// <summary>
    /// The secret for <paramref name="integrationId"/> (or, without one, the default integration's from configuration), or the
    /// refusal saying why there is none (IntegrationsText <c>Webhook.*</c>): unknown or deactivated integration, no secret set.
    /// </summary>
    public async Task<CommandResult<string>> SecretAsync(int? integrationId, MootaSettings settings, CancellationToken ct)
    {
        if (integrationId is not int id)
            return string.IsNullOrEmpty(settings.WebhookSecret) ? Refusal.Of("Webhook.NoDefaultSecret") : settings.WebhookSecret;
        await using var db = await factory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.IsActive, i.WebhookSecret }).FirstOrDefaultAsync(ct);
        if (integration is null) return Refusal.Of("Webhook.UnknownIntegration", id);
        if (!integration.IsActive) return Refusal.Of("Webhook.InactiveIntegration", id);
        if (string.IsNullOrEmpty(integration.WebhookSecret)) return Refusal.Of("Webhook.IntegrationWithoutSecret", id);
        return integration.WebhookSecret;
    }

    /// <summary>
    /// Stores <paramref name="delivery"/> and returns its id; a pending one wakes the processor. One INSERT in autocommit, on a
    /// connection opened through EF (so the busy-timeout and WAL settings apply): this is the hot path Moota waits on, and a
    /// single statement costs a fraction of a unit of work with change tracking. Not cancellable: once read, a delivery is
    /// kept even if Moota hangs up while it is written.
    /// </summary>
    public async Task<long> KeepAsync(WebhookDelivery delivery)
    {
        await using (var db = await inboxFactory.CreateDbContextAsync(CancellationToken.None))
        {
            using var turn = await gate.EnterForDeliveryAsync(CancellationToken.None);
            await db.Database.OpenConnectionAsync(CancellationToken.None);
            try
            {
                await using var cmd = Insert(db).CreateCommand(db);
                Insert(db).Bind(cmd, 0, delivery);
                delivery.Id = Convert.ToInt64(await cmd.ExecuteScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        if (delivery.Status == DeliveryStatus.Pending) signal.Notify();
        return delivery.Id;
    }

    private ModelInsert? _insert;

    private ModelInsert Insert(InboxDbContext db) => _insert ??= ModelInsert.For<WebhookDelivery>(db, returnKey: true);
}
