using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Integrations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.WebhookSecret).HasMaxLength(200);
        b.Property(x => x.ApiToken).HasMaxLength(2000);
    }
}
