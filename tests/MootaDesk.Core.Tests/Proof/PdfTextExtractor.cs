using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace MootaDesk.Core.Tests.Proof;

/// <summary>
/// Reads a PDF back the way a viewer's search does, independently of the writer: objects by number, streams
/// inflated, the page's content stream gives glyph ids (Identity-H) and each font's ToUnicode map turns them into
/// characters. Handles the uncompressed-xref, FlateDecode files our renderer writes.
/// </summary>
public sealed partial class PdfTextExtractor
{
    private readonly Dictionary<int, (string Dict, byte[]? Stream)> _objects = [];

    public PdfTextExtractor(byte[] pdf)
    {
        var latin = Encoding.Latin1.GetString(pdf);
        foreach (Match m in ObjectPattern().Matches(latin))
        {
            var id = int.Parse(m.Groups[1].Value);
            var body = m.Groups[2].Value;
            var streamAt = body.IndexOf("stream\n", StringComparison.Ordinal);
            if (streamAt < 0) { _objects[id] = (body, null); continue; }
            var dict = body[..streamAt];
            var length = int.Parse(Regex.Match(dict, @"/Length (\d+)").Groups[1].Value);
            var start = m.Groups[2].Index + streamAt + "stream\n".Length;
            var raw = pdf.AsSpan(start, length).ToArray();
            if (dict.Contains("/FlateDecode"))
            {
                using var z = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
                using var ms = new MemoryStream();
                z.CopyTo(ms);
                raw = ms.ToArray();
            }
            _objects[id] = (dict, raw);
        }
    }

    public (string Dict, byte[]? Stream) this[int id] => _objects[id];

    public IEnumerable<string> Dictionaries => _objects.Values.Select(o => o.Dict);

    public string Page => _objects.Values.Single(o => Regex.IsMatch(o.Dict, @"/Type /Page\b")).Dict;

    public string Text()
    {
        var page = Page;
        var fonts = Regex.Matches(page, @"/(F\d+) (\d+) 0 R").ToDictionary(m => m.Groups[1].Value, m => ToUnicode(int.Parse(m.Groups[2].Value)));
        var content = Encoding.Latin1.GetString(_objects[Ref(page, "Contents")].Stream!);
        var sb = new StringBuilder();
        Dictionary<int, string>? current = null;
        foreach (Match m in Regex.Matches(content, @"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj"))
        {
            if (m.Groups[1].Success) { current = fonts[m.Groups[1].Value]; continue; }
            var hex = m.Groups[2].Value;
            for (var i = 0; i + 4 <= hex.Length; i += 4)
                sb.Append(current!.TryGetValue(Convert.ToInt32(hex.Substring(i, 4), 16), out var u) ? u : "\uFFFD");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Each font the page uses: its name and its embedded font program (FontFile2), or null when not embedded.</summary>
    public IReadOnlyList<(string BaseFont, byte[]? Program)> Fonts()
    {
        var result = new List<(string, byte[]?)>();
        foreach (Match m in Regex.Matches(Page, @"/(F\d+) (\d+) 0 R"))
        {
            var type0 = _objects[int.Parse(m.Groups[2].Value)].Dict;
            var name = Regex.Match(type0, @"/BaseFont /([^\s/]+)").Groups[1].Value;
            var cid = _objects[int.Parse(Regex.Match(type0, @"/DescendantFonts \[(\d+) 0 R\]").Groups[1].Value)].Dict;
            var descriptor = _objects[Ref(cid, "FontDescriptor")].Dict;
            var file = Regex.Match(descriptor, @"/FontFile2 (\d+) 0 R");
            result.Add((name, file.Success ? _objects[int.Parse(file.Groups[1].Value)].Stream : null));
        }
        return result;
    }

    public static int Ref(string dict, string key) => int.Parse(Regex.Match(dict, $@"/{key} (\d+) 0 R").Groups[1].Value);

    private Dictionary<int, string> ToUnicode(int type0)
    {
        var map = new Dictionary<int, string>();
        var text = Encoding.ASCII.GetString(_objects[Ref(_objects[type0].Dict, "ToUnicode")].Stream!);
        foreach (Match block in Regex.Matches(text, @"beginbfchar(.*?)endbfchar", RegexOptions.Singleline))
            foreach (Match m in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>"))
                map[Convert.ToInt32(m.Groups[1].Value, 16)] = Encoding.BigEndianUnicode.GetString(Convert.FromHexString(m.Groups[2].Value));
        return map;
    }

    [GeneratedRegex(@"(\d+) 0 obj\n(.*?)\nendobj\n", RegexOptions.Singleline)]
    private static partial Regex ObjectPattern();
}
