
namespace MootaDesk.Core.BankAccounts;

public class Account
{
    public int Id { get; set; }

    /// <summary>Moota's bank_type: an open, growing set of codes (bca, mandiriMcmV2, bcaVA, qris, …), never an enum.</summary>
    public required string BankCode { get; set; }

    /// <summary>Kept as text: leading zeros matter, and e-wallets use phone numbers.</summary>
    public required string AccountNumber { get; set; }

    public string HolderName { get; set; } = "";
    public string Label { get; set; } = "";
    public AccountPurpose Purpose { get; set; } = AccountPurpose.Lainnya;

    /// <summary>Moota's bank_id, when the account is known to Moota.</summary>
    public string? ExternalId { get; set; }

    public decimal? LastKnownBalance { get; set; }
    public DateTime? LastKnownBalanceAt { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Demo data from the generator; the Owner removes all of it (accounts, mutations, orders) in one action.</summary>
    public bool IsDemo { get; set; }

    /// <summary>Sandbox (and demo) money never enters real totals.</summary>
    public bool IsSandbox { get; set; }

    public DateTime CreatedAt { get; set; }
}
