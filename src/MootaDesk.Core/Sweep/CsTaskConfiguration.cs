using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Sweep;

internal sealed class CsTaskConfiguration : IEntityTypeConfiguration<CsTask>
{
    public void Configure(EntityTypeBuilder<CsTask> b)
    {
        b.HasIndex(x => new { x.AssigneeId, x.Status, x.DueAt });
        b.HasIndex(x => x.MutationId);
        b.HasIndex(x => new { x.Status, x.DoneAt });
        b.HasOne(x => x.Mutation).WithMany().HasForeignKey(x => x.MutationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.AssigneeId).HasMaxLength(64);
        b.Property(x => x.AssigneeName).HasMaxLength(120);
        b.Property(x => x.CreatedBy).HasMaxLength(120);
        b.Property(x => x.DoneBy).HasMaxLength(120);
        b.Property(x => x.Resolution).HasMaxLength(2000);
    }
}
