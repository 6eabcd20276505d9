using System.Buffers.Binary;

namespace MootaDesk.Core.Proof;

/// <summary>
/// Just enough of a TrueType reader to draw text into a bitmap: character map (format 4), advance widths and
/// glyph outlines (simple and composite, quadratic curves flattened to lines). No hinting and no kerning, which a
/// proof image at chat resolution does not need. See docs/dependencies.md for why this exists.
/// </summary>
public sealed class TrueTypeOutlines
{
    private readonly byte[] _data;
    private readonly int _glyf, _loca, _hmtx, _numberOfHMetrics, _numGlyphs;
    private readonly bool _longLoca;
    private readonly Dictionary<int, int> _cmap = [];
    private readonly Dictionary<int, List<List<(double X, double Y)>>> _outlineCache = [];
    private readonly Dictionary<string, (int Offset, int Length)> _tables = [];

    public int UnitsPerEm { get; }
    public int Ascender { get; }
    public int Descender { get; }
    public int NumGlyphs => _numGlyphs;

    /// <summary>xMin, yMin, xMax, yMax over all glyphs, in font units.</summary>
    public (int XMin, int YMin, int XMax, int YMax) BoundingBox { get; }

    /// <summary>A table's bytes, or null when the font has no such table.</summary>
    public byte[]? Table(string tag) => _tables.TryGetValue(tag, out var t) ? _data.AsSpan(t.Offset, t.Length).ToArray() : null;

    /// <summary>The raw glyf entry of a glyph (empty for glyphs without outline, such as the space).</summary>
    public ReadOnlySpan<byte> GlyphData(int glyph)
    {
        if (glyph < 0 || glyph >= _numGlyphs) return [];
        var (start, end) = GlyphRange(glyph);
        return end > start ? _data.AsSpan(_glyf + start, end - start) : [];
    }

    /// <summary>The glyphs a composite glyph is built from (empty for simple glyphs).</summary>
    public IEnumerable<int> Components(int glyph)
    {
        var g = GlyphData(glyph);
        if (g.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(g) >= 0) yield break;
        var p = 10;
        var list = new List<int>();
        while (true)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(g[p..]);
            list.Add(BinaryPrimitives.ReadUInt16BigEndian(g[(p + 2)..]));
            p += 4 + ((flags & 1) != 0 ? 4 : 2) + ((flags & 8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
            if ((flags & 0x20) == 0) break;
        }
        foreach (var c in list) yield return c;
    }

    private (int Start, int End) GlyphRange(int glyph) => _longLoca
        ? ((int)U32(_loca + 4 * glyph), (int)U32(_loca + 4 * glyph + 4))
        : (U16(_loca + 2 * glyph) * 2, U16(_loca + 2 * glyph + 2) * 2);

    public TrueTypeOutlines(byte[] data)
    {
        _data = data;
        var tables = new Dictionary<string, int>();
        var count = U16(4);
        for (var i = 0; i < count; i++)
        {
            var rec = 12 + 16 * i;
            tables[System.Text.Encoding.ASCII.GetString(data, rec, 4)] = (int)U32(rec + 8);
            _tables[System.Text.Encoding.ASCII.GetString(data, rec, 4)] = ((int)U32(rec + 8), (int)U32(rec + 12));
        }
        int Table(string tag) => tables.TryGetValue(tag, out var o) ? o : throw new InvalidDataException($"Font has no '{tag}' table.");

        var head = Table("head");
        UnitsPerEm = U16(head + 18);
        _longLoca = I16(head + 50) == 1;
        _numGlyphs = U16(Table("maxp") + 4);
        BoundingBox = (I16(head + 36), I16(head + 38), I16(head + 40), I16(head + 42));
        var hhea = Table("hhea");
        Ascender = I16(hhea + 4);
        Descender = I16(hhea + 6);
        _numberOfHMetrics = U16(hhea + 34);
        _hmtx = Table("hmtx");
        _loca = Table("loca");
        _glyf = Table("glyf");
        ReadCmap(Table("cmap"));
    }

    private void ReadCmap(int cmap)
    {
        var n = U16(cmap + 2);
        for (var i = 0; i < n; i++)
        {
            var platform = U16(cmap + 4 + 8 * i);
            var encoding = U16(cmap + 6 + 8 * i);
            var sub = cmap + (int)U32(cmap + 8 + 8 * i);
            if (platform == 3 && encoding == 1 && U16(sub) == 4) { ReadFormat4(sub); return; }
        }
        throw new InvalidDataException("Font has no Unicode BMP character map.");
    }

    private void ReadFormat4(int sub)
    {
        var segX2 = U16(sub + 6);
        var ends = sub + 14;
        var starts = ends + segX2 + 2;
        var deltas = starts + segX2;
        var ranges = deltas + segX2;
        for (var s = 0; s < segX2 / 2; s++)
        {
            int end = U16(ends + 2 * s), start = U16(starts + 2 * s), delta = I16(deltas + 2 * s), rangeOffset = U16(ranges + 2 * s);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    var at = ranges + 2 * s + rangeOffset + 2 * (c - start);
                    glyph = U16(at);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0) _cmap[c] = glyph;
            }
        }
    }

    public bool HasGlyph(int codePoint) => _cmap.ContainsKey(codePoint);

    public int GlyphIndex(int codePoint) => _cmap.GetValueOrDefault(codePoint);

    public int AdvanceWidth(int glyph) => U16(_hmtx + 4 * Math.Min(glyph, _numberOfHMetrics - 1));

    /// <summary>Width of a string in font units.</summary>
    public double Measure(string text)
    {
        double w = 0;
        foreach (var rune in text.EnumerateRunes()) w += AdvanceWidth(GlyphIndex(rune.Value));
        return w;
    }

    /// <summary>Closed contours in font units (y up), curves flattened.</summary>
    public IReadOnlyList<List<(double X, double Y)>> Outline(int glyph)
    {
        lock (_outlineCache)
        {
            if (!_outlineCache.TryGetValue(glyph, out var contours))
                _outlineCache[glyph] = contours = ReadGlyph(glyph, 0);
            return contours;
        }
    }

    private List<List<(double X, double Y)>> ReadGlyph(int glyph, int depth)
    {
        var result = new List<List<(double, double)>>();
        if (glyph < 0 || glyph >= _numGlyphs || depth > 8) return result;
        var (start, end) = GlyphRange(glyph);
        if (end <= start) return result;
        var g = _glyf + start;
        var contours = I16(g);
        return contours >= 0 ? ReadSimple(g, contours) : ReadComposite(g, depth);
    }

    private List<List<(double X, double Y)>> ReadSimple(int g, int contourCount)
    {
        var endPts = new int[contourCount];
        for (var i = 0; i < contourCount; i++) endPts[i] = U16(g + 10 + 2 * i);
        var pointCount = contourCount == 0 ? 0 : endPts[^1] + 1;
        var p = g + 10 + 2 * contourCount;
        p += 2 + U16(p);
        var flags = new byte[pointCount];
        for (var i = 0; i < pointCount;)
        {
            var f = _data[p++];
            flags[i++] = f;
            if ((f & 8) != 0)
            {
                var repeat = _data[p++];
                for (var r = 0; r < repeat && i < pointCount; r++) flags[i++] = f;
            }
        }
        var xs = new int[pointCount];
        var ys = new int[pointCount];
        var v = 0;
        for (var i = 0; i < pointCount; i++)
        {
            var f = flags[i];
            if ((f & 2) != 0) { var d = _data[p++]; v += (f & 16) != 0 ? d : -d; }
            else if ((f & 16) == 0) { v += I16(p); p += 2; }
            xs[i] = v;
        }
        v = 0;
        for (var i = 0; i < pointCount; i++)
        {
            var f = flags[i];
            if ((f & 4) != 0) { var d = _data[p++]; v += (f & 32) != 0 ? d : -d; }
            else if ((f & 32) == 0) { v += I16(p); p += 2; }
            ys[i] = v;
        }

        var result = new List<List<(double, double)>>();
        var first = 0;
        foreach (var last in endPts)
        {
            result.Add(Flatten(Enumerable.Range(first, last - first + 1).Select(i => (xs[i], ys[i], (flags[i] & 1) != 0)).ToList()));
            first = last + 1;
        }
        return result;
    }

    private static List<(double X, double Y)> Flatten(List<(int X, int Y, bool On)> pts)
    {
        var outline = new List<(double, double)>();
        if (pts.Count == 0) return outline;
        // Curves are quadratic; two off-curve points in a row imply an on-curve point halfway between them.
        var expanded = new List<(double X, double Y, bool On)>();
        for (var i = 0; i < pts.Count; i++)
        {
            var a = pts[i];
            var b = pts[(i + 1) % pts.Count];
            expanded.Add((a.X, a.Y, a.On));
            if (!a.On && !b.On) expanded.Add(((a.X + b.X) / 2.0, (a.Y + b.Y) / 2.0, true));
        }
        var startIndex = expanded.FindIndex(q => q.On);
        if (startIndex < 0) return outline;
        var n = expanded.Count;
        var current = expanded[startIndex];
        outline.Add((current.X, current.Y));
        for (var k = 1; k <= n; k++)
        {
            var q = expanded[(startIndex + k) % n];
            if (q.On) { outline.Add((q.X, q.Y)); current = q; continue; }
            var next = expanded[(startIndex + k + 1) % n];
            const int steps = 6;
            for (var s = 1; s <= steps; s++)
            {
                var t = s / (double)steps;
                var u = 1 - t;
                outline.Add((u * u * current.X + 2 * u * t * q.X + t * t * next.X, u * u * current.Y + 2 * u * t * q.Y + t * t * next.Y));
            }
            current = next;
            k++;
        }
        return outline;
    }

    private List<List<(double X, double Y)>> ReadComposite(int g, int depth)
    {
        var result = new List<List<(double, double)>>();
        var p = g + 10;
        while (true)
        {
            var flags = U16(p);
            var child = U16(p + 2);
            p += 4;
            double dx, dy;
            if ((flags & 1) != 0) { dx = I16(p); dy = I16(p + 2); p += 4; }
            else { dx = (sbyte)_data[p]; dy = (sbyte)_data[p + 1]; p += 2; }
            double a = 1, b = 0, c = 0, d = 1;
            if ((flags & 8) != 0) { a = d = F2Dot14(p); p += 2; }
            else if ((flags & 0x40) != 0) { a = F2Dot14(p); d = F2Dot14(p + 2); p += 4; }
            else if ((flags & 0x80) != 0) { a = F2Dot14(p); b = F2Dot14(p + 2); c = F2Dot14(p + 4); d = F2Dot14(p + 6); p += 8; }
            // Point-matching placement (ARGS_ARE_XY_VALUES unset) does not occur in DejaVu's Latin glyphs; treated as no offset.
            if ((flags & 2) == 0) { dx = 0; dy = 0; }
            foreach (var contour in ReadGlyph(child, depth + 1))
                result.Add(contour.Select(pt => (a * pt.X + c * pt.Y + dx, b * pt.X + d * pt.Y + dy)).ToList());
            if ((flags & 0x20) == 0) break;
        }
        return result;
    }

    private double F2Dot14(int at) => I16(at) / 16384.0;
    private int U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(at));
    private short I16(int at) => BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(at));
    private uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(at));
}
