using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Platform.Access;

/// <summary>A person as the store knows them now: what a session is checked against (stamp, enabled, roles, two-factor).</summary>
public sealed record StoredUser(string Id, string UserName, string SecurityStamp, bool IsDisabled, IReadOnlySet<string> Roles, bool TwoFactorEnabled);

/// <summary>
/// Reads the current state of a user for session checks: every cookie request, every circuit revalidation and every command
/// asks this instead of trusting the claims a session started with. One indexed lookup and one small join.
/// </summary>
public sealed class UserSessions(IDbContextFactory<MootaDeskDbContext> factory)
{
    /// <summary>Null when no such user exists (deleted, or an id from another database).</summary>
    public async Task<StoredUser?> LoadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.UserName, u.SecurityStamp, u.IsDisabled, u.TwoFactorEnabled }).FirstOrDefaultAsync(ct);
        if (user is null) return null;
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == userId)
            .Join(db.Roles.AsNoTracking(), ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct);
        return new StoredUser(user.Id, user.UserName ?? "", user.SecurityStamp ?? "", user.IsDisabled, roles.ToHashSet(StringComparer.Ordinal), user.TwoFactorEnabled);
    }
}
