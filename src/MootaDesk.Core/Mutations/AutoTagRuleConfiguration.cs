using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Mutations;

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
