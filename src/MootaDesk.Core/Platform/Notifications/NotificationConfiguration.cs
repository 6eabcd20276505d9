using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Platform.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.Text).HasMaxLength(500);
        b.HasIndex(x => new { x.Role, x.CreatedAt });
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
    }
}
