using System.Buffers.Binary;
using System.IO.Compression;

namespace MootaDesk.Core.Tests.Proof;

/// <summary>
/// A strict little PNG decoder for tests (8-bit RGB/RGBA, all five row filters, CRC checked), written from the
/// PNG specification rather than from our encoder, so a broken image fails here as it would in a chat app.
/// </summary>
public sealed class PngReader
{
    public int Width { get; private init; }
    public int Height { get; private init; }
    private byte[] Pixels { get; init; } = [];
    private int Channels { get; init; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get { var i = (y * Width + x) * Channels; return (Pixels[i], Pixels[i + 1], Pixels[i + 2]); }
    }

    public static PngReader Decode(byte[] png)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG signature");
        var pos = 8;
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var sawEnd = false;
        while (pos < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            if (crc != Crc(png.AsSpan(pos + 4, 4 + length))) throw new InvalidDataException($"bad CRC in {type}");
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    if (data[8] != 8) throw new InvalidDataException("only 8-bit");
                    channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException("colour type") };
                    if (data[12] != 0) throw new InvalidDataException("interlaced");
                    break;
                case "IDAT": idat.Write(data); break;
                case "IEND": sawEnd = true; break;
            }
            pos += 12 + length;
        }
        if (!sawEnd || width == 0) throw new InvalidDataException("truncated PNG");

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        if (bytes.Length != height * (stride + 1)) throw new InvalidDataException("wrong amount of image data");
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var v = bytes[y * (stride + 1) + 1 + x];
                int a = x >= channels ? pixels[y * stride + x - channels] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
                pixels[y * stride + x] = (byte)(filter switch
                {
                    0 => v,
                    1 => v + a,
                    2 => v + b,
                    3 => v + (a + b) / 2,
                    4 => v + Paeth(a, b, c),
                    _ => throw new InvalidDataException("bad filter"),
                });
            }
        }
        return new PngReader { Width = width, Height = height, Pixels = pixels, Channels = channels };
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var d in data)
        {
            crc ^= d;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFF;
    }
}
