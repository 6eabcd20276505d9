using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MootaDesk.Core.Data;

/// <summary>Lets `dotnet ef migrations add X --project src/MootaDesk.Core` work without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MootaDeskDbContext>
{
    public MootaDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MootaDeskDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class DesignTimeInboxDbContextFactory : IDesignTimeDbContextFactory<Inbox.InboxDbContext>
{
    public Inbox.InboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<Inbox.InboxDbContext>().UseSqlite("Data Source=design-time-inbox.db").Options);
}
