using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>
/// The sandbox's phone: posts a BRImo "Dana masuk" notification for a sandbox account through the same inbox a real phone
/// uses, so Ops can practise the provisional-then-confirmed path (then send the bank's mutation with the webhook simulator).
/// Only sandbox accounts; the device "Sandbox (simulasi)" is made on first use and its token is never shown.
/// </summary>
public sealed class NotificationSandbox(IDbContextFactory<MootaDeskDbContext> factory, NotificationInbox inbox, BusinessClock clock)
{
    public const string DeviceName = "Sandbox (simulasi)";
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    /// <summary>Refusals are message keys: Sandbox.Error.Account (not a sandbox account), Sandbox.Error.Amount (not 1 … 1,000,000,000 rupiah).</summary>
    public async Task<(NotificationReceipt? Receipt, string? ErrorKey)> SimulateAsync(int accountId, decimal amount, Actor actor, CancellationToken ct = default)
    {
        if (amount <= 0 || amount > SandboxCommands.MaxAmount || decimal.Round(amount, 0) != amount) return (null, "Sandbox.Error.Amount");
        await using var db = await factory.CreateDbContextAsync(ct);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId && a.IsSandbox, ct);
        if (account is null) return (null, "Sandbox.Error.Account");

        var device = await db.NotificationDevices.FirstOrDefaultAsync(d => d.Name == DeviceName && d.RevokedAt == null && !d.FromConfiguration, ct);
        var now = clock.UtcNow;
        if (device is null)
        {
            var token = ApiKeySecret.NewKey();
            device = new NotificationDevice { Name = DeviceName, TokenPrefix = "sandbox", TokenHash = ApiKeySecret.Hash(token), CreatedAt = now, CreatedBy = actor.Name };
            db.NotificationDevices.Add(device);
        }
        if (!device.AccountIdList().Contains(accountId))
            device.AccountIds = string.Join(",", device.AccountIdList().Append(accountId).Order());
        await db.SaveChangesAsync(ct);
        db.Record(actor, "sandbox.notification", "Account", accountId, null, new { amount }, now);
        await db.SaveChangesAsync(ct);

        var local = TimeZoneInfo.ConvertTimeFromUtc(now, Jakarta);
        var rupiah = amount.ToString("#,0", CultureInfo.GetCultureInfo("id-ID"));
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["app"] = "id.co.bri.brimo", ["app_name"] = "BRImo", ["title"] = "BRImo",
            ["text"] = $"Sobat BRI! Dana Rp{rupiah} masuk ke rekening {account.AccountNumber} pada {local:dd/MM/yyyy HH:mm:ss}",
            ["posted_at"] = new DateTimeOffset(now).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
            ["device"] = DeviceName,
        });
        return (await inbox.ReceiveAsync(device.Id, body, "application/json", ct), null);
    }
}
