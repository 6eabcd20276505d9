using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Platform.Audit;

/// <summary>
/// Writes one audit row in a unit of work of its own, for changes made outside the store's own transactions (Identity's
/// user manager saves users itself; the audit row follows it). Changes made through a context record their row with
/// <see cref="AuditTrail.Record"/> in the same <c>SaveChanges</c> instead.
/// </summary>
public sealed class AuditLog(IDbContextFactory<MootaDeskDbContext> factory, TimeProvider time)
{
    /// <summary>Stores who did <paramref name="action"/> to <paramref name="entityType"/> #<paramref name="entityId"/>, now (UTC).</summary>
    public async Task WriteAsync(Actor actor, string action, string entityType, object entityId, object? before, object? after,
        CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Record(actor, action, entityType, entityId, before, after, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
