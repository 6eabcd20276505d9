namespace MootaDesk.Web.Settings;

/// <summary>Strings of the Owner's settings pages.</summary>
public sealed class AdminText;
