using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Settings;

public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, DateTime CreatedAt);

public sealed record UserResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly UserResult Ok = new(true, []);
    public static UserResult Fail(params string[] errors) => new(false, errors);
    public static UserResult From(IdentityResult r) => r.Succeeded ? Ok : new(false, r.Errors.Select(e => e.Description).ToList());
}

/// <summary>
/// The Owner's user management: create, roles, disable, reset password, and the one-time Owner setup. Every
/// operation runs in its own DI scope (one DbContext per operation) and is audited. The Owner check is made
/// here as well as on the page, so no other caller can skip it.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, IDbContextFactory<MootaDeskDbContext> factory, AuditLog audit, TimeProvider time)
{
    private static readonly SemaphoreSlim SetupGate = new(1, 1);

    public async Task<bool> AnyUserAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(ct);
    }

    /// <summary>Creates the first user as Owner. Refused once any user exists, even when two browsers race.</summary>
    public async Task<UserResult> CreateOwnerAsync(string userName, string displayName, string password, string? businessName, string? ip)
    {
        await SetupGate.WaitAsync();
        try
        {
            if (await AnyUserAsync()) return UserResult.Fail("setup-done");
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName.Trim(), DisplayName = displayName.Trim(), CreatedAt = time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return UserResult.From(created);
            await users.AddToRoleAsync(user, Roles.Owner);
            await AuditAsync(new Actor(user.UserName!, user.Id, ip), "user.setup-owner", user.Id, null, new { user.UserName, roles = new[] { Roles.Owner } });
            if (!string.IsNullOrWhiteSpace(businessName))
                await scope.ServiceProvider.GetRequiredService<BusinessSettings>()
                    .SetAsync(BusinessSettings.BusinessNameKey, businessName.Trim(), new Actor(user.UserName!, user.Id, ip));
            return UserResult.Ok;
        }
        finally { SetupGate.Release(); }
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(Viewer viewer, CancellationToken ct = default)
    {
        EnsureOwner(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            }).ToListAsync(ct);
        return rows.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, u.Roles, u.IsDisabled, u.LockoutEnd > now, u.CreatedAt)).ToList();
    }

    public async Task<UserResult> CreateAsync(Viewer viewer, Actor actor, string userName, string displayName, string password, IReadOnlyCollection<string> roles)
    {
        EnsureOwner(viewer);
        if (roles.Count == 0) return UserResult.Fail("roles-required");
        if (roles.Except(Roles.All).Any()) return UserResult.Fail("unknown-role");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName.Trim(), DisplayName = displayName.Trim(), CreatedAt = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return UserResult.From(created);
        await users.AddToRolesAsync(user, roles);
        await AuditAsync(actor, "user.create", user.Id, null, new { user.UserName, roles });
        return UserResult.Ok;
    }

    public async Task<UserResult> SetRolesAsync(Viewer viewer, Actor actor, string userId, IReadOnlyCollection<string> roles)
    {
        EnsureOwner(viewer);
        if (roles.Count == 0) return UserResult.Fail("roles-required");
        if (roles.Except(Roles.All).Any()) return UserResult.Fail("unknown-role");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return UserResult.Fail("not-found");
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Owner) && !roles.Contains(Roles.Owner) && await IsLastActiveOwnerAsync(users, user))
            return UserResult.Fail("last-owner");
        await users.RemoveFromRolesAsync(user, current.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(current));
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, "user.roles", user.Id, new { roles = current }, new { roles });
        return UserResult.Ok;
    }

    public async Task<UserResult> SetDisabledAsync(Viewer viewer, Actor actor, string userId, bool disabled)
    {
        EnsureOwner(viewer);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return UserResult.Fail("not-found");
        if (disabled && user.Id == actor.UserId) return UserResult.Fail("self-disable");
        if (disabled && (await users.GetRolesAsync(user)).Contains(Roles.Owner) && await IsLastActiveOwnerAsync(users, user))
            return UserResult.Fail("last-owner");
        var before = user.IsDisabled;
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        // A new security stamp ends the person's open sessions at the next validation (within a minute).
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, disabled ? "user.disable" : "user.enable", user.Id, new { disabled = before }, new { disabled });
        return UserResult.Ok;
    }

    public async Task<UserResult> ResetPasswordAsync(Viewer viewer, Actor actor, string userId, string newPassword)
    {
        EnsureOwner(viewer);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return UserResult.Fail("not-found");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded) return UserResult.From(result);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        scope.ServiceProvider.GetService<SignInLockout>()?.Clear(user.UserName!);
        // The password itself is never written to the audit trail.
        await AuditAsync(actor, "user.reset-password", user.Id, null, new { user.UserName });
        return UserResult.Ok;
    }

    private static async Task<bool> IsLastActiveOwnerAsync(UserManager<AppUser> users, AppUser user)
    {
        var owners = await users.GetUsersInRoleAsync(Roles.Owner);
        return owners.Count(o => !o.IsDisabled && o.Id != user.Id) == 0;
    }

    private static void EnsureOwner(Viewer viewer)
    {
        if (!viewer.Can(Actions.ManageUsers)) throw new UnauthorizedAccessException("Only the Owner manages users.");
    }

    private Task AuditAsync(Actor actor, string action, string userId, object? before, object? after) =>
        audit.WriteAsync(actor, action, "User", userId, before, after);
}
