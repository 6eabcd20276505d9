
namespace MootaDesk.Core.BankAccounts;

/// <summary>What an account is used for; drives grouping in the sweep and the owner's view.</summary>
public enum AccountPurpose { Operasional = 0, Payroll = 1, Marketplace = 2, Penampungan = 3, Cadangan = 4, Lainnya = 5 }
