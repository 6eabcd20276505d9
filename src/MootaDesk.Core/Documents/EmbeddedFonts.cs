using SkiaSharp;

namespace MootaDesk.Core.Documents;

/// <summary>
/// The documents' font (the proof card), DejaVu Sans (regular and bold), shipped inside this assembly so a PDF or PNG looks the
/// same on every server, whatever fonts the machine has. Licence: Documents/Fonts/LICENSE-DejaVu.txt.
/// </summary>
public static class EmbeddedFonts
{
    public const string RegularName = "DejaVuSans";
    public const string BoldName = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Read(RegularName));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Read(BoldName));
    private static readonly Lazy<SKTypeface> RegularFace = new(() => SKTypeface.FromData(SKData.CreateCopy(RegularBytes.Value)));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => SKTypeface.FromData(SKData.CreateCopy(BoldBytes.Value)));

    /// <summary>The font program (TrueType bytes) of a face.</summary>
    public static byte[] Load(bool bold) => bold ? BoldBytes.Value : RegularBytes.Value;

    /// <summary>The whole face, shared by every render (Skia typefaces are immutable and thread-safe).</summary>
    public static SKTypeface Typeface(bool bold) => bold ? BoldFace.Value : RegularFace.Value;

    /// <summary>A face holding only <paramref name="characters"/> (Unicode scalar values), for embedding in a PDF; the caller disposes it.</summary>
    public static SKTypeface Subset(bool bold, IEnumerable<int> characters) =>
        SKTypeface.FromData(SKData.CreateCopy(FontSubsetter.Subset(Load(bold), characters)))
        ?? throw new InvalidOperationException("Skia could not read the subset of " + (bold ? BoldName : RegularName) + ".");

    private static byte[] Read(string face)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"MootaDesk.Core.Documents.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"Embedded font {face} is missing from MootaDesk.Core.");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }
}
