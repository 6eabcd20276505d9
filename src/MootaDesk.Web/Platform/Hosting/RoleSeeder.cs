using Microsoft.AspNetCore.Identity;
using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Web.Platform.Hosting;

internal static class RoleSeeder
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
