namespace MootaDesk.Core.Proof;

/// <summary>
/// The proof card's font, DejaVu Sans (regular and bold), shipped inside this assembly so a PDF or PNG looks the
/// same on every server, whatever fonts the machine has. Licence: Proof/Fonts/LICENSE-DejaVu.txt.
/// </summary>
public static class ProofFonts
{
    public const string RegularName = "DejaVuSans";
    public const string BoldName = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Read(RegularName));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Read(BoldName));
    private static readonly Lazy<TrueTypeOutlines> RegularFont = new(() => new TrueTypeOutlines(RegularBytes.Value));
    private static readonly Lazy<TrueTypeOutlines> BoldFont = new(() => new TrueTypeOutlines(BoldBytes.Value));

    public static byte[] Load(bool bold) => bold ? BoldBytes.Value : RegularBytes.Value;

    public static TrueTypeOutlines Outlines(bool bold) => bold ? BoldFont.Value : RegularFont.Value;

    private static byte[] Read(string face)
    {
        using var stream = typeof(ProofFonts).Assembly.GetManifestResourceStream($"MootaDesk.Core.Proof.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"Embedded font {face} is missing from MootaDesk.Core.");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }
}
