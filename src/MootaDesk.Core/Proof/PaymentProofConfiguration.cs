using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Audit;

namespace MootaDesk.Core.Proof;

internal sealed class PaymentProofConfiguration : IEntityTypeConfiguration<PaymentProof>
{
    public void Configure(EntityTypeBuilder<PaymentProof> b)
    {
        b.Property(x => x.VerificationCode).HasMaxLength(16);
        b.Property(x => x.TokenId).HasMaxLength(32);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.CreatedById).HasMaxLength(64);
        b.Property(x => x.RevokedBy).HasMaxLength(256);
        b.Property(x => x.RevokeReason).HasMaxLength(300);
        // Removing demo data deletes its mutations; their proofs go too, and old links then say the proof is no longer valid.
        b.HasOne(x => x.Mutation).WithMany().HasForeignKey(x => x.MutationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Order).WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Events).WithOne(x => x.Proof).HasForeignKey(x => x.ProofId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TokenId).IsUnique();
        b.HasIndex(x => x.VerificationCode).IsUnique();
        b.HasIndex(x => new { x.MutationId, x.CreatedAt });
        // The weekly metric counts proofs by creation time.
        b.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class ProofEventConfiguration : IEntityTypeConfiguration<ProofEvent>
{
    public void Configure(EntityTypeBuilder<ProofEvent> b)
    {
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.Format).HasMaxLength(16);
        b.Property(x => x.Target).HasMaxLength(64);
        b.Property(x => x.Ip).HasMaxLength(64);
        b.HasIndex(x => new { x.ProofId, x.At });
        b.HasIndex(x => new { x.Kind, x.At });
    }
}
