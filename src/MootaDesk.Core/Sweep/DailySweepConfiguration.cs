using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Sweep;

internal sealed class SweepConfiguration : IEntityTypeConfiguration<DailySweep>
{
    public void Configure(EntityTypeBuilder<DailySweep> b)
    {
        // The guarantee behind "never prepares the same day twice", even with two app instances.
        b.HasIndex(x => x.BusinessDate).IsUnique();
        b.HasIndex(x => x.SignedOffAt);
        b.Property(x => x.PreparedBy).HasMaxLength(120);
        b.Property(x => x.AccountsReviewedBy).HasMaxLength(120);
        b.Property(x => x.SignedOffBy).HasMaxLength(120);
        b.Property(x => x.SummaryIncome).HasMaxLength(1000);
        b.Property(x => x.SummaryOutflows).HasMaxLength(1000);
        b.Property(x => x.SummaryPendingOrders).HasMaxLength(1000);
        b.Property(x => x.SummaryRefunds).HasMaxLength(1000);
        b.Property(x => x.SummaryNotes).HasMaxLength(2000);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.SweepId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsSignedOff);
    }
}

internal sealed class SweepItemConfiguration : IEntityTypeConfiguration<SweepItem>
{
    public void Configure(EntityTypeBuilder<SweepItem> b)
    {
        b.HasIndex(x => new { x.SweepId, x.Kind });
        b.HasIndex(x => x.MutationId);
        b.Property(x => x.Detail).HasMaxLength(500);
        b.Property(x => x.CheckedBy).HasMaxLength(120);
        b.Property(x => x.CheckNote).HasMaxLength(1000);
    }
}
