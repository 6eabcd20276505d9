using System.Buffers.Binary;
using System.IO.Compression;

namespace MootaDesk.Core.Proof;

/// <summary>
/// A small RGB bitmap with anti-aliased polygon filling (non-zero winding, 4 sub-scanlines per pixel and exact
/// horizontal coverage) and a PNG encoder. It draws the proof image; nothing here depends on native libraries.
/// </summary>
public sealed class RasterCanvas
{
    private const int SubSamples = 4;
    private readonly byte[] _rgb;

    public int Width { get; }
    public int Height { get; }

    public RasterCanvas(int width, int height, Rgb background)
    {
        if (width <= 0 || height <= 0 || (long)width * height > 40_000_000) throw new ArgumentOutOfRangeException(nameof(width));
        Width = width;
        Height = height;
        _rgb = new byte[width * height * 3];
        for (var i = 0; i < _rgb.Length; i += 3) { _rgb[i] = background.R; _rgb[i + 1] = background.G; _rgb[i + 2] = background.B; }
    }

    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        var i = (y * Width + x) * 3;
        return (_rgb[i], _rgb[i + 1], _rgb[i + 2]);
    }

    /// <summary>Fills closed contours (each a list of points in pixels) together, so holes (the inside of an "o") stay open.</summary>
    public void Fill(IEnumerable<IReadOnlyList<(double X, double Y)>> contours, Rgb color)
    {
        var edges = new List<(double X0, double Y0, double X1, double Y1, int Dir)>();
        double minY = double.MaxValue, maxY = double.MinValue, minX = double.MaxValue, maxX = double.MinValue;
        foreach (var c in contours)
        {
            for (var i = 0; i < c.Count; i++)
            {
                var a = c[i];
                var b = c[(i + 1) % c.Count];
                minX = Math.Min(minX, a.X); maxX = Math.Max(maxX, a.X);
                if (a.Y == b.Y) continue;
                edges.Add(a.Y < b.Y ? (a.X, a.Y, b.X, b.Y, 1) : (b.X, b.Y, a.X, a.Y, -1));
                minY = Math.Min(minY, Math.Min(a.Y, b.Y));
                maxY = Math.Max(maxY, Math.Max(a.Y, b.Y));
            }
        }
        if (edges.Count == 0) return;
        var y0 = Math.Max(0, (int)Math.Floor(minY));
        var y1 = Math.Min(Height - 1, (int)Math.Ceiling(maxY));
        var x0 = Math.Max(0, (int)Math.Floor(minX));
        var x1 = Math.Min(Width - 1, (int)Math.Ceiling(maxX));
        if (x1 < x0 || y1 < y0) return;

        var coverage = new double[x1 - x0 + 2];
        var crossings = new List<(double X, int Dir)>();
        for (var py = y0; py <= y1; py++)
        {
            Array.Clear(coverage);
            var any = false;
            for (var s = 0; s < SubSamples; s++)
            {
                var sy = py + (s + 0.5) / SubSamples;
                crossings.Clear();
                foreach (var e in edges)
                {
                    if (sy < e.Y0 || sy >= e.Y1) continue;
                    crossings.Add((e.X0 + (sy - e.Y0) * (e.X1 - e.X0) / (e.Y1 - e.Y0), e.Dir));
                }
                if (crossings.Count < 2) continue;
                crossings.Sort((a, b) => a.X.CompareTo(b.X));
                var winding = 0;
                for (var i = 0; i < crossings.Count - 1; i++)
                {
                    winding += crossings[i].Dir;
                    if (winding == 0) continue;
                    AddSpan(coverage, crossings[i].X - x0, crossings[i + 1].X - x0, 1.0 / SubSamples);
                    any = true;
                }
            }
            if (!any) continue;
            for (var px = x0; px <= x1; px++)
            {
                var a = Math.Min(1, coverage[px - x0]);
                if (a <= 0) continue;
                var i = (py * Width + px) * 3;
                _rgb[i] = Blend(_rgb[i], color.R, a);
                _rgb[i + 1] = Blend(_rgb[i + 1], color.G, a);
                _rgb[i + 2] = Blend(_rgb[i + 2], color.B, a);
            }
        }
    }

    private static void AddSpan(double[] coverage, double from, double to, double weight)
    {
        from = Math.Max(0, from);
        to = Math.Min(coverage.Length - 1, to);
        if (to <= from) return;
        var first = (int)Math.Floor(from);
        var last = (int)Math.Floor(to);
        if (first == last) { coverage[first] += (to - from) * weight; return; }
        coverage[first] += (first + 1 - from) * weight;
        for (var x = first + 1; x < last; x++) coverage[x] += weight;
        if (last < coverage.Length) coverage[last] += (to - last) * weight;
    }

    private static byte Blend(byte under, byte over, double alpha) => (byte)Math.Round(under + (over - under) * alpha);

    /// <summary>An 8-bit RGB PNG (no filtering, zlib-compressed).</summary>
    public byte[] EncodePng()
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        WriteChunk(output, "IHDR", header);

        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                var row = Width * 3;
                for (var y = 0; y < Height; y++)
                {
                    z.WriteByte(0);
                    z.Write(_rgb, y * row, row);
                }
            }
            WriteChunk(output, "IDAT", raw.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        output.Write(len);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32.Update(Crc32.Update(0xFFFFFFFF, typeBytes), data) ^ 0xFFFFFFFF;
        BinaryPrimitives.WriteUInt32BigEndian(len, crc);
        output.Write(len);
    }

    private static class Crc32
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            return c;
        }).ToArray();

        public static uint Update(uint crc, byte[] data)
        {
            foreach (var b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return crc;
        }
    }
}
