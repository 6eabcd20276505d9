using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.BankAccounts.Statements;

internal sealed class StatementImportMappingConfiguration : IEntityTypeConfiguration<StatementImportMapping>
{
    public void Configure(EntityTypeBuilder<StatementImportMapping> b)
    {
        b.HasIndex(x => x.AccountId).IsUnique();
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        foreach (var p in new[] { "DateColumn", "TimeColumn", "DescriptionColumn", "AmountColumn", "DebitColumn", "CreditColumn", "MarkerColumn", "BalanceColumn", "ExtraDescriptionColumn" })
            b.Property<string?>(p).HasMaxLength(200);
        b.Property(x => x.DateFormat).HasMaxLength(40);
        b.Property(x => x.Layout).HasMaxLength(40);
        b.Property(x => x.UpdatedBy).HasMaxLength(120);
    }
}
