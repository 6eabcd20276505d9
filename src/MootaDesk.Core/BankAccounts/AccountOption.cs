using MootaDesk.Core.Shared;

namespace MootaDesk.Core.BankAccounts;

/// <summary>An account to pick from a list (the Mutasi filter, a rule, a new order): how it is named and, masked, numbered.</summary>
public sealed record AccountOption(int Id, string Label, string BankCode, string AccountNumber, string HolderName, bool IsSandbox)
{
    /// <summary>"••••6789" (<see cref="AccountMask"/>): enough to tell accounts apart on screen.</summary>
    public string MaskedNumber => AccountMask.MaskNumber(AccountNumber);
}
