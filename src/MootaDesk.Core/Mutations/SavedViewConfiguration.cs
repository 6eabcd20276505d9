using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Mutations;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        b.Property(x => x.Name).HasMaxLength(80);
        b.Property(x => x.Query).HasMaxLength(2000);
        b.Property(x => x.OwnerUserId).HasMaxLength(450);
        b.Property(x => x.SystemKey).HasMaxLength(40);
        b.Property(x => x.CreatedBy).HasMaxLength(120);
        b.HasIndex(x => x.OwnerUserId);
        b.HasIndex(x => x.SystemKey).IsUnique();
    }
}
