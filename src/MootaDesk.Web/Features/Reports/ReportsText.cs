namespace MootaDesk.Web.Features.Reports;

/// <summary>Strings of the owner's reports (ReportsText.resx Indonesian, ReportsText.en.resx English).</summary>
public sealed class ReportsText;
