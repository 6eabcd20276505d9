namespace MootaDesk.Web.Home;

/// <summary>Strings of the home page (HomeText.resx Indonesian, HomeText.en.resx English).</summary>
public sealed class HomeText;
