using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

/// <summary>
/// The query string of <c>GET /api/mutations</c> as sent (docs/api.md). The names are the wire names, hence lower camel case:
/// the endpoint binds this record with <c>[AsParameters]</c> and the OpenAPI document lists them with these descriptions.
/// </summary>
public sealed record MutationReadParameters(
    [property: Description("First business day, yyyy-MM-dd (WIB by default), inclusive.")] string? from = null,
    [property: Description("Last business day, yyyy-MM-dd, inclusive.")] string? to = null,
    [property: Description("Account number (leading zeros kept) or Moota bank_id; comma list for several.")] string? account = null,
    [property: Description("credit or debit.")] string? direction = null,
    [property: Description("Text in the description, the counterparty or the current note (case-insensitive, at most 200 characters).")] string? q = null,
    [property: Description("Tag names or ids, comma list: mutations carrying any of them.")] string? tag = null,
    [property: Description("true: only mutations without any tag.")] string? untagged = null,
    [property: Description("Reconciliation status, comma list: new, matched, needs-attention, resolved.")] string? status = null,
    [property: Description("Exact amount, a decimal such as 150123.00.")] string? amount = null,
    [property: Description("Smallest amount, inclusive.")] string? amountMin = null,
    [property: Description("Largest amount, inclusive.")] string? amountMax = null,
    [property: Description("Where the mutation came from, comma list: webhook, api, import, notification, manual, sandbox.")] string? source = null,
    [property: Description("true to include sandbox mutations (left out by default).")] string? includeSandbox = null,
    [property: Description("Page number from 1.")] string? page = null,
    [property: Description("Rows per page, 1 to 500 (default 50).")] string? pageSize = null);

/// <summary>
/// A checked read request: the Mutasi page's own <see cref="MutationFilter"/> (so the page, the export and the API filter
/// alike) plus the paging and the account and tag names still to be resolved against the store.
/// </summary>
public sealed record MutationReadRequest(MutationFilter Filter, IReadOnlyList<string> Accounts, IReadOnlyList<string> Tags, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    private static readonly (string Key, ReconciliationStatus Value)[] StatusNames =
    [
        ("new", ReconciliationStatus.New), ("matched", ReconciliationStatus.Matched),
        ("needs-attention", ReconciliationStatus.NeedsAttention), ("resolved", ReconciliationStatus.Resolved),
    ];

    private static readonly (string Key, MutationSource Value)[] SourceNames =
    [
        ("webhook", MutationSource.Webhook), ("api", MutationSource.Api), ("import", MutationSource.Import),
        ("notification", MutationSource.Notification), ("manual", MutationSource.Manual), ("sandbox", MutationSource.Sandbox),
    ];

    /// <summary>
    /// Checks every parameter. A bad one is refused (MutationsText <c>ReadApi.*</c>) naming the parameter, never ignored: a
    /// program that misspells a value must not get every mutation back. Absent or empty parameters mean "no limit".
    /// </summary>
    public static CommandResult<MutationReadRequest> Parse(MutationReadParameters p)
    {
        DateOnly? fromDay = null, toDay = null;
        if (Present(p.from) is string from)
        {
            if (!Day(from, out var d)) return Refusal.Of("ReadApi.BadDate", "from", from).About("from");
            fromDay = d;
        }
        if (Present(p.to) is string to)
        {
            if (!Day(to, out var d)) return Refusal.Of("ReadApi.BadDate", "to", to).About("to");
            toDay = d;
        }
        if (fromDay > toDay) return Refusal.Of("ReadApi.FromAfterTo").About("from");

        Direction? direction = null;
        if (Present(p.direction) is string dir)
        {
            direction = dir.ToLowerInvariant() switch { "credit" => Mutations.Direction.Credit, "debit" => Mutations.Direction.Debit, _ => null };
            if (direction is null) return Refusal.Of("ReadApi.BadDirection", dir).About("direction");
        }

        decimal? exact = null, min = null, max = null;
        foreach (var (name, raw) in new[] { ("amount", p.amount), ("amountMin", p.amountMin), ("amountMax", p.amountMax) })
        {
            if (Present(raw) is not string t) continue;
            if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value >= 1_000_000_000_000m
                || decimal.Round(value, 2) != value)
                return Refusal.Of("ReadApi.BadAmount", name, t).About(name);
            if (name == "amount") exact = value; else if (name == "amountMin") min = value; else max = value;
        }
        if (min > max) return Refusal.Of("ReadApi.AmountRange").About("amountMin");

        if (!Keys(p.status, StatusNames, out var statuses, out var badStatus)) return Refusal.Of("ReadApi.BadStatus", badStatus).About("status");
        if (!Keys(p.source, SourceNames, out var sources, out var badSource)) return Refusal.Of("ReadApi.BadSource", badSource).About("source");
        if (!Flag(p.untagged, out var untagged)) return Refusal.Of("ReadApi.BadFlag", "untagged").About("untagged");
        if (!Flag(p.includeSandbox, out var sandbox)) return Refusal.Of("ReadApi.BadFlag", "includeSandbox").About("includeSandbox");

        var pageNumber = 1;
        if (Present(p.page) is string pg && (!int.TryParse(pg, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
            return Refusal.Of("ReadApi.BadPage").About("page");
        var size = DefaultPageSize;
        if (Present(p.pageSize) is string ps && (!int.TryParse(ps, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
            return Refusal.Of("ReadApi.BadPageSize", MaxPageSize).About("pageSize");
        // Paging past the capped total would be a walk over the whole table for rows nobody reads in pages.
        if ((long)(pageNumber - 1) * size >= CappedCount.Cap) return Refusal.Of("ReadApi.PageTooDeep", CappedCount.Cap).About("page");

        var text = Present(p.q);
        if (text?.Length > 200) return Refusal.Of("ReadApi.TextTooLong", 200).About("q");

        var filter = new MutationFilter
        {
            From = fromDay, To = toDay, Direction = direction, AmountExact = exact, AmountMin = min, AmountMax = max, Text = text,
            UntaggedOnly = untagged, Statuses = statuses, Sources = sources, Sandbox = sandbox ? SandboxFilter.Include : SandboxFilter.Exclude,
        };
        return new MutationReadRequest(filter, List(p.account), List(p.tag), pageNumber, size);
    }

    private static string? Present(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static List<string> List(string? s) =>
        s is null ? [] : s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(50).ToList();

    private static bool Day(string s, out DateOnly day) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static bool Flag(string? s, out bool value)
    {
        value = false;
        return Present(s) is not string t || bool.TryParse(t, out value);
    }

    private static bool Keys<T>(string? s, (string Key, T Value)[] table, out IReadOnlyList<T> values, out string? bad)
    {
        var found = new List<T>();
        bad = null;
        foreach (var item in List(s))
        {
            var match = table.FirstOrDefault(k => k.Key.Equals(item, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null) { bad = item; values = []; return false; }
            found.Add(match.Value);
        }
        values = found.Distinct().ToList();
        return true;
    }
}

public sealed record MutationReadItem(
    long Id, string Source, string SourceId, string AccountNumber, string BankCode, string TransactionTime, bool HasTimeOfDay, string ReadTime,
    string Description, string? Counterparty, string Amount, string Direction, string? BalanceAfter, IReadOnlyList<string> Tags,
    string? OrderReference, string Status, bool IsSandbox);

/// <summary>
/// One page of the read API. <see cref="Total"/> stops at <see cref="CappedCount.Cap"/> (10,000) like the page's count;
/// <see cref="TotalIsCapped"/> says there are more.
/// </summary>
public sealed record MutationReadPage(IReadOnlyList<MutationReadItem> Items, int Page, int PageSize, int Total, bool TotalIsCapped);

/// <summary>
/// Mutations for other tools, newest first, through the Mutasi page's <see cref="MutationSearch"/>: the same filter, the same
/// indexes and the same role rule (CS: credits only, no balances), applied once inside the search.
/// </summary>
public sealed class MutationReadQuery(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    /// <summary>The page, or a refusal when a named tag does not exist (an unknown account simply matches nothing).</summary>
    public async Task<CommandResult<MutationReadPage>> LoadAsync(MutationReadRequest request, Viewer viewer, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var filter = request.Filter;
        if (request.Accounts.Count > 0)
        {
            var numbers = request.Accounts;
            var ids = await db.Accounts.AsNoTracking().Where(a => numbers.Contains(a.AccountNumber) || (a.ExternalId != null && numbers.Contains(a.ExternalId)))
                .Select(a => a.Id).ToListAsync(ct);
            if (ids.Count == 0) return new MutationReadPage([], request.Page, request.PageSize, 0, false);
            filter = filter with { AccountIds = ids };
        }
        if (request.Tags.Count > 0)
        {
            var ids = new List<int>();
            foreach (var name in request.Tags)
            {
                var normalized = TagName.Normalize(name);
                var id = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? await db.Tags.AsNoTracking().Where(t => t.Id == n).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct)
                    : await db.Tags.AsNoTracking().Where(t => t.NormalizedName == normalized).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
                if (id is not int found) return Refusal.Of("ReadApi.UnknownTag", name).About("tag");
                ids.Add(found);
            }
            filter = filter with { TagsAny = ids };
        }

        var q = MutationSearch.Sorted(await MutationSearch.ApplyAsync(db, filter, viewer, clock, MutationSearch.PageCandidateLimit, ct), filter.Sort);
        var balances = viewer.CanSeeBalances;
        // Tags come from a second small query over the page's ids, as on the Mutasi page: with the tag list inside the page
        // query the first page took 235–470 ms p50 at 1,000,000 rows, apart 3–90 ms (bench read-api, 30 Nov).
        var rows = await q.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(m => new
            {
                m.Id, m.Source, m.SourceId, m.Account!.AccountNumber, m.Account.BankCode, m.TransactionTime, m.HasTimeOfDay, m.ReadTime,
                m.Description, m.Counterparty, m.Amount, m.Direction, BalanceAfter = balances ? m.BalanceAfter : null, m.OrderReference, m.Status, m.IsSandbox,
            }).ToListAsync(ct);
        var pageIds = rows.Select(r => r.Id).ToList();
        var tagNames = pageIds.Count == 0 ? [] : await db.MutationTags.AsNoTracking().Where(t => pageIds.Contains(t.MutationId))
            .Select(t => new { t.MutationId, t.Tag!.Name }).ToListAsync(ct);
        var tagsOf = tagNames.GroupBy(t => t.MutationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(t => t.Name).Order(StringComparer.Ordinal).ToList());
        var count = await MutationSearch.CountAsync(db, filter, viewer, clock, ct: ct);

        var items = rows.Select(r => new MutationReadItem(
            r.Id, r.Source.ToString().ToLowerInvariant(), r.SourceId, r.AccountNumber, r.BankCode, Iso(r.TransactionTime), r.HasTimeOfDay, Iso(r.ReadTime),
            r.Description, r.Counterparty, Decimal(r.Amount), r.Direction == Direction.Credit ? "credit" : "debit",
            r.BalanceAfter is decimal b ? Decimal(b) : null, tagsOf.GetValueOrDefault(r.Id, []), r.OrderReference, r.Status.ToString(), r.IsSandbox)).ToList();
        return new MutationReadPage(items, request.Page, request.PageSize, count.Value, count.IsCapped);
    }

    /// <summary>ISO 8601 in the business zone with its offset ("2026-11-20T14:01:55+07:00"), so callers see the bank's local time.</summary>
    public string Iso(DateTime utc) =>
        new DateTimeOffset(clock.ToLocal(utc), clock.TimeZone.GetUtcOffset(utc)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Money as a string so no JSON reader turns it into a float: "150123.00".</summary>
    public static string Decimal(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
