using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Platform.Store;

/// <summary>Lets `dotnet ef migrations add X --project src/MootaDesk.Core` work without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MootaDeskDbContext>
{
    public MootaDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MootaDeskDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class DesignTimeInboxDbContextFactory : IDesignTimeDbContextFactory<InboxDbContext>
{
    public InboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InboxDbContext>().UseSqlite("Data Source=design-time-inbox.db").Options);
}
