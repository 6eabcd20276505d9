using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Integrations;

namespace MootaDesk.Core.Platform.Store;

/// <summary>
/// The webhook inbox, kept in a SQLite file of its own (docs/decisions/012-webhook-inbox-own-file.md). SQLite lets
/// one writer in per file: with the inbox in the main file, every delivery Moota waits on queued behind the
/// processor's ingest transaction. In its own file a delivery's INSERT only ever waits for another tiny inbox write.
/// Nothing in the main store points at these rows by constraint; mutations carry the delivery id as a plain value.
/// </summary>
public class InboxDbContext(DbContextOptions<InboxDbContext> options) : DbContext(options)
{
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<WebhookDelivery>(b =>
        {
            b.HasIndex(x => new { x.Status, x.Id });
            b.HasIndex(x => x.ReceivedAt);
            b.Property(x => x.SourceIp).HasMaxLength(64);
            // The few deliveries whose body still waits for redaction (a new one until it is done with, and what an older
            // version left): the processor finds them without reading the whole inbox.
            b.HasIndex(x => x.Id).HasDatabaseName("IX_WebhookDeliveries_BodyNotRedacted").HasFilter("NOT \"BodyRedacted\"");
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => StoreConventions.Apply(configuration, this);
}
