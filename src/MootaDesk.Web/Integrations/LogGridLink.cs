using System.Globalization;
using MootaDesk.Web.Platform.Components;

namespace MootaDesk.Web.Integrations;

/// <summary>
/// Where a log grid stands, in its link like Mutasi's (decision 026): the page as <c>hal=</c> (1-based, left out on the first)
/// and rows per page as <c>baris=</c> (one of <see cref="GridLink.PageSizes"/>, left out at <see cref="DefaultPageSize"/>), after the
/// page's own filter keys. A shared or reloaded link opens the same rows. The keys and the reading rule are
/// <see cref="GridLink"/>'s, written once; the logs only start at 25 rows.
/// </summary>
public static class LogGridLink
{
    public const string PageKey = GridLink.PageKey;
    public const string PageSizeKey = GridLink.PageSizeKey;
    public const int DefaultPageSize = 25;

    /// <summary>The grid's start from the link: page 0-based (missing or nonsense is the first), rows per page one of <see cref="GridLink.PageSizes"/>.</summary>
    public static (int Page, int Size) Position(int? pageNumber, int? size) => GridLink.Position(pageNumber, size, DefaultPageSize);

    /// <summary>"<paramref name="path"/>?filter…&amp;hal=3&amp;baris=50": the filter's parts (name, value; null values left out), then the position.</summary>
    public static string For(string path, IEnumerable<(string Key, string? Value)> filter, int page, int size)
    {
        var parts = filter.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        if (page > 0) parts.Add(PageKey + "=" + (page + 1).ToString(CultureInfo.InvariantCulture));
        if (size != DefaultPageSize) parts.Add(PageSizeKey + "=" + size.ToString(CultureInfo.InvariantCulture));
        return parts.Count > 0 ? path + "?" + string.Join("&", parts) : path;
    }
}
