namespace MootaDesk.Web.Proof;

/// <summary>Marker for the proof area's strings (ProofText.resx Indonesian, ProofText.en.resx English).</summary>
public sealed class ProofText;
