namespace MootaDesk.Web.Mutations;

/// <summary>Strings of the Mutasi area (MutationsText.resx Indonesian, MutationsText.en.resx English).</summary>
public sealed class MutationsText;
