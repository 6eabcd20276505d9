using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Browser.Tests.Infrastructure;

/// <summary>
/// People added straight into a running app's store, as the Owner would add them on Pengaturan: a test of another area
/// then does not depend on the settings page's markup. The app hashes and checks the password as for anyone else.
/// </summary>
public static class StoreUsers
{
    public static async Task AddAsync(AppServer app, string userName, string displayName, string password, string role)
    {
        var options = new DbContextOptionsBuilder<MootaDeskDbContext>();
        DatabaseSetup.Configure(options, StoreLocation.For(StoreProvider.Sqlite, $"Data Source={app.DatabasePath};Pooling=False", null,
            Path.GetDirectoryName(app.DatabasePath)!));
        await using var db = new MootaDeskDbContext((DbContextOptions<MootaDeskDbContext>)options.Options);
        var user = new AppUser
        {
            UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow,
        };
        user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, password);
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
    }
}
