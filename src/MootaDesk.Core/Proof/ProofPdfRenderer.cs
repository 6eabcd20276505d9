using System.Globalization;
using System.IO.Compression;
using System.Text;
using MootaDesk.Core.Formatting;

namespace MootaDesk.Core.Proof;

/// <summary>
/// The proof card as a receipt-width PDF (80 mm wide, as tall as the card) with a subset of DejaVu Sans embedded
/// (CIDFontType2, Identity-H, with a ToUnicode map so the text can be searched and copied). Written directly
/// rather than through PDFsharp 6.5, whose licence is AGPL-3.0 or commercial: see docs/dependencies.md.
/// </summary>
public static class ProofPdfRenderer
{
    public static byte[] Render(ProofCard card, BusinessClock clock)
    {
        var height = Math.Ceiling(ProofCardLayout.Draw(new PdfSurface(0), card, clock, paint: false));
        var surface = new PdfSurface(height);
        ProofCardLayout.Draw(surface, card, clock);
        return surface.Finish(ProofCardLayout.Width, height, "Bukti pembayaran " + card.VerificationCode, card.BusinessName);
    }

    private sealed class UsedFont(string resource, bool bold)
    {
        public string Resource { get; } = resource;
        public bool Bold { get; } = bold;
        public TrueTypeOutlines Outlines { get; } = ProofFonts.Outlines(bold);
        public SortedDictionary<int, string> Glyphs { get; } = [];
    }

    private sealed class PdfSurface(double pageHeight) : ICardSurface
    {
        private readonly StringBuilder _content = new();
        private readonly UsedFont _regular = new("F1", false);
        private readonly UsedFont _bold = new("F2", true);

        public double MeasureText(string text, double size, bool bold)
        {
            var font = ProofFonts.Outlines(bold);
            return font.Measure(text) * size / font.UnitsPerEm;
        }

        public void DrawText(string text, double x, double top, double size, bool bold, Rgb color)
        {
            var font = bold ? _bold : _regular;
            var baseline = pageHeight - (top + font.Outlines.Ascender * size / font.Outlines.UnitsPerEm);
            var hex = new StringBuilder();
            foreach (var rune in text.EnumerateRunes())
            {
                var glyph = font.Outlines.GlyphIndex(rune.Value);
                font.Glyphs.TryAdd(glyph, rune.ToString());
                hex.Append(glyph.ToString("X4", CultureInfo.InvariantCulture));
            }
            _content.Append(Fill(color)).Append("BT /").Append(font.Resource).Append(' ').Append(N(size)).Append(" Tf ")
                .Append("1 0 0 1 ").Append(N(x)).Append(' ').Append(N(baseline)).Append(" Tm <").Append(hex).Append("> Tj ET\n");
        }

        public void FillRect(double x, double y, double width, double height, Rgb color) =>
            _content.Append(Fill(color)).Append(N(x)).Append(' ').Append(N(pageHeight - y - height)).Append(' ')
                .Append(N(width)).Append(' ').Append(N(height)).Append(" re f\n");

        public void FillPolygon(IReadOnlyList<(double X, double Y)> points, Rgb color)
        {
            _content.Append(Fill(color));
            for (var i = 0; i < points.Count; i++)
                _content.Append(N(points[i].X)).Append(' ').Append(N(pageHeight - points[i].Y)).Append(i == 0 ? " m " : " l ");
            _content.Append("h f\n");
        }

        public double Snap(double length) => length;

        public byte[] Finish(double width, double height, string title, string author)
        {
            var pdf = new PdfObjects();
            int catalog = pdf.Reserve(), pages = pdf.Reserve(), page = pdf.Reserve(), content = pdf.Reserve(), info = pdf.Reserve();
            var fontRefs = new StringBuilder();
            foreach (var font in new[] { _regular, _bold }.Where(f => f.Glyphs.Count > 0))
                fontRefs.Append('/').Append(font.Resource).Append(' ').Append(WriteFont(pdf, font)).Append(" 0 R ");

            pdf.Object(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
            pdf.Object(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
            pdf.Object(page, $"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {N(width)} {N(height)}] " +
                             $"/Resources << /Font << {fontRefs}>> >> /Contents {content} 0 R >>");
            pdf.Stream(content, "", Encoding.ASCII.GetBytes(_content.ToString()));
            pdf.Object(info, $"<< /Title {PdfObjects.Text(title)} /Author {PdfObjects.Text(author)} /Producer (MootaDesk) >>");
            return pdf.Finish(catalog, info);
        }

        private static int WriteFont(PdfObjects pdf, UsedFont font)
        {
            int type0 = pdf.Reserve(), cid = pdf.Reserve(), descriptor = pdf.Reserve(), file = pdf.Reserve(), toUnicode = pdf.Reserve();
            var t = font.Outlines;
            double Scale(double v) => v * 1000 / t.UnitsPerEm;
            // A six-letter tag marks a subset (PDF 9.6.4); derived from the glyph set so identical PDFs stay identical.
            var seed = font.Glyphs.Keys.Aggregate(font.Bold ? 7L : 3L, (h, g) => (h * 31 + g) % 308_915_776); // 26^6
            var tag = new string(Enumerable.Range(0, 6).Select(i => (char)('A' + (int)(seed / (long)Math.Pow(26, i) % 26))).ToArray());
            var name = tag + "+" + (font.Bold ? ProofFonts.BoldName : ProofFonts.RegularName);

            var widths = new StringBuilder();
            foreach (var g in font.Glyphs.Keys) widths.Append(g).Append(" [").Append(N(Scale(t.AdvanceWidth(g)))).Append("] ");

            pdf.Object(type0, $"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cid} 0 R] /ToUnicode {toUnicode} 0 R >>");
            pdf.Object(cid, $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
                            $"/FontDescriptor {descriptor} 0 R /DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>");
            var bbox = t.BoundingBox;
            pdf.Object(descriptor, $"<< /Type /FontDescriptor /FontName /{name} /Flags 32 /FontBBox [{N(Scale(bbox.XMin))} {N(Scale(bbox.YMin))} {N(Scale(bbox.XMax))} {N(Scale(bbox.YMax))}] " +
                                   $"/ItalicAngle 0 /Ascent {N(Scale(t.Ascender))} /Descent {N(Scale(t.Descender))} /CapHeight {N(Scale(t.Ascender))} /StemV {(font.Bold ? 120 : 80)} /FontFile2 {file} 0 R >>");
            var subset = TrueTypeSubsetter.Subset(t, font.Glyphs.Keys);
            pdf.Stream(file, $"/Length1 {subset.Length}", subset);

            var cmap = new StringBuilder();
            cmap.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
            foreach (var chunk in font.Glyphs.Chunk(100))
            {
                cmap.Append(chunk.Length).Append(" beginbfchar\n");
                foreach (var (g, text) in chunk)
                    cmap.Append('<').Append(g.ToString("X4", CultureInfo.InvariantCulture)).Append("> <")
                        .Append(Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text))).Append(">\n");
                cmap.Append("endbfchar\n");
            }
            cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
            pdf.Stream(toUnicode, "", Encoding.ASCII.GetBytes(cmap.ToString()));
            return type0;
        }

        private static string Fill(Rgb c) => $"{N(c.R / 255.0)} {N(c.G / 255.0)} {N(c.B / 255.0)} rg ";
    }

    internal static string N(double v) => Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Numbered objects, a cross-reference table and a trailer: the skeleton of a PDF 1.7 file.</summary>
    private sealed class PdfObjects
    {
        private readonly MemoryStream _out = new();
        private readonly Dictionary<int, long> _offsets = [];
        private int _next;

        public PdfObjects()
        {
            Write("%PDF-1.7\n");
            _out.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        }

        public int Reserve() => ++_next;

        public void Object(int id, string body)
        {
            _offsets[id] = _out.Length;
            Write($"{id} 0 obj\n{body}\nendobj\n");
        }

        public void Stream(int id, string extraDictionary, byte[] data)
        {
            using var compressed = new MemoryStream();
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
            _offsets[id] = _out.Length;
            Write($"{id} 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode {extraDictionary} >>\nstream\n");
            compressed.Position = 0;
            compressed.CopyTo(_out);
            Write("\nendstream\nendobj\n");
        }

        public byte[] Finish(int catalog, int info)
        {
            var xref = _out.Length;
            Write($"xref\n0 {_next + 1}\n0000000000 65535 f \n");
            for (var id = 1; id <= _next; id++) Write($"{_offsets[id]:D10} 00000 n \n");
            Write($"trailer\n<< /Size {_next + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            return _out.ToArray();
        }

        /// <summary>A text string as UTF-16BE hex, so any business name survives.</summary>
        public static string Text(string s) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(s)) + ">";

        private void Write(string s) => _out.Write(Encoding.ASCII.GetBytes(s));
    }
}
