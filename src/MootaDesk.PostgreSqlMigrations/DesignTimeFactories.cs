using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.PostgreSqlMigrations;

/// <summary>
/// Lets `dotnet ef migrations add X --project src/MootaDesk.PostgreSqlMigrations` build the PostgreSQL model of each
/// context (scripts/add-migration.sh). Adding a migration never connects, so the connection string is only a shape.
/// </summary>
internal sealed class DesignTimeMainFactory : IDesignTimeDbContextFactory<MootaDeskDbContext>
{
    public MootaDeskDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<MootaDeskDbContext>)DatabaseSetup.ConfigureNpgsql(new DbContextOptionsBuilder<MootaDeskDbContext>(), DesignTime.Connection, null).Options);
}

internal sealed class DesignTimeInboxFactory : IDesignTimeDbContextFactory<InboxDbContext>
{
    public InboxDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<InboxDbContext>)DatabaseSetup.ConfigureNpgsql(new DbContextOptionsBuilder<InboxDbContext>(), DesignTime.Connection, DatabaseSetup.InboxHistoryTable).Options);
}

internal static class DesignTime
{
    public const string Connection = "Host=localhost;Database=mootadesk_design_time";
}
