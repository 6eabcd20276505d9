using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;

namespace MootaDesk.Core.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(x => x.Reference).HasMaxLength(64);
        b.Property(x => x.CustomerName).HasMaxLength(120);
        b.Property(x => x.WhatsApp).HasMaxLength(32);
        b.Property(x => x.CreatedBy).HasMaxLength(120);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.Status, x.PayableAmount });
        // The collision rule held by the database itself: among pending orders of one account (real and sandbox
        // apart), a payable amount occurs once. The allocator expires overdue orders first, so "pending" is "open".
        b.HasIndex(x => new { x.AccountId, x.IsSandbox, x.PayableAmount }).IsUnique().HasFilter("\"Status\" = 0")
            .HasDatabaseName("IX_Orders_OpenPayableAmount");
        b.HasIndex(x => new { x.Status, x.ExpiresAt });
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => x.MatchedMutationId);
        b.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
