using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Proof;

/// <summary>Writes the export log: each time a proof is shared (copied, downloaded, printed, sent, viewed publicly).</summary>
public sealed class RecordProofShareCommand(IDbContextFactory<MootaDeskDbContext> factory, TimeProvider time)
{
    public async Task RecordAsync(long proofId, ProofEventKind kind, Actor actor, string? format, string? target, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ProofEvents.Add(new ProofEvent
        {
            ProofId = proofId, Kind = kind, Actor = actor.Name, ActorId = actor.UserId, At = time.GetUtcNow().UtcDateTime,
            Format = format, Target = target is { Length: > 64 } ? target[..64] : target, Ip = actor.Ip,
        });
        await db.SaveChangesAsync(ct);
    }
}

public enum RevokeProofOutcome { Revoked, NotFound, AlreadyRevoked }

/// <summary>Withdraws a proof: its public link then says so, and the log and the audit trail say who and why.</summary>
public sealed class RevokeProofCommand(IDbContextFactory<MootaDeskDbContext> factory, TimeProvider time)
{
    public async Task<RevokeProofOutcome> RevokeAsync(long proofId, string? reason, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var proof = await db.Proofs.FirstOrDefaultAsync(p => p.Id == proofId, ct);
        if (proof is null) return RevokeProofOutcome.NotFound;
        if (proof.RevokedAt is not null) return RevokeProofOutcome.AlreadyRevoked;

        var now = time.GetUtcNow().UtcDateTime;
        var cleanReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(300, reason.Trim().Length)];
        proof.RevokedAt = now;
        proof.RevokedBy = actor.Name;
        proof.RevokeReason = cleanReason;
        db.ProofEvents.Add(new ProofEvent { ProofId = proofId, Kind = ProofEventKind.Revoked, Actor = actor.Name, ActorId = actor.UserId, At = now, Target = cleanReason is null ? null : cleanReason[..Math.Min(64, cleanReason.Length)], Ip = actor.Ip });
        db.Record(actor, "proof.revoke", "Proof", proofId, new { revokedAt = (DateTime?)null }, new { revokedAt = now, reason = cleanReason }, now);
        await db.SaveChangesAsync(ct);
        return RevokeProofOutcome.Revoked;
    }
}

public sealed record ProofLogEvent(ProofEventKind Kind, string Actor, DateTime At, string? Format, string? Target);

public sealed record ProofLogRow(long ProofId, string Code, DateTime CreatedAt, string CreatedBy, decimal Amount, string? OrderReference,
    DateTime ExpiresAt, DateTime? RevokedAt, string? RevokedBy, string? RevokeReason, IReadOnlyList<ProofLogEvent> Events);

/// <summary>The export log for Finance and the Owner: newest proofs first, each with its history.</summary>
public sealed record ProofLogResult(IReadOnlyList<ProofLogRow> Rows, int Total);

public sealed class ProofLogQuery(IDbContextFactory<MootaDeskDbContext> factory)
{
    public const int MaxPageSize = 500;

    /// <summary>The first <paramref name="take"/> proofs (at most <see cref="MaxPageSize"/>) matching the search.</summary>
    public async Task<IReadOnlyList<ProofLogRow>> LoadAsync(string? search, int take, CancellationToken ct = default) =>
        (await PageAsync(search, 0, take, ct)).Rows;

    /// <summary>
    /// One page of the log, newest first, and how many proofs match. The search is a verification code (any case, with
    /// or without its dash), part of an order reference, or part of the name of who made the proof.
    /// </summary>
    public async Task<ProofLogResult> PageAsync(string? search, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Proofs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            var code = VerificationCode.Normalize(s);
            query = query.Where(p => p.VerificationCode == code
                                     || (p.Order != null && EF.Functions.Like(p.Order.Reference, "%" + s + "%"))
                                     || (p.Mutation!.OrderReference != null && EF.Functions.Like(p.Mutation.OrderReference, "%" + s + "%"))
                                     || EF.Functions.Like(p.CreatedBy, "%" + s + "%"));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(p => new
            {
                p.Id, p.VerificationCode, p.CreatedAt, p.CreatedBy, p.Mutation!.Amount,
                OrderReference = p.Order != null ? p.Order.Reference : p.Mutation.OrderReference,
                p.ExpiresAt, p.RevokedAt, p.RevokedBy, p.RevokeReason,
                Events = p.Events.OrderBy(e => e.At).Select(e => new ProofLogEvent(e.Kind, e.Actor, e.At, e.Format, e.Target)).ToList(),
            })
            .ToListAsync(ct);
        return new ProofLogResult(rows.Select(r => new ProofLogRow(r.Id, r.VerificationCode, r.CreatedAt, r.CreatedBy, r.Amount, r.OrderReference, r.ExpiresAt,
            r.RevokedAt, r.RevokedBy, r.RevokeReason, r.Events)).ToList(), total);
    }
}
