using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Sweep;

namespace MootaDesk.Core.Platform.Store;

/// <summary>
/// The main store: domain data and Identity's users share a database so a change and its audit row commit together.
/// The webhook inbox alone lives in its own file (<see cref="Inbox.InboxDbContext"/>).
/// Entity shapes live in Configurations/ (one file per aggregate); adding an area means adding a DbSet and a configuration.
/// </summary>
public class MootaDeskDbContext(DbContextOptions<MootaDeskDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
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
    public DbSet<StatementImportMapping> StatementImportMappings => Set<StatementImportMapping>();
    public DbSet<StatementImport> StatementImports => Set<StatementImport>();
    public DbSet<MootaSyncRun> MootaSyncRuns => Set<MootaSyncRun>();
    public DbSet<PaymentProof> Proofs => Set<PaymentProof>();
    public DbSet<ProofEvent> ProofEvents => Set<ProofEvent>();
    public DbSet<DailySweep> Sweeps => Set<DailySweep>();
    public DbSet<SweepItem> SweepItems => Set<SweepItem>();
    public DbSet<CsTask> CsTasks => Set<CsTask>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<AutoTagRule> AutoTagRules => Set<AutoTagRule>();
    public DbSet<MutationSighting> MutationSightings => Set<MutationSighting>();
    public DbSet<MutationConflict> MutationConflicts => Set<MutationConflict>();
    public DbSet<MutationMerge> MutationMerges => Set<MutationMerge>();
    public DbSet<Integrations.Notifications.NotificationDevice> NotificationDevices => Set<Integrations.Notifications.NotificationDevice>();
    public DbSet<Integrations.Notifications.NotificationPost> NotificationPosts => Set<Integrations.Notifications.NotificationPost>();

    /// <summary>ASP.NET Core Data Protection's key ring: every instance reads the cookies and links another one made.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MootaDeskDbContext).Assembly);
        if (this.IsPostgreSql()) PostgreSqlModel.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => StoreConventions.Apply(configuration, this);
}
