namespace MootaDesk.Web.Features.Identity;

/// <summary>Strings of the one-row-per-transaction pages: Moota conflicts and the cross-source duplicates review.</summary>
public sealed class IdentityText;
