using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>A registered phone as the page lists it; never the token, only its first characters.</summary>
public sealed record NotificationDeviceRow(int Id, string Name, string TokenPrefix, IReadOnlyList<string> Accounts, bool FromConfiguration,
    DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, DateTime? LastPostAt, int Posts);

/// <summary>The token exactly once, at registration; afterwards only its hash exists.</summary>
public sealed record RegisteredDevice(NotificationDeviceRow Row, string Token);

/// <summary>An account a phone may report for, as the registration form offers it.</summary>
public sealed record DeviceAccountChoice(int Id, string Label, bool IsSandbox);

/// <summary>The device a post's token belongs to, for the endpoint.</summary>
public sealed record AuthenticatedDevice(int Id, string Name);

/// <summary>
/// Phones that forward notifications: register (token shown once), list, revoke, and the token check of every post. Owner
/// and Ops (<see cref="Actions.ManageNotificationDevices"/>); every change is audited, the token never is.
/// </summary>
public sealed class NotificationDeviceCommands(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public const int MinConfiguredTokenLength = 16;

    public async Task<IReadOnlyList<NotificationDeviceRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var devices = await db.NotificationDevices.AsNoTracking().OrderBy(d => d.RevokedAt != null).ThenBy(d => d.Name).ToListAsync(ct);
        var counts = await db.NotificationPosts.AsNoTracking().GroupBy(p => p.DeviceId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var accounts = await db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => Label(a.BankCode, a.AccountNumber, a.Label), ct);
        return devices.Select(d => new NotificationDeviceRow(d.Id, d.Name, d.TokenPrefix,
            [.. d.AccountIdList().Select(id => accounts.GetValueOrDefault(id, "#" + id)), .. d.AccountNumberList()],
            d.FromConfiguration, d.CreatedAt, d.CreatedBy, d.RevokedAt, d.LastPostAt, counts.GetValueOrDefault(d.Id))).ToList();
    }

    /// <summary>Every account, for the registration form's choice.</summary>
    public async Task<IReadOnlyList<DeviceAccountChoice>> AccountChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Accounts.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.IsSandbox).ThenBy(a => a.BankCode).ThenBy(a => a.AccountNumber)
            .Select(a => new { a.Id, a.BankCode, a.AccountNumber, a.Label, a.IsSandbox }).ToListAsync(ct);
        return rows.Select(a => new DeviceAccountChoice(a.Id, Label(a.BankCode, a.AccountNumber, a.Label), a.IsSandbox)).ToList();
    }

    /// <summary>Registers a phone. Refusals are message keys (Devices.Error.*): a name of 1–100 characters and at least one existing account.</summary>
    public async Task<(RegisteredDevice? Device, string? ErrorKey)> RegisterAsync(string? name, IReadOnlyCollection<int> accountIds, Viewer viewer, Actor actor,
        CancellationToken ct = default)
    {
        if (!viewer.Can(Actions.ManageNotificationDevices)) return (null, "Error.NotAllowed");
        var cleanName = name?.Trim() ?? "";
        if (cleanName.Length is 0 or > 100) return (null, "Devices.Error.Name");
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = accountIds.Distinct().ToList();
        var existing = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (existing.Count == 0) return (null, "Devices.Error.Accounts");

        var token = "mdn_" + ApiKeySecret.NewKey()[4..];
        var now = clock.UtcNow;
        var device = new NotificationDevice
        {
            Name = cleanName, TokenPrefix = token[..10], TokenHash = ApiKeySecret.Hash(token), AccountIds = string.Join(",", existing.Order()),
            CreatedAt = now, CreatedBy = actor.Name,
        };
        db.NotificationDevices.Add(device);
        await db.SaveChangesAsync(ct);
        db.Record(actor, "notification-device.register", nameof(NotificationDevice), device.Id, null, new { device.Name, device.TokenPrefix, accounts = existing }, now);
        await db.SaveChangesAsync(ct);
        var row = (await ListAsync(ct)).First(r => r.Id == device.Id);
        return (new RegisteredDevice(row, token), null);
    }

    /// <summary>Revokes a phone: its token is refused from now on (401). False when unknown or already revoked.</summary>
    public async Task<bool> RevokeAsync(int id, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        if (!viewer.Can(Actions.ManageNotificationDevices)) return false;
        await using var db = await factory.CreateDbContextAsync(ct);
        var device = await db.NotificationDevices.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (device is null || device.RevokedAt is not null) return false;
        var now = clock.UtcNow;
        device.RevokedAt = now;
        db.Record(actor, "notification-device.revoke", nameof(NotificationDevice), device.Id, new { device.Name, device.TokenPrefix, revoked = false }, new { revoked = true }, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The active device whose token this is; null for a missing, unknown or revoked token.</summary>
    public async Task<AuthenticatedDevice?> AuthenticateAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = ApiKeySecret.Hash(token.Trim());
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.NotificationDevices.AsNoTracking().Where(d => d.TokenHash == hash && d.RevokedAt == null)
            .Select(d => new AuthenticatedDevice(d.Id, d.Name)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Makes each configured phone a device (matched by its token's hash): created once, name and account numbers kept in step
    /// with configuration, audited. A configured token that was revoked on the page stays revoked.
    /// </summary>
    public async Task ProvisionAsync(IReadOnlyList<ConfiguredNotificationDevice> configured, CancellationToken ct = default)
    {
        if (configured.Count == 0) return;
        var actor = new Actor("configuration");
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        foreach (var c in configured)
        {
            var token = c.Token.Trim();
            var hash = ApiKeySecret.Hash(token);
            var numbers = string.Join(",", c.AccountNumber.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var name = c.Name.Trim();
            var device = await db.NotificationDevices.FirstOrDefaultAsync(d => d.TokenHash == hash, ct);
            if (device is null)
            {
                device = new NotificationDevice
                {
                    Name = name, TokenPrefix = token[..Math.Min(10, token.Length)], TokenHash = hash, AccountNumbers = numbers, FromConfiguration = true,
                    CreatedAt = now, CreatedBy = actor.Name,
                };
                db.NotificationDevices.Add(device);
                await db.SaveChangesAsync(ct);
                db.Record(actor, "notification-device.provision", nameof(NotificationDevice), device.Id, null, new { device.Name, accounts = numbers }, now);
            }
            else if (device.Name != name || device.AccountNumbers != numbers)
            {
                db.Record(actor, "notification-device.provision", nameof(NotificationDevice), device.Id,
                    new { device.Name, accounts = device.AccountNumbers }, new { Name = name, accounts = numbers }, now);
                device.Name = name;
                device.AccountNumbers = numbers;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Label(string bankCode, string number, string label) =>
        string.IsNullOrWhiteSpace(label) ? $"{BankNames.Display(bankCode)} {number}" : $"{label} ({BankNames.Display(bankCode)} {number})";
}

/// <summary>
/// Checks MootaDesk:Notifications:Devices at start-up: each needs a name, a token of at least 16 characters and an account
/// number. A mistake stops start-up with a message naming the device, like configured API keys.
/// </summary>
public sealed class NotificationOptionsValidation : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var problems = new List<string>();
        if (options.AttachWindowMinutes is < 1 or > 24 * 60) problems.Add("MootaDesk:Notifications:AttachWindowMinutes must be 1–1440.");
        for (var i = 0; i < options.Devices.Count; i++)
        {
            var d = options.Devices[i];
            if (string.IsNullOrWhiteSpace(d.Name)) problems.Add($"MootaDesk:Notifications:Devices:{i} has no Name.");
            if (string.IsNullOrWhiteSpace(d.Token) || d.Token.Trim().Length < NotificationDeviceCommands.MinConfiguredTokenLength)
                problems.Add($"MootaDesk:Notifications:Devices:{i} (\"{d.Name}\") needs a Token of at least {NotificationDeviceCommands.MinConfiguredTokenLength} characters.");
            if (string.IsNullOrWhiteSpace(d.AccountNumber)) problems.Add($"MootaDesk:Notifications:Devices:{i} (\"{d.Name}\") needs an AccountNumber.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>At start-up: configured phones become devices (posts a crash left pending are <see cref="NotificationInboxService"/>'s).</summary>
public sealed class NotificationStartup(NotificationDeviceCommands devices, IOptions<NotificationOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await devices.ProvisionAsync(options.Value.Devices, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
