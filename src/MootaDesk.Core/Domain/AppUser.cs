using Microsoft.AspNetCore.Identity;

namespace MootaDesk.Core.Domain;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public string PreferredCulture { get; set; } = "id-ID";
    public DateTime CreatedAt { get; set; }
}

/// <summary>The four roles. Names are stored in Identity's role table, so they never change.</summary>
public static class Roles
{
    public const string Owner = "Owner";
    public const string Finance = "Finance";
    public const string Ops = "Ops";
    public const string CS = "CS";

    public static readonly string[] All = [Owner, Finance, Ops, CS];
}
