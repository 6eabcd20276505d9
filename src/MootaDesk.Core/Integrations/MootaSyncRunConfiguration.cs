using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Integrations;

internal sealed class MootaSyncRunConfiguration : IEntityTypeConfiguration<MootaSyncRun>
{
    public void Configure(EntityTypeBuilder<MootaSyncRun> b)
    {
        b.HasOne<Integration>().WithMany().HasForeignKey(x => x.IntegrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.IntegrationId, x.StartedAt });
        b.Property(x => x.Error).HasMaxLength(1000);
    }
}
