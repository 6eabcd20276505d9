using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Mutations;

internal sealed class MutationMergeConfiguration : IEntityTypeConfiguration<MutationMerge>
{
    public void Configure(EntityTypeBuilder<MutationMerge> b)
    {
        b.Property(x => x.By).HasMaxLength(120);
        b.Property(x => x.UndoneBy).HasMaxLength(120);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.KeptMutationId, x.OtherMutationId });
    }
}
