using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Platform.Access;

/// <summary>What the header shows of a person and how they like the screen: their display name and light or dark colours.</summary>
public sealed record UserProfile(string DisplayName, bool DarkMode);

/// <summary>
/// Reads and keeps a person's own screen preferences. The dark-mode choice is a row in Identity's user-claims table
/// (<see cref="DarkModeClaim"/> = "dark"), so it follows the person to every browser and needs no schema change;
/// it is not money-related and is not audited.
/// </summary>
public sealed class UserProfiles(IDbContextFactory<MootaDeskDbContext> factory)
{
    /// <summary>Claim type of the dark-mode choice; present with value "dark" when chosen, absent for light.</summary>
    public const string DarkModeClaim = "mootadesk:theme";

    /// <summary>The profile of user <paramref name="userId"/>; null when no such user exists.</summary>
    public async Task<UserProfile?> LoadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.UserName }).FirstOrDefaultAsync(ct);
        if (user is null) return null;
        var dark = await db.UserClaims.AsNoTracking()
            .AnyAsync(c => c.UserId == userId && c.ClaimType == DarkModeClaim && c.ClaimValue == "dark", ct);
        return new UserProfile(string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName, dark);
    }

    /// <summary>Remembers light (<paramref name="dark"/> false) or dark colours for user <paramref name="userId"/>.</summary>
    public async Task SetDarkModeAsync(string userId, bool dark, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.UserClaims.Where(c => c.UserId == userId && c.ClaimType == DarkModeClaim).ExecuteDeleteAsync(ct);
        if (dark)
        {
            db.UserClaims.Add(new IdentityUserClaim<string> { UserId = userId, ClaimType = DarkModeClaim, ClaimValue = "dark" });
            await db.SaveChangesAsync(ct);
        }
    }
}
