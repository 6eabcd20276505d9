using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Platform.Notifications;

public sealed record NotificationRow(long Id, string Text, string? Link, DateTime CreatedAt, bool IsRead);

/// <summary>In-app notices for the header bell: those addressed to the person and to any of their roles.</summary>
public sealed class NotificationInbox(IDbContextFactory<MootaDeskDbContext> factory, TimeProvider time)
{
    public async Task<(IReadOnlyList<NotificationRow> Rows, int Unread)> LoadAsync(Viewer viewer, int take = 10, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = For(db, viewer);
        var unread = await q.CountAsync(n => n.ReadAt == null, ct);
        var rows = await q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationRow(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
        return (rows, unread);
    }

    /// <summary>A role notice is shared: one Finance person opening it marks it read for Finance.</summary>
    public async Task MarkReadAsync(long id, Viewer viewer, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var n = await For(db, viewer).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || n.ReadAt is not null) return;
        n.ReadAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<Notification> For(MootaDeskDbContext db, Viewer viewer)
    {
        var roles = viewer.Roles.ToList();
        return db.Notifications.Where(n => (n.UserId != null && n.UserId == viewer.UserId) || (n.Role != null && roles.Contains(n.Role)));
    }
}
