namespace MootaDesk.Web.BankAccounts;

/// <summary>Strings of the Rekening area: the accounts page and statement import (BankAccountsText.resx Indonesian, BankAccountsText.en.resx English).</summary>
public sealed class BankAccountsText;
