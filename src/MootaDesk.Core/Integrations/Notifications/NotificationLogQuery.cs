using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>One post in the notification log. <see cref="Reason"/> is the stored problem (key + arguments), translated by the page.</summary>
public sealed record NotificationPostRow(long Id, DateTime ReceivedAt, string Device, NotificationPostStatus Status, string? Format, string? App,
    string? Title, string? Text, decimal? Amount, Direction? Direction, string? RuleId, NotificationProblem? Reason, string? Error, long? MutationId,
    bool? MutationProvisional, string Body);

/// <summary>The notification log for Owner and Ops: newest posts first, optionally one status, with the counts per status.</summary>
public sealed class NotificationLogQuery(IDbContextFactory<MootaDeskDbContext> factory)
{
    public async Task<(IReadOnlyList<NotificationPostRow> Rows, IReadOnlyDictionary<NotificationPostStatus, int> Counts)> ListAsync(
        NotificationPostStatus? status, int take = 200, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = await db.NotificationPosts.AsNoTracking().GroupBy(p => p.Status).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var query = db.NotificationPosts.AsNoTracking();
        if (status is { } s) query = query.Where(p => p.Status == s);
        var rows = await query.OrderByDescending(p => p.Id).Take(Math.Clamp(take, 1, 1000))
            .Select(p => new
            {
                p.Id, p.ReceivedAt, Device = db.NotificationDevices.Where(d => d.Id == p.DeviceId).Select(d => d.Name).FirstOrDefault(), p.Status, p.Format,
                p.AppPackage, p.Title, p.Text, p.Amount, p.Direction, p.RuleId, p.ReasonJson, p.Error, p.MutationId,
                Provisional = db.Mutations.Where(m => m.Id == p.MutationId).Select(m => (bool?)m.IsProvisional).FirstOrDefault(), p.Body,
            }).ToListAsync(ct);
        return (rows.Select(p => new NotificationPostRow(p.Id, p.ReceivedAt, p.Device ?? "?", p.Status, p.Format, p.AppPackage, p.Title, p.Text, p.Amount,
            p.Direction, p.RuleId, ReadReason(p.ReasonJson), p.Error, p.MutationId, p.Provisional, p.Body)).ToList(), counts);
    }

    private static NotificationProblem? ReadReason(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return JsonSerializer.Deserialize<NotificationProblem>(json); }
        catch (JsonException) { return null; }
    }
}
