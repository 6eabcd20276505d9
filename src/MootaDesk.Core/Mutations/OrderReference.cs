using System.Text.RegularExpressions;

namespace MootaDesk.Core.Mutations;

/// <summary>
/// The order reference a person types on a mutation: 3–64 characters of letters, digits and - _ # / .
/// (covers "INV-0001234", "#A1029", "SO/2026/11/004"), no spaces, so it can be searched and matched exactly.
/// </summary>
public static partial class OrderReference
{
    public const int MinLength = 3;
    public const int MaxLength = 64;

    [GeneratedRegex(@"^[A-Za-z0-9\-_#/.]{3,64}$")]
    private static partial Regex Shape();

    /// <summary>Trimmed reference, or null for blank input (which clears the field).</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static bool IsValid(string? text) => Clean(text) is not string s || Shape().IsMatch(s);
}
