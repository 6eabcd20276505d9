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
        // The five lines are one value; their columns keep the names they always had, so no data moves.
        b.ComplexProperty(x => x.Summary, s =>
        {
            s.Property(x => x.Income).HasColumnName("SummaryIncome").HasMaxLength(OwnerSummary.LineMaxLength);
            s.Property(x => x.Outflows).HasColumnName("SummaryOutflows").HasMaxLength(OwnerSummary.LineMaxLength);
            s.Property(x => x.PendingOrders).HasColumnName("SummaryPendingOrders").HasMaxLength(OwnerSummary.LineMaxLength);
            s.Property(x => x.Refunds).HasColumnName("SummaryRefunds").HasMaxLength(OwnerSummary.LineMaxLength);
            s.Property(x => x.Notes).HasColumnName("SummaryNotes").HasMaxLength(OwnerSummary.NotesMaxLength);
        });
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
