using System.Globalization;

namespace MootaDesk.Core.Mutations;

/// <summary>
/// A link to one mutation in the Mutasi page: a filter link like any other (account, day, exact amount) so the grid shows
/// the row among its neighbours, plus <c>buka={id}</c>, which opens the row's detail drawer.
/// </summary>
public static class MutationLink
{
    /// <summary>The query key that opens a mutation's drawer; ignored by <see cref="MutationFilter.Parse"/>.</summary>
    public const string OpenKey = "buka";

    /// <summary>The Mutasi page's path, relative to the app's base (Web's AppUrls.Mutations is this).</summary>
    public const string Page = "mutasi";

    /// <summary>"mutasi?dari=2026-11-30&amp;sampai=2026-11-30&amp;rek=3&amp;jumlah=200037&amp;buka=42" (relative, for the app's own pages).</summary>
    public static string To(long mutationId, int accountId, DateOnly day, decimal amount, bool sandbox)
    {
        var filter = new MutationFilter
        {
            From = day, To = day, AccountIds = [accountId], AmountExact = amount,
            Sandbox = sandbox ? SandboxFilter.Include : SandboxFilter.Exclude,
        };
        return $"{Page}?{filter.ToQueryString()}&{OpenKey}={mutationId.ToString(CultureInfo.InvariantCulture)}";
    }
}
