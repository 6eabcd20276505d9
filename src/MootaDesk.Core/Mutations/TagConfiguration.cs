using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Mutations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.NormalizedName).HasMaxLength(60);
        b.Property(x => x.Color).HasMaxLength(16);
        b.Property(x => x.Meaning).HasMaxLength(300);
        b.HasIndex(x => x.NormalizedName).IsUnique();
    }
}
