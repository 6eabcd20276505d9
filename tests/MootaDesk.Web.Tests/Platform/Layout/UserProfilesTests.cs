using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform.Layout;

/// <summary>What the app bar calls a person: their display name from the store; the login name only when no display name was given.</summary>
public class UserProfilesTests
{
    [Theory]
    [InlineData("Sari Wulandari", "Sari Wulandari")]
    [InlineData("  ", "owner")]
    public async Task The_header_name_is_the_display_name_and_the_login_name_only_when_none_was_given(string displayName, string shown)
    {
        await using var test = await TestDatabase.CreateAsync();
        await using (var db = test.CreateDbContext())
        {
            db.Users.Add(new AppUser { Id = "u1", UserName = "owner", NormalizedUserName = "OWNER", DisplayName = displayName, SecurityStamp = "s" });
            await db.SaveChangesAsync();
        }

        var profile = await new UserProfiles(test).LoadAsync("u1");

        profile.ShouldNotBeNull().DisplayName.ShouldBe(shown);
        (await new UserProfiles(test).LoadAsync("nobody")).ShouldBeNull();
    }
}
