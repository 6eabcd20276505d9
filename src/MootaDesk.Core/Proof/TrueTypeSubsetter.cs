using System.Buffers.Binary;

namespace MootaDesk.Core.Proof;

/// <summary>
/// Cuts a TrueType font down to the glyphs a document uses, keeping glyph ids unchanged (unused glyphs become
/// empty), so an embedded DejaVu Sans costs a few kilobytes instead of 750.
/// </summary>
public static class TrueTypeSubsetter
{
    private static readonly string[] KeptTables = ["OS/2", "cmap", "cvt ", "fpgm", "head", "hhea", "hmtx", "maxp", "prep"];

    public static byte[] Subset(TrueTypeOutlines font, IEnumerable<int> glyphs)
    {
        // Glyph 0 (.notdef) must always be present; composite glyphs bring the glyphs they are made of.
        var keep = new HashSet<int>();
        var queue = new Queue<int>(glyphs.Append(0));
        while (queue.Count > 0)
        {
            var g = queue.Dequeue();
            if (g < 0 || g >= font.NumGlyphs || !keep.Add(g)) continue;
            foreach (var c in font.Components(g)) queue.Enqueue(c);
        }

        using var glyf = new MemoryStream();
        var loca = new byte[(font.NumGlyphs + 1) * 4];
        for (var g = 0; g < font.NumGlyphs; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * g), (uint)glyf.Length);
            if (!keep.Contains(g)) continue;
            glyf.Write(font.GlyphData(g));
            while (glyf.Length % 4 != 0) glyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * font.NumGlyphs), (uint)glyf.Length);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = glyf.ToArray(),
            ["loca"] = loca,
        };
        foreach (var tag in KeptTables)
            if (font.Table(tag) is { } bytes) tables[tag] = bytes;
        var head = tables["head"];
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, recomputed below
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // long loca offsets

        var count = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = (1 << entrySelector) * 16;
        using var output = new MemoryStream();
        var header = new byte[12 + 16 * count];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)(count * 16 - searchRange));
        output.Write(header);
        var headOffset = 0;
        var i = 0;
        foreach (var (tag, bytes) in tables)
        {
            var rec = 12 + 16 * i++;
            System.Text.Encoding.ASCII.GetBytes(tag).CopyTo(header, rec);
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(rec + 4), Checksum(bytes));
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(rec + 8), (uint)output.Length);
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(rec + 12), (uint)bytes.Length);
            if (tag == "head") headOffset = (int)output.Length;
            output.Write(bytes);
            while (output.Length % 4 != 0) output.WriteByte(0);
        }
        var result = output.ToArray();
        header.CopyTo(result, 0);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(headOffset + 8), 0xB1B0AFBA - Checksum(result));
        return result;
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var k = 0; k < 4; k++) word = (word << 8) | (i + k < data.Length ? data[i + k] : 0u);
            sum += word;
        }
        return sum;
    }
}
