using MootaDesk.Core.Formatting;

namespace MootaDesk.Core.Proof;

/// <summary>
/// The proof card as a PNG for chat apps: the same layout as the PDF, drawn at 3 pixels per point (about
/// 680 px wide), sharp on a phone and small enough to send.
/// </summary>
public static class ProofImageRenderer
{
    public const double Scale = 3;

    public static byte[] Render(ProofCard card, BusinessClock clock)
    {
        var measure = new RasterSurface(null);
        var height = ProofCardLayout.Draw(measure, card, clock, paint: false);
        var canvas = new RasterCanvas((int)Math.Ceiling(ProofCardLayout.Width * Scale), (int)Math.Ceiling(height * Scale), Rgb.White);
        ProofCardLayout.Draw(new RasterSurface(canvas), card, clock);
        return canvas.EncodePng();
    }

    private sealed class RasterSurface(RasterCanvas? canvas) : ICardSurface
    {
        public double MeasureText(string text, double size, bool bold)
        {
            var font = ProofFonts.Outlines(bold);
            return font.Measure(text) * size / font.UnitsPerEm;
        }

        public void DrawText(string text, double x, double top, double size, bool bold, Rgb color)
        {
            if (canvas is null) return;
            var font = ProofFonts.Outlines(bold);
            var k = size * Scale / font.UnitsPerEm;
            var penX = x * Scale;
            var baseline = top * Scale + font.Ascender * k;
            var contours = new List<IReadOnlyList<(double X, double Y)>>();
            foreach (var rune in text.EnumerateRunes())
            {
                var glyph = font.GlyphIndex(rune.Value);
                var originX = penX;
                foreach (var c in font.Outline(glyph))
                    contours.Add(c.Select(p => (originX + p.X * k, baseline - p.Y * k)).ToList());
                penX += font.AdvanceWidth(glyph) * k;
            }
            canvas.Fill(contours, color);
        }

        public void FillRect(double x, double y, double width, double height, Rgb color) =>
            canvas?.Fill([new List<(double, double)> { (x * Scale, y * Scale), ((x + width) * Scale, y * Scale), ((x + width) * Scale, (y + height) * Scale), (x * Scale, (y + height) * Scale) }], color);

        public void FillPolygon(IReadOnlyList<(double X, double Y)> points, Rgb color) =>
            canvas?.Fill([points.Select(p => (p.X * Scale, p.Y * Scale)).ToList()], color);

        public double Snap(double length) => Math.Max(1, Math.Floor(length * Scale)) / Scale;
    }
}
