using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MootaDesk.Core.Domain;

namespace MootaDesk.Core.Data.Configurations;

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

internal sealed class MutationConfiguration : IEntityTypeConfiguration<Mutation>
{
    public void Configure(EntityTypeBuilder<Mutation> b)
    {
        b.Property(x => x.SourceId).HasMaxLength(128);
        b.Property(x => x.MootaMutationId).HasMaxLength(128);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Counterparty).HasMaxLength(200);
        b.Property(x => x.OrderReference).HasMaxLength(64);
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
        // The inbox processor counts each batch's new rows by delivery, and the webhook log lists a delivery's
        // mutations: without this every batch scanned the whole table. Partial: most mutations name no delivery.
        b.HasIndex(x => x.WebhookDeliveryId).HasFilter("\"WebhookDeliveryId\" IS NOT NULL");
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.NormalizedName).HasMaxLength(60);
        b.Property(x => x.Color).HasMaxLength(16);
        b.Property(x => x.Meaning).HasMaxLength(300);
        b.HasIndex(x => x.NormalizedName).IsUnique();
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

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(x => x.Actor).HasMaxLength(120);
        b.Property(x => x.Action).HasMaxLength(60);
        b.Property(x => x.EntityType).HasMaxLength(60);
        b.Property(x => x.EntityId).HasMaxLength(64);
        b.Property(x => x.Ip).HasMaxLength(64);
        b.HasIndex(x => new { x.EntityType, x.EntityId, x.At });
        b.HasIndex(x => x.At);
    }
}

internal sealed class AppSettingConfiguration : IEntityTypeConfiguration<AppSetting>
{
    public void Configure(EntityTypeBuilder<AppSetting> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Value).HasMaxLength(4000);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.Text).HasMaxLength(500);
        b.HasIndex(x => new { x.Role, x.CreatedAt });
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.HasIndex(x => x.KeyHash).IsUnique();
    }
}

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.WebhookSecret).HasMaxLength(200);
        b.Property(x => x.ApiToken).HasMaxLength(2000);
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

internal sealed class MutationConflictConfiguration : IEntityTypeConfiguration<MutationConflict>
{
    public void Configure(EntityTypeBuilder<MutationConflict> b)
    {
        b.Property(x => x.MootaMutationId).HasMaxLength(128);
        b.Property(x => x.IncomingAccountText).HasMaxLength(120);
        b.Property(x => x.IncomingDescription).HasMaxLength(500);
        b.Property(x => x.ResolvedBy).HasMaxLength(120);
        b.HasOne<Mutation>().WithMany().HasForeignKey(x => x.MutationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.DetectedAt });
        b.HasIndex(x => x.MutationId);
        b.HasIndex(x => x.WebhookDeliveryId).HasFilter("\"WebhookDeliveryId\" IS NOT NULL");
    }
}

internal sealed class MutationMergeConfiguration : IEntityTypeConfiguration<MutationMerge>
{
    public void Configure(EntityTypeBuilder<MutationMerge> b)
    {
        b.Property(x => x.By).HasMaxLength(120);
        b.Property(x => x.UndoneBy).HasMaxLength(120);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.KeptMutationId, x.OtherMutationId });
    }
}
