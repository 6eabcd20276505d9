namespace MootaDesk.Core.Proof;

/// <summary>An sRGB colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static readonly Rgb White = new(255, 255, 255);
    public static readonly Rgb Ink = new(15, 23, 42);
    public static readonly Rgb Muted = new(100, 116, 139);
    public static readonly Rgb Brand = new(15, 118, 110);
    public static readonly Rgb Accent = new(251, 191, 36);
    public static readonly Rgb Credit = new(22, 163, 74);
    public static readonly Rgb Line = new(226, 232, 240);
    public static readonly Rgb Warning = new(180, 83, 9);
}

/// <summary>
/// Where the proof card is drawn: a PDF page (our own writer) or a bitmap (our own rasteriser). One layout,
/// <see cref="ProofCardLayout"/>, draws on both, so the PDF and the image always say the same thing.
/// Coordinates are in points, y downwards, text positioned by the top of its line.
/// </summary>
public interface ICardSurface
{
    double MeasureText(string text, double size, bool bold);
    void DrawText(string text, double x, double top, double size, bool bold, Rgb color);
    void FillRect(double x, double y, double width, double height, Rgb color);
    void FillPolygon(IReadOnlyList<(double X, double Y)> points, Rgb color);

    /// <summary>Rounds a length to the surface's device grid (pixels), so QR modules stay crisp; PDF returns it unchanged.</summary>
    double Snap(double length);
}
