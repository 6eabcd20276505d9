using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Proof;

/// <summary>
/// Everything a proof card shows, already masked. Renderers (text, PDF, PNG, HTML) take only this record, so no
/// format can leak a balance, another transaction, a full account number or who (which person or API key) issued it:
/// the data is not there. The card says the business verified the payment automatically (<see cref="VerifiedText"/>).
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
    DateTime VerifiedAtUtc,
    string VerificationUrl,
    bool IsSandbox)
{
    /// <summary>What every format prints for the verification: the system read the bank's record, no person vouched for it.</summary>
    public const string VerifiedText = "Diverifikasi otomatis";

    /// <summary>"BCA ••••0123".</summary>
    public string Destination => DestinationBank + " " + MaskedAccountNumber;
}
