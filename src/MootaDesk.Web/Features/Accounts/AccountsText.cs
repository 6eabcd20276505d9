namespace MootaDesk.Web.Features.Accounts;

/// <summary>Strings of the accounts page (AccountsText.resx Indonesian, AccountsText.en.resx English).</summary>
public sealed class AccountsText;
