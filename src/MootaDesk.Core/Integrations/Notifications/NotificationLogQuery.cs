using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>One post in the notification log. <see cref="Reason"/> is the stored problem (key + arguments), translated by the page.</summary>
public sealed record NotificationPostRow(long Id, DateTime ReceivedAt, string Device, NotificationPostStatus Status, string? Format, string? App,
    string? Title, string? Text, decimal? Amount, Direction? Direction, string? RuleId, NotificationProblem? Reason, string? Error, long? MutationId,
    bool? MutationProvisional, string Body)
{
    /// <summary>The credit this post became, when it did: enough to link to exactly that row in Mutasi and to dismiss or restore it.</summary>
    public PostMutation? Mutation { get; init; }

    /// <summary>A provisional credit still waiting for the bank (and not dismissed): Owner and Ops may dismiss it.</summary>
    public bool CanDismiss => Mutation is { IsProvisional: true, DismissedAt: null };

    /// <summary>A dismissed credit: it can be restored.</summary>
    public bool CanRestore => Mutation is { DismissedAt: not null };
}

/// <summary>The row a post became: where it is (account, bank day, amount, sandbox) and whether it waits, was confirmed or was dismissed.</summary>
public sealed record PostMutation(long Id, int AccountId, DateOnly BankDate, decimal Amount, bool IsSandbox, bool IsProvisional,
    DateTime? DismissedAt, string? DismissedBy, string? DismissReason);

/// <summary>One page of the log: newest first, optionally one status; <paramref name="Skip"/> rows in, at most <paramref name="Take"/> (1–200).</summary>
public sealed record NotificationLogFilter(NotificationPostStatus? Status, int Skip, int Take);

/// <summary>A page of posts, how many match the filter, and how many posts there are per status (the filter's chips).</summary>
public sealed record NotificationLogResult(IReadOnlyList<NotificationPostRow> Rows, int Total, IReadOnlyDictionary<NotificationPostStatus, int> Counts);

/// <summary>The notification log for Owner and Ops: newest posts first, optionally one status, with the counts per status.</summary>
public sealed class NotificationLogQuery(IDbContextFactory<MootaDeskDbContext> factory)
{
    public const int MaxTake = 200;

    /// <summary>The first <paramref name="take"/> posts (newest first) and the counts per status.</summary>
    public async Task<(IReadOnlyList<NotificationPostRow> Rows, IReadOnlyDictionary<NotificationPostStatus, int> Counts)> ListAsync(
        NotificationPostStatus? status, int take = 200, CancellationToken ct = default)
    {
        var page = await PageAsync(new NotificationLogFilter(status, 0, take), ct);
        return (page.Rows, page.Counts);
    }

    /// <summary>One page of the log, read on the server: the grid asks for the rows it shows.</summary>
    public async Task<NotificationLogResult> PageAsync(NotificationLogFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = await db.NotificationPosts.AsNoTracking().GroupBy(p => p.Status).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var query = db.NotificationPosts.AsNoTracking();
        if (filter.Status is { } s) query = query.Where(p => p.Status == s);
        var total = filter.Status is { } only ? counts.GetValueOrDefault(only) : counts.Values.Sum();
        var rows = await query.OrderByDescending(p => p.Id).Skip(Math.Max(0, filter.Skip)).Take(Math.Clamp(filter.Take, 1, MaxTake))
            .Select(p => new
            {
                p.Id, p.ReceivedAt, Device = db.NotificationDevices.Where(d => d.Id == p.DeviceId).Select(d => d.Name).FirstOrDefault(), p.Status, p.Format,
                p.AppPackage, p.Title, p.Text, p.Amount, p.Direction, p.RuleId, p.ReasonJson, p.Error, p.MutationId, p.Body,
            }).ToListAsync(ct);
        var ids = rows.Where(r => r.MutationId is not null).Select(r => r.MutationId!.Value).Distinct().ToList();
        var mutations = await db.Mutations.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new PostMutation(m.Id, m.AccountId, m.BankDate, m.Amount, m.IsSandbox, m.IsProvisional, m.DismissedAt, m.DismissedBy, m.DismissReason))
            .ToDictionaryAsync(m => m.Id, ct);
        return new NotificationLogResult(rows.Select(p =>
        {
            var m = p.MutationId is long id ? mutations.GetValueOrDefault(id) : null;
            return new NotificationPostRow(p.Id, p.ReceivedAt, p.Device ?? "?", p.Status, p.Format, p.AppPackage, p.Title, p.Text, p.Amount,
                p.Direction, p.RuleId, ReadReason(p.ReasonJson), p.Error, p.MutationId, m?.IsProvisional, p.Body) { Mutation = m };
        }).ToList(), total, counts);
    }

    private static NotificationProblem? ReadReason(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return JsonSerializer.Deserialize<NotificationProblem>(json); }
        catch (JsonException) { return null; }
    }
}
