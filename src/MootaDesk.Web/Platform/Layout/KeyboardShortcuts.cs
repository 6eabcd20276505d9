using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Web.Platform.Layout;

/// <summary>One keyboard shortcut as the help dialog shows it: the keys ("g m"), what it does (a SharedText key), where it leads.</summary>
public sealed record Shortcut(string Keys, string TextKey, string? Href = null);

/// <summary>
/// The keyboard shortcuts of the app (brand/shortcuts.js listens; none fires while the person types in a field) and of Mutasi
/// (its grid and filter handle those themselves), for the help dialog "?" opens. "g" then a letter goes to an area: the letters
/// are the sidebar's (<see cref="NavItem.GoKey"/>), so only areas the person's menu shows can be reached.
/// </summary>
public static class KeyboardShortcuts
{
    public const string Help = "?";
    public const string Search = "/";
    public const string GoHome = "g h";

    /// <summary>The app-wide shortcuts someone with <paramref name="roles"/> can use, areas in sidebar order.</summary>
    public static IReadOnlyList<Shortcut> App(IEnumerable<string> roles, IReadOnlyCollection<string>? withheld = null) =>
    [
        new(Help, "Shortcuts.Help"),
        new(Search, "Shortcuts.Search"),
        new(GoHome, "Nav.Home", AppUrls.Home),
        .. NavigationModel.For(roles, withheld).SelectMany(g => g).Where(i => i.GoKey is not null)
            .Select(i => new Shortcut("g " + i.GoKey, i.TextKey, i.Href)),
    ];

    /// <summary>Mutasi's own keys (its grid and filter panel listen for them; the page's toolbar names them too).</summary>
    public static readonly IReadOnlyList<Shortcut> Mutations =
    [
        new("Enter", "Shortcuts.Mutations.Apply"),
        new("a", "Shortcuts.Mutations.SelectPage"),
        new("Esc", "Shortcuts.Mutations.Clear"),
        new("u", "Shortcuts.Mutations.Undo"),
    ];

    /// <summary>Where "g x" leads for these roles, or null when the sequence is unknown or the area is not theirs.</summary>
    public static string? Target(string keys, IEnumerable<string> roles, IReadOnlyCollection<string>? withheld = null) =>
        App(roles, withheld).FirstOrDefault(s => s.Keys == keys)?.Href;
}
