using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

using MutationDirection = MootaDesk.Core.Mutations.Direction;

namespace MootaDesk.Core.Mutations;

/// <summary>The query string of GET /api/mutations, already checked.</summary>
public sealed record MutationReadFilter(DateOnly? From, DateOnly? To, string? Account, Direction? Direction, int Page, int PageSize, bool IncludeSandbox)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Reads the raw parameters; on a bad value returns null and a message that names the parameter and the expected form.</summary>
    public static MutationReadFilter? TryParse(string? from, string? to, string? account, string? direction, string? page, string? pageSize, string? includeSandbox, out string? error)
    {
        error = null;
        DateOnly? fromDay = null, toDay = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { error = "from must be a date as YYYY-MM-DD."; return null; }
            fromDay = d;
        }
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!DateOnly.TryParseExact(to.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { error = "to must be a date as YYYY-MM-DD."; return null; }
            toDay = d;
        }
        if (fromDay > toDay) { error = "from must not be after to."; return null; }

        Direction? dir = null;
        if (!string.IsNullOrWhiteSpace(direction))
        {
            dir = direction.Trim().ToLowerInvariant() switch
            {
                "credit" => MutationDirection.Credit,
                "debit" => MutationDirection.Debit,
                _ => null,
            };
            if (dir is null) { error = "direction must be credit or debit."; return null; }
        }

        var pageNumber = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        { error = "page must be a whole number of at least 1."; return null; }
        var size = DefaultPageSize;
        if (!string.IsNullOrWhiteSpace(pageSize) && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
        { error = $"pageSize must be a whole number from 1 to {MaxPageSize}."; return null; }

        var sandbox = false;
        if (!string.IsNullOrWhiteSpace(includeSandbox) && !bool.TryParse(includeSandbox, out sandbox))
        { error = "includeSandbox must be true or false."; return null; }

        return new MutationReadFilter(fromDay, toDay, string.IsNullOrWhiteSpace(account) ? null : account.Trim(), dir, pageNumber, size, sandbox);
    }
}

public sealed record MutationReadItem(
    long Id, string Source, string SourceId, string AccountNumber, string BankCode, string TransactionTime, bool HasTimeOfDay, string ReadTime,
    string Description, string? Counterparty, string Amount, string Direction, string? BalanceAfter, IReadOnlyList<string> Tags,
    string? OrderReference, string Status, bool IsSandbox);

public sealed record MutationReadPage(IReadOnlyList<MutationReadItem> Items, int Page, int PageSize, int Total);

/// <summary>Mutations for other tools, newest first, under the same role rules as the screens (CS: credits only, no balances).</summary>
public sealed class MutationReadQuery(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public async Task<MutationReadPage> LoadAsync(MutationReadFilter filter, Viewer viewer, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Mutations.AsNoTracking().VisibleTo(viewer);
        if (!filter.IncludeSandbox) q = q.Where(m => !m.IsSandbox);
        if (filter.From is DateOnly from) { var start = clock.DayRangeUtc(from).StartUtc; q = q.Where(m => m.TransactionTime >= start); }
        if (filter.To is DateOnly to) { var end = clock.DayRangeUtc(to).EndUtc; q = q.Where(m => m.TransactionTime < end); }
        if (filter.Direction is Direction d) q = q.Where(m => m.Direction == d);
        if (filter.Account is string account) q = q.Where(m => m.Account!.AccountNumber == account || m.Account.ExternalId == account);

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.TransactionTime).ThenByDescending(m => m.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(m => new
            {
                m.Id, m.Source, m.SourceId, m.Account!.AccountNumber, m.Account.BankCode, m.TransactionTime, m.HasTimeOfDay, m.ReadTime,
                m.Description, m.Counterparty, m.Amount, m.Direction, m.BalanceAfter, m.OrderReference, m.Status, m.IsSandbox,
                Tags = m.Tags.Select(t => t.Tag!.Name).ToList(),
            }).ToListAsync(ct);

        var items = rows.Select(r => new MutationReadItem(
            r.Id, r.Source.ToString().ToLowerInvariant(), r.SourceId, r.AccountNumber, r.BankCode, Iso(r.TransactionTime), r.HasTimeOfDay, Iso(r.ReadTime),
            r.Description, r.Counterparty, Decimal(r.Amount), r.Direction == Direction.Credit ? "credit" : "debit",
            viewer.CanSeeBalances && r.BalanceAfter is decimal b ? Decimal(b) : null,
            r.Tags, r.OrderReference, r.Status.ToString(), r.IsSandbox)).ToList();
        return new MutationReadPage(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>ISO 8601 in the business zone with its offset ("2026-11-20T14:01:55+07:00"), so callers see the bank's local time.</summary>
    public string Iso(DateTime utc) =>
        new DateTimeOffset(clock.ToLocal(utc), clock.TimeZone.GetUtcOffset(utc)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Money as a string so no JSON reader turns it into a float: "150123.00".</summary>
    public static string Decimal(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
