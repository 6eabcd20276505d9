using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Proof;

/// <summary>Proof numbers for the sweep's weekly metrics.</summary>
public sealed class ProofMetricsQuery(IDbContextFactory<MootaDeskDbContext> factory)
{
    /// <summary>Proofs created in the half-open range [fromUtc, toUtc), revoked ones included (they were still sent).</summary>
    public async Task<int> CountCreatedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Proofs.AsNoTracking().CountAsync(p => p.CreatedAt >= fromUtc && p.CreatedAt < toUtc, ct);
    }
}
