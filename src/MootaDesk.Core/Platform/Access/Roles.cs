using Microsoft.AspNetCore.Identity;

namespace MootaDesk.Core.Platform.Access;

/// <summary>The four roles. Names are stored in Identity's role table, so they never change.</summary>
public static class Roles
{
    public const string Owner = "Owner";
    public const string Finance = "Finance";
    public const string Ops = "Ops";
    public const string CS = "CS";

    public static readonly string[] All = [Owner, Finance, Ops, CS];
}
