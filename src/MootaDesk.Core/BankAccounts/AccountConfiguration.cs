using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.BankAccounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(x => x.BankCode).HasMaxLength(40);
        b.Property(x => x.AccountNumber).HasMaxLength(40);
        b.Property(x => x.HolderName).HasMaxLength(120);
        b.Property(x => x.Label).HasMaxLength(120);
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.HasIndex(x => new { x.BankCode, x.AccountNumber }).IsUnique();
        b.HasIndex(x => x.ExternalId);
    }
}
