using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Proof;

/// <summary>A proof as the back office sees it: the masked card plus what is needed to share or revoke it.</summary>
public sealed record ProofView(
    long ProofId,
    long MutationId,
    ProofCard Card,
    string VerificationUrl,
    DateTime ExpiresAt,
    DateTime? RevokedAt,
    string? RevokedBy,
    bool IsActive,
    string? CustomerName,
    string? CustomerWhatsApp);

public enum PublicProofStatus { Valid, NotFound, Expired, Revoked }

/// <summary>What the public verification page may know: a status, and the masked card only when the proof is valid.</summary>
public sealed record PublicProof(PublicProofStatus Status, ProofView? View, long? ProofId);

/// <summary>
/// Builds proof cards from the database. The card is made from the mutation each time, with the masking rules
/// of <see cref="AccountMask"/>, so what a proof shows can never be more than the card allows.
/// </summary>
public sealed class ProofCardQuery(IDbContextFactory<MootaDeskDbContext> factory, BusinessSettings settings, ProofSigning signing, TimeProvider time)
{
    /// <summary>A proof for the back office; null when it does not exist or its mutation is outside the viewer's scope.</summary>
    public async Task<ProofView?> LoadAsync(long proofId, Viewer viewer, string baseUrl, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = db.Mutations.VisibleTo(viewer).Select(m => m.Id);
        var row = await Rows(db, db.Proofs.Where(p => p.Id == proofId && visible.Contains(p.MutationId))).FirstOrDefaultAsync(ct);
        return row is null || row.Mutation.Direction != Direction.Credit ? null : await ViewAsync(db, row, baseUrl, ct);
    }

    /// <summary>The public page's view of a token: only a correctly signed, unrevoked, unexpired proof of a credit shows a card.</summary>
    public async Task<PublicProof> LoadPublicAsync(string? token, string baseUrl, CancellationToken ct = default)
    {
        var tokenId = (await signing.SignerAsync(ct)).Verify(token);
        if (tokenId is null) return new PublicProof(PublicProofStatus.NotFound, null, null);

        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await Rows(db, db.Proofs.Where(p => p.TokenId == tokenId)).FirstOrDefaultAsync(ct);
        // A debit can never have a proof, but the public page checks again rather than trust that.
        if (row is null || row.Mutation.Direction != Direction.Credit) return new PublicProof(PublicProofStatus.NotFound, null, null);
        if (row.Proof.RevokedAt is not null) return new PublicProof(PublicProofStatus.Revoked, null, row.Proof.Id);
        if (row.Proof.ExpiresAt <= time.GetUtcNow().UtcDateTime) return new PublicProof(PublicProofStatus.Expired, null, row.Proof.Id);
        return new PublicProof(PublicProofStatus.Valid, await ViewAsync(db, row, baseUrl, ct), row.Proof.Id);
    }

    public static string VerificationUrl(string baseUrl, string token) => baseUrl.TrimEnd('/') + "/v/" + token;

    private sealed record ProofRow(PaymentProof Proof, Mutation Mutation, string BankCode, string AccountNumber,
        string? OrderReference, string? CustomerName, string? WhatsApp);

    // Filters go on the proofs before the joins: EF cannot filter after projecting into a record.
    private static IQueryable<ProofRow> Rows(MootaDeskDbContext db, IQueryable<PaymentProof> proofs) =>
        from p in proofs.AsNoTracking()
        join m in db.Mutations.AsNoTracking() on p.MutationId equals m.Id
        join a in db.Accounts.AsNoTracking() on m.AccountId equals a.Id
        join o in db.Orders.AsNoTracking() on p.OrderId equals (int?)o.Id into orders
        from o in orders.DefaultIfEmpty()
        select new ProofRow(p, m, a.BankCode, a.AccountNumber, o != null ? o.Reference : null, o != null ? o.CustomerName : null,
            o != null ? o.WhatsApp : null);

    private async Task<ProofView> ViewAsync(MootaDeskDbContext db, ProofRow row, string baseUrl, CancellationToken ct)
    {
        var p = row.Proof;
        var m = row.Mutation;
        var url = VerificationUrl(baseUrl, (await signing.SignerAsync(ct)).Sign(p.TokenId));
        var card = new ProofCard(
            BusinessName: await settings.BusinessNameAsync(ct),
            Amount: m.Amount,
            TransactionTimeUtc: m.TransactionTime,
            HasTimeOfDay: m.HasTimeOfDay,
            ReadTimeUtc: m.ReadTime,
            DestinationBank: BankNames.ForCustomer(row.BankCode),
            MaskedAccountNumber: AccountMask.MaskNumber(row.AccountNumber),
            SenderName: string.IsNullOrWhiteSpace(m.Counterparty) ? null : m.Counterparty,
            OrderReference: row.OrderReference ?? m.OrderReference,
            VerificationCode: p.VerificationCode,
            VerifiedAtUtc: p.CreatedAt,
            VerificationUrl: url,
            IsSandbox: m.IsSandbox);
        return new ProofView(p.Id, m.Id, card, url, p.ExpiresAt, p.RevokedAt, p.RevokedBy, p.IsActiveAt(time.GetUtcNow().UtcDateTime),
            row.CustomerName, row.WhatsApp);
    }
}
