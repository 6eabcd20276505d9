using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>
/// A phone whose forwarder app posts bank and wallet notifications to <c>POST /api/notifications</c> ("HP Kasir"). Only a
/// SHA-256 hash of its token is stored (<see cref="ApiKeySecret.Hash"/>); the token is shown once when the phone is registered.
/// </summary>
public class NotificationDevice
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, to recognise it in lists without revealing it.</summary>
    public required string TokenPrefix { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>Comma list of <see cref="BankAccounts.Account"/> ids the phone reports for (chosen on the page).</summary>
    public string AccountIds { get; set; } = "";

    /// <summary>Comma list of account numbers given by configuration (MootaDesk:Notifications:Devices:N:AccountNumber), resolved per post.</summary>
    public string AccountNumbers { get; set; } = "";

    /// <summary>True for a device provisioned from configuration: the page shows it but configuration owns it.</summary>
    public bool FromConfiguration { get; set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastPostAt { get; set; }

    public IReadOnlyList<int> AccountIdList() =>
        AccountIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var id) ? id : 0).Where(id => id > 0).ToList();

    public IReadOnlyList<string> AccountNumberList() =>
        AccountNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

internal sealed class NotificationDeviceConfiguration : IEntityTypeConfiguration<NotificationDevice>
{
    public void Configure(EntityTypeBuilder<NotificationDevice> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.TokenPrefix).HasMaxLength(16);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.AccountIds).HasMaxLength(500);
        b.Property(x => x.AccountNumbers).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(120);
        b.HasIndex(x => x.TokenHash).IsUnique();
    }
}
