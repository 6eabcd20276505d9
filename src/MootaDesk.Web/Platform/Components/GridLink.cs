using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MootaDesk.Web.Platform.Components;

/// <summary>
/// A server-paged <c>MudDataGrid</c>'s page and rows per page kept in the link, as Mutasi does (decision 026): <c>hal=</c>
/// (1-based, left out on the first page) and <c>baris=</c> (one of <see cref="PageSizes"/>, left out at the default). The
/// link is replaced, not pushed, as the grid moves, so Back leaves the page. One instance per grid.
/// </summary>
public sealed class GridLink
{
    public const string PageKey = "hal";
    public const string PageSizeKey = "baris";

    /// <summary>Rows per page the pager offers.</summary>
    public static readonly int[] PageSizes = [25, 50, 100, 200];

    private int? pageFromLink;

    public GridLink(int defaultPageSize = 50) => DefaultPageSize = PageSizes.Contains(defaultPageSize) ? defaultPageSize : 50;

    public int DefaultPageSize { get; }

    /// <summary>Bound to the grid's <c>CurrentPage</c> (0-based).</summary>
    public int CurrentPage { get; set; }

    /// <summary>Bound to the grid's <c>RowsPerPage</c>.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>The grid's start from the link: page 0-based (a missing or nonsense page is the first), rows per page one of <see cref="PageSizes"/>.</summary>
    public static (int Page, int Size) Position(int? pageNumber, int? size, int defaultPageSize) =>
        (pageNumber is > 1 and < 1_000_000 ? pageNumber.Value - 1 : 0, size is int s && PageSizes.Contains(s) ? s : defaultPageSize);

    /// <summary>Takes the link's <c>hal=</c> and <c>baris=</c> when the page starts.</summary>
    public void Start(int? pageNumber, int? size)
    {
        var (page, rows) = Position(pageNumber, size, DefaultPageSize);
        PageSize = rows;
        pageFromLink = page > 0 ? page : null;
    }

    /// <summary>
    /// After the first page of rows has loaded: the page the link asked for, when it exists. MudDataGrid goes back to the
    /// first page whenever it takes its rows per page, so the link's page is reached in a second step.
    /// </summary>
    public int? TakePageFromLink(int pageSize, int total)
    {
        if (pageFromLink is not int target) return null;
        pageFromLink = null;
        return target * pageSize < total ? target : null;
    }

    /// <summary>The query parameters for a grid position (null removes one), to merge with the page's own filter parameters.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Query(int page, int size) =>
    [
        new(PageKey, page > 0 ? page + 1 : null),
        new(PageSizeKey, size != DefaultPageSize ? size : null),
    ];

    /// <summary>Replaces the link with one carrying the filter and the grid position, when it differs from the current one.</summary>
    public static void Replace(NavigationManager nav, IEnumerable<KeyValuePair<string, object?>> parameters)
    {
        var url = nav.GetUriWithQueryParameters(parameters.ToDictionary(p => p.Key, p => p.Value));
        if (!string.Equals(url, nav.Uri, StringComparison.Ordinal)) nav.NavigateTo(url, replace: true);
    }

    /// <summary>
    /// After a page of rows has loaded: the link's page to move the grid to (once, when it exists), or null after writing the
    /// filter and the grid's position into the link.
    /// </summary>
    public int? AfterLoad(NavigationManager nav, int page, int size, int total, IEnumerable<KeyValuePair<string, object?>> filter)
    {
        if (TakePageFromLink(size, total) is int target) return target;
        Replace(nav, filter.Concat(Query(page, size)));
        return null;
    }

    /// <summary>Back to the first page with fresh rows, after the filter outside the grid changed.</summary>
    public static async Task FirstPageAsync<T>(MudDataGrid<T>? grid)
    {
        if (grid is null) return;
        if (grid.CurrentPage == 0) await grid.ReloadServerData();
        else grid.NavigateTo(MudBlazor.Page.First);
    }
}
