namespace MootaDesk.Core.Proof;

/// <summary>
/// Everything a proof card shows, already masked. Renderers (text, PDF, PNG, HTML) take only this record, so no
/// format can leak a balance, another transaction or a full account number: the data is not there.
/// </summary>
public sealed record ProofCard(
    string BusinessName,
    decimal Amount,
    DateTime TransactionTimeUtc,
    bool HasTimeOfDay,
    DateTime ReadTimeUtc,
    string DestinationBank,
    string MaskedAccountNumber,
    string? SenderName,
    string? OrderReference,
    string VerificationCode,
    string VerifiedBy,
    DateTime VerifiedAtUtc,
    string VerificationUrl,
    bool IsSandbox)
{
    /// <summary>"BCA ••••0123".</summary>
    public string Destination => DestinationBank + " " + MaskedAccountNumber;
}
