using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Proof;

/// <summary>What issuing did; <see cref="Provisional"/>: the credit is only read from a phone notification, so no proof yet.</summary>
public enum IssueProofOutcome { Issued, Reused, NotFound, Debit, Provisional }

public sealed record IssueProofResult(IssueProofOutcome Outcome, long ProofId = 0)
{
    public bool Succeeded => Outcome is IssueProofOutcome.Issued or IssueProofOutcome.Reused;
}

/// <summary>
/// Issues a proof for one credit: a verification code, a signed token, the order it paid (if any), an export-log
/// line and an audit row, all in one transaction. Debits never get a proof.
/// </summary>
public sealed class IssueProofCommand(IDbContextFactory<MootaDeskDbContext> factory, IOptions<ProofOptions> options, TimeProvider time)
{
    /// <param name="reuseActive">The app reopens a still-valid proof of the same credit instead of making another; the API always makes a new one.</param>
    public async Task<IssueProofResult> IssueAsync(long mutationId, Viewer viewer, Actor actor, string via, bool reuseActive, CancellationToken ct = default)
    {
        // Someone the matrix does not let create proofs gets the same answer as for a mutation they cannot see.
        if (!viewer.Can(Actions.CreateProof)) return new IssueProofResult(IssueProofOutcome.NotFound);
        await using var db = await factory.CreateDbContextAsync(ct);
        var mutation = await db.Mutations.AsNoTracking().VisibleTo(viewer).Where(m => m.Id == mutationId)
            .Select(m => new { m.Id, m.Direction, m.OrderReference, m.IsProvisional }).FirstOrDefaultAsync(ct);
        if (mutation is null) return new IssueProofResult(IssueProofOutcome.NotFound);
        if (mutation.Direction != Direction.Credit) return new IssueProofResult(IssueProofOutcome.Debit);
        // A proof tells a customer the money arrived; a phone's notification is not the bank's word yet.
        if (mutation.IsProvisional) return new IssueProofResult(IssueProofOutcome.Provisional);

        var now = time.GetUtcNow().UtcDateTime;
        if (reuseActive)
        {
            var existing = await db.Proofs.AsNoTracking()
                .Where(p => p.MutationId == mutationId && p.RevokedAt == null && p.ExpiresAt > now)
                .OrderByDescending(p => p.CreatedAt).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
            if (existing is long id) return new IssueProofResult(IssueProofOutcome.Reused, id);
        }

        var order = await db.Orders.AsNoTracking().Where(o => o.MatchedMutationId == mutationId)
                        .Select(o => new { o.Id, o.Reference }).FirstOrDefaultAsync(ct)
                    ?? (mutation.OrderReference is null ? null
                        : await db.Orders.AsNoTracking().Where(o => o.Reference == mutation.OrderReference)
                            .Select(o => new { o.Id, o.Reference }).FirstOrDefaultAsync(ct));

        string code;
        do code = VerificationCode.New();
        while (await db.Proofs.AnyAsync(p => p.VerificationCode == code, ct));

        var proof = new PaymentProof
        {
            MutationId = mutationId,
            OrderId = order?.Id,
            VerificationCode = code,
            TokenId = ProofTokenSigner.NewTokenId(),
            CreatedAt = now,
            CreatedBy = actor.Name,
            CreatedById = actor.UserId,
            ExpiresAt = now.AddDays(Math.Max(1, options.Value.ValidDays)),
        };
        proof.Events.Add(new ProofEvent
        {
            Kind = ProofEventKind.Created, Actor = actor.Name, ActorId = actor.UserId, At = now, Format = via,
            Target = order?.Reference ?? mutation.OrderReference, Ip = actor.Ip,
        });
        db.Proofs.Add(proof);

        await using var tx = await db.BeginWriteAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Record(actor, "proof.create", "Proof", proof.Id, null,
            new { proof.MutationId, proof.OrderId, proof.VerificationCode, proof.ExpiresAt, via }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new IssueProofResult(IssueProofOutcome.Issued, proof.Id);
    }
}
