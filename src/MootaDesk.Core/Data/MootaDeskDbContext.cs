using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Domain;

namespace MootaDesk.Core.Data;

/// <summary>
/// The one store: domain data and Identity's users share a database so a change and its audit row commit together.
/// Entity shapes live in Configurations/ (one file per aggregate); adding an area means adding a DbSet and a configuration.
/// </summary>
public class MootaDeskDbContext(DbContextOptions<MootaDeskDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Mutation> Mutations => Set<Mutation>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<MutationTag> MutationTags => Set<MutationTag>();
    public DbSet<MutationNote> MutationNotes => Set<MutationNote>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AppSetting> Settings => Set<AppSetting>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Integration> Integrations => Set<Integration>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<StatementImportMapping> StatementImportMappings => Set<StatementImportMapping>();
    public DbSet<StatementImport> StatementImports => Set<StatementImport>();
    public DbSet<MootaSyncRun> MootaSyncRuns => Set<MootaSyncRun>();
    public DbSet<Domain.Proof> Proofs => Set<Domain.Proof>();
    public DbSet<ProofEvent> ProofEvents => Set<ProofEvent>();
    public DbSet<DailySweep> Sweeps => Set<DailySweep>();
    public DbSet<SweepItem> SweepItems => Set<SweepItem>();
    public DbSet<CsTask> CsTasks => Set<CsTask>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<AutoTagRule> AutoTagRules => Set<AutoTagRule>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MootaDeskDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite has no decimal type: stored as whole sen (INTEGER) so that comparison, ordering and SUM run
        // in SQL, exactly, and use indexes. Amounts never carry more than two decimals.
        configuration.Properties<decimal>().HaveConversion<MoneyToSenConverter>().HavePrecision(18, 2);
        configuration.Properties<decimal?>().HaveConversion<MoneyToSenConverter>().HavePrecision(18, 2);

        // Everything is stored in UTC; SQLite gives back DateTimeKind.Unspecified, so say so on the way out.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
