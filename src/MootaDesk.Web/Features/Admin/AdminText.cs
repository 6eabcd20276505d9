namespace MootaDesk.Web.Features.Admin;

/// <summary>Strings of the Owner's settings pages.</summary>
public sealed class AdminText;
