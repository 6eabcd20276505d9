namespace MootaDesk.Web.Features.MootaPull;

/// <summary>Strings of the Moota API page (MootaPullText.resx Indonesian, MootaPullText.en.resx English).</summary>
public sealed class MootaPullText;
