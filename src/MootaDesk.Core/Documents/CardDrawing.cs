using System.Text;
using SkiaSharp.HarfBuzz;
using SkiaSharp;

namespace MootaDesk.Core.Documents;

/// <summary>
/// The card laid out once, as drawing operations in points (y downwards, text placed by the top of its line),
/// measured with the card's font and shaped by HarfBuzz. <see cref="Paint"/> draws it on any Skia canvas, so
/// the PNG (a bitmap) and the PDF (a page) are the same drawing.
/// </summary>
public sealed class CardDrawing : IDisposable
{
    private abstract record Operation;
    private sealed record TextOperation(string Text, float X, float Top, float Size, bool Bold, SKColor Color) : Operation;
    private sealed record PathOperation(SKPath Path, SKColor Color) : Operation;

    private readonly List<Operation> _operations = [];
    private readonly CardFaces _measure = CardFaces.Whole();

    /// <summary>Points per PNG pixel grid step: the PNG is drawn at this many pixels per point.</summary>
    public const float PixelsPerPoint = 3;

    /// <summary>The height of the card in points, once laid out.</summary>
    public float Height { get; internal set; }

    /// <summary>The width of <paramref name="text"/> in points, as it will be drawn (shaped, with kerning).</summary>
    public float MeasureText(string text, float size, bool bold)
    {
        using var font = CardFaces.Font(_measure.Typeface(bold), size);
        return _measure.Shaper(bold).Shape(text, font).Width;
    }

    public void DrawText(string text, float x, float top, float size, bool bold, SKColor color) =>
        _operations.Add(new TextOperation(text, x, top, size, bold, color));

    public void FillRect(float x, float y, float width, float height, SKColor color)
    {
        using var path = new SKPathBuilder();
        path.AddRect(SKRect.Create(x, y, width, height));
        FillPath(path, color);
    }

    /// <summary>Fills the shape built so far; the builder can then be disposed.</summary>
    public void FillPath(SKPathBuilder path, SKColor color) => _operations.Add(new PathOperation(path.Detach(), color));

    /// <summary>Rounds a length down to the PNG's pixel grid (at least one pixel), so QR modules stay crisp.</summary>
    public static float Snap(float length) => MathF.Max(1, MathF.Floor(length * PixelsPerPoint)) / PixelsPerPoint;

    /// <summary>Every character (Unicode scalar value) drawn in one face: what a PDF must embed.</summary>
    public IReadOnlySet<int> Characters(bool bold) =>
        _operations.OfType<TextOperation>().Where(t => t.Bold == bold).SelectMany(t => t.Text.EnumerateRunes()).Select(r => r.Value).ToHashSet();

    /// <summary>Draws the card on <paramref name="canvas"/> in points with <paramref name="faces"/> (whole or subset fonts).</summary>
    public void Paint(SKCanvas canvas, CardFaces faces)
    {
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        foreach (var operation in _operations)
        {
            switch (operation)
            {
                case PathOperation p:
                    paint.Color = p.Color;
                    canvas.DrawPath(p.Path, paint);
                    break;
                case TextOperation t:
                    paint.Color = t.Color;
                    using (var font = CardFaces.Font(faces.Typeface(t.Bold), t.Size))
                    using (var blob = ShapedRun(faces.Shaper(t.Bold), t.Text, font))
                        if (blob is not null) canvas.DrawText(blob, t.X, t.Top - font.Metrics.Ascent, paint);
                    break;
            }
        }
    }

    /// <summary>
    /// One run of shaped glyphs that also carries its UTF-8 text and each glyph's cluster, so a PDF maps ligatures
    /// ("fi" in "Diverifikasi") back to their letters and search and copy find the words.
    /// </summary>
    private static SKTextBlob? ShapedRun(SKShaper shaper, string text, SKFont font)
    {
        var shaped = shaper.Shape(text, font);
        if (shaped.Codepoints.Length == 0) return null;
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, shaped.Codepoints.Length, utf8.Length);
        run.SetGlyphs(shaped.Codepoints.Select(g => (ushort)g).ToArray());
        run.SetPositions(shaped.Points);
        run.SetText(utf8);
        run.SetClusters(shaped.Clusters); // SKShaper shapes UTF-8, so its clusters are byte offsets into utf8
        return builder.Build();
    }

    public void Dispose()
    {
        foreach (var p in _operations.OfType<PathOperation>()) p.Path.Dispose();
        _measure.Dispose();
    }
}

/// <summary>The regular and bold faces a drawing is painted with, each with its HarfBuzz shaper.</summary>
public sealed class CardFaces : IDisposable
{
    private readonly SKTypeface _regular, _bold;
    private readonly SKShaper _regularShaper, _boldShaper;
    private readonly bool _ownsTypefaces;

    private CardFaces(SKTypeface regular, SKTypeface bold, bool ownsTypefaces)
    {
        (_regular, _bold, _ownsTypefaces) = (regular, bold, ownsTypefaces);
        _regularShaper = new SKShaper(regular);
        _boldShaper = new SKShaper(bold);
    }

    /// <summary>The whole embedded fonts (for a bitmap).</summary>
    public static CardFaces Whole() => new(EmbeddedFonts.Typeface(false), EmbeddedFonts.Typeface(true), ownsTypefaces: false);

    /// <summary>Fonts cut down to the characters <paramref name="drawing"/> uses (for a PDF, which embeds them).</summary>
    public static CardFaces SubsetFor(CardDrawing drawing) =>
        new(EmbeddedFonts.Subset(false, drawing.Characters(false)), EmbeddedFonts.Subset(true, drawing.Characters(true)), ownsTypefaces: true);

    public SKTypeface Typeface(bool bold) => bold ? _bold : _regular;

    public SKShaper Shaper(bool bold) => bold ? _boldShaper : _regularShaper;

    internal static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None };

    public void Dispose()
    {
        _regularShaper.Dispose();
        _boldShaper.Dispose();
        if (!_ownsTypefaces) return;
        _regular.Dispose();
        _bold.Dispose();
    }
}
