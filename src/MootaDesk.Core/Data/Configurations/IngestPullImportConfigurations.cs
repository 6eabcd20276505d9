using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MootaDesk.Core.Domain;

namespace MootaDesk.Core.Data.Configurations;

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

internal sealed class StatementImportConfiguration : IEntityTypeConfiguration<StatementImport>
{
    public void Configure(EntityTypeBuilder<StatementImport> b)
    {
        b.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AccountId, x.ImportedAt });
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.FileSha256).HasMaxLength(64);
        b.Property(x => x.ImportedBy).HasMaxLength(120);
    }
}

internal sealed class MootaSyncRunConfiguration : IEntityTypeConfiguration<MootaSyncRun>
{
    public void Configure(EntityTypeBuilder<MootaSyncRun> b)
    {
        b.HasOne<Integration>().WithMany().HasForeignKey(x => x.IntegrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.IntegrationId, x.StartedAt });
        b.Property(x => x.Error).HasMaxLength(1000);
    }
}
