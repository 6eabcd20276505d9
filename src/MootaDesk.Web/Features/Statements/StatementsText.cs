namespace MootaDesk.Web.Features.Statements;

/// <summary>Strings of the statement import page (StatementsText.resx Indonesian, StatementsText.en.resx English).</summary>
public sealed class StatementsText;
