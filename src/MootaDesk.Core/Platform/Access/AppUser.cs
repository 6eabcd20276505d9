using Microsoft.AspNetCore.Identity;

namespace MootaDesk.Core.Platform.Access;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public string PreferredCulture { get; set; } = "id-ID";
    public DateTime CreatedAt { get; set; }
}
