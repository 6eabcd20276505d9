using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MootaDesk.Core.Domain;

namespace MootaDesk.Core.Data.Configurations;

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

internal sealed class AutoTagRuleConfiguration : IEntityTypeConfiguration<AutoTagRule>
{
    public void Configure(EntityTypeBuilder<AutoTagRule> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.DescriptionContains).HasMaxLength(200);
        b.Property(x => x.DescriptionPattern).HasMaxLength(500);
        b.Property(x => x.CounterpartyContains).HasMaxLength(200);
        b.Property(x => x.AddTagIds).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(120);
        b.Property(x => x.DisabledReason).HasMaxLength(40);
        b.Ignore(x => x.TagIds);
        b.HasIndex(x => x.Position);
    }
}
