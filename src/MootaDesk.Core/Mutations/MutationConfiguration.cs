using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;

namespace MootaDesk.Core.Mutations;

internal sealed class MutationConfiguration : IEntityTypeConfiguration<Mutation>
{
    public void Configure(EntityTypeBuilder<Mutation> b)
    {
        b.Property(x => x.SourceId).HasMaxLength(128);
        b.Property(x => x.MootaMutationId).HasMaxLength(128);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Counterparty).HasMaxLength(200);
        b.Property(x => x.OrderReference).HasMaxLength(64);
        b.Property(x => x.DismissedBy).HasMaxLength(120);
        b.Property(x => x.DismissReason).HasMaxLength(500);
        b.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tags).WithOne(x => x.Mutation).HasForeignKey(x => x.MutationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Notes).WithOne().HasForeignKey(x => x.MutationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Sightings).WithOne().HasForeignKey(x => x.MutationId).OnDelete(DeleteBehavior.Cascade);

        // The first channel's idempotency key: a resent webhook or a re-imported statement never makes a second row. Sandbox
        // practice and real money are apart here too, like the Moota identity below.
        b.HasIndex(x => new { x.Source, x.SourceId, x.IsSandbox }).IsUnique();
        // One row per Moota mutation, whichever Moota channel brought it; sandbox practice and real money stay apart.
        b.HasIndex(x => new { x.MootaMutationId, x.IsSandbox }).IsUnique().HasFilter("\"MootaMutationId\" IS NOT NULL")
            .HasDatabaseName("IX_Mutations_MootaIdentity");
        // Statement rows and Moota deliveries meet on account, bank date and amount: one range read per account and file.
        b.HasIndex(x => new { x.AccountId, x.BankDate, x.Amount });
        // Moota rows stored twice before one identity existed (webhook and pull): the migration leaves the later copies
        // without MootaMutationId, so the duplicates review finds them without reading every Moota row.
        b.HasIndex(x => x.SourceId, "IX_Mutations_MootaCopies").HasFilter("\"MootaMutationId\" IS NULL AND \"Source\" IN (0, 1)");
        // Filters always carry a time range and are shown newest first; these keep first pages cheap.
        b.HasIndex(x => x.TransactionTime);
        b.HasIndex(x => new { x.AccountId, x.TransactionTime });
        b.HasIndex(x => new { x.Direction, x.TransactionTime });
        b.HasIndex(x => new { x.Amount, x.TransactionTime });
        b.HasIndex(x => new { x.Status, x.TransactionTime });
        b.HasIndex(x => x.OrderReference);
        // Mutasi filters whose values can match almost nothing (a source, sandbox only) would otherwise scan the
        // whole table to fill a page; with these they read only matching rows, newest first (docs/performance.md).
        b.HasIndex(x => new { x.Source, x.TransactionTime });
        b.HasIndex(x => new { x.IsSandbox, x.TransactionTime });
        // "Sandbox only" over a table of real money: SQLite's statistics only know IsSandbox has two values, so it
        // walked the whole time index to find none. A partial index holds just the sandbox rows and is chosen
        // because the query's WHERE repeats its condition (EF writes a bool filter as "IsSandbox").
        b.HasIndex(x => x.TransactionTime, "IX_Mutations_SandboxOnly_TransactionTime").HasFilter("\"IsSandbox\"");
        b.HasIndex(x => x.ReadTime);
        // Provisional rows (read from a phone notification) waiting for the bank's mutation: few at any time, looked up on every
        // Moota delivery and statement row, and listed by the sweep when they stay unconfirmed too long.
        b.HasIndex(x => new { x.AccountId, x.TransactionTime }, "IX_Mutations_Provisional").HasFilter("\"IsProvisional\"");
        // The inbox processor counts each batch's new rows by delivery, and the webhook log lists a delivery's
        // mutations: without this every batch scanned the whole table. Partial: most mutations name no delivery.
        b.HasIndex(x => x.WebhookDeliveryId).HasFilter("\"WebhookDeliveryId\" IS NOT NULL");
    }
}

internal sealed class MutationTagConfiguration : IEntityTypeConfiguration<MutationTag>
{
    public void Configure(EntityTypeBuilder<MutationTag> b)
    {
        b.HasKey(x => new { x.MutationId, x.TagId });
        b.HasIndex(x => new { x.TagId, x.MutationId });
        b.HasOne(x => x.Tag).WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.TaggedBy).HasMaxLength(120);
    }
}

internal sealed class MutationNoteConfiguration : IEntityTypeConfiguration<MutationNote>
{
    public void Configure(EntityTypeBuilder<MutationNote> b)
    {
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.Author).HasMaxLength(120);
        b.HasIndex(x => new { x.MutationId, x.CreatedAt });
    }
}

internal sealed class MutationSightingConfiguration : IEntityTypeConfiguration<MutationSighting>
{
    public void Configure(EntityTypeBuilder<MutationSighting> b)
    {
        b.Property(x => x.ExternalRef).HasMaxLength(300);
        b.HasIndex(x => new { x.MutationId, x.Channel }).IsUnique();
        b.HasIndex(x => x.WebhookDeliveryId).HasFilter("\"WebhookDeliveryId\" IS NOT NULL");
    }
}
