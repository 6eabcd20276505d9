using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Integrations;

internal sealed class MutationConflictConfiguration : IEntityTypeConfiguration<MutationConflict>
{
    public void Configure(EntityTypeBuilder<MutationConflict> b)
    {
        b.Property(x => x.MootaMutationId).HasMaxLength(128);
        b.Property(x => x.IncomingAccountText).HasMaxLength(120);
        b.Property(x => x.IncomingDescription).HasMaxLength(500);
        b.Property(x => x.ResolvedBy).HasMaxLength(120);
        b.HasOne<Mutation>().WithMany().HasForeignKey(x => x.MutationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.DetectedAt });
        b.HasIndex(x => x.MutationId);
        b.HasIndex(x => x.WebhookDeliveryId).HasFilter("\"WebhookDeliveryId\" IS NOT NULL");
    }
}
