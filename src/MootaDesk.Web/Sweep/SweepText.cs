namespace MootaDesk.Web.Sweep;

/// <summary>Strings of the sweep area (SweepText.resx Indonesian, SweepText.en.resx English).</summary>
public sealed class SweepText;
