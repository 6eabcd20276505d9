using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MootaDesk.Core.Domain;

namespace MootaDesk.Core.Data.Configurations;

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
