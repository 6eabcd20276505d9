namespace MootaDesk.Web.OwnerReports;

/// <summary>Strings of the owner's reports (OwnerReportsText.resx Indonesian, OwnerReportsText.en.resx English).</summary>
public sealed class OwnerReportsText;
