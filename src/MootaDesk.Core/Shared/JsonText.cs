using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text;

namespace MootaDesk.Core.Shared;

/// <summary>
/// Text out of JSON that may be broken in ways System.Text.Json refuses to read as a string: invalid UTF-8 bytes and
/// lone UTF-16 surrogate escapes ("\ud83d" at the end of a name cut short by a bank). Both are valid enough to parse,
/// but <see cref="JsonElement.GetString"/> throws on them. Here each broken piece becomes U+FFFD, the Unicode
/// replacement character, so the rest of the text is kept and nothing downstream ever meets a broken string.
/// </summary>
public static class JsonText
{
    public const char Replacement = '\uFFFD';

    /// <summary>The bytes unchanged when they are valid UTF-8; otherwise a copy with each invalid sequence replaced by U+FFFD.</summary>
    public static ReadOnlyMemory<byte> RepairUtf8(ReadOnlyMemory<byte> bytes) =>
        Utf8.IsValid(bytes.Span) ? bytes : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes.Span));

    /// <summary>The value of a JSON string, with a lone surrogate read as U+FFFD instead of throwing.</summary>
    public static string Read(JsonElement e)
    {
        try
        {
            return e.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            var raw = e.GetRawText();
            return Unescape(raw.AsSpan(1, raw.Length - 2));
        }
    }

    /// <summary>The current string or property-name token of a reader, with a lone surrogate read as U+FFFD.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
            return Unescape(Encoding.UTF8.GetString(raw));
        }
    }

    /// <summary>Undoes JSON escapes of a string's content (without its quotes); an unpaired surrogate becomes U+FFFD.</summary>
    public static string Unescape(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c != '\\' || i + 1 >= s.Length)
            {
                sb.Append(char.IsSurrogate(c) ? Replacement : c);
                continue;
            }
            var e = s[++i];
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when i + 4 < s.Length && ushort.TryParse(s.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit):
                    i += 4;
                    var ch = (char)unit;
                    if (char.IsHighSurrogate(ch) && i + 6 < s.Length && s[i + 1] == '\\' && s[i + 2] == 'u'
                        && ushort.TryParse(s.Slice(i + 3, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low) && char.IsLowSurrogate((char)low))
                    {
                        sb.Append(ch).Append((char)low);
                        i += 6;
                    }
                    else sb.Append(char.IsSurrogate(ch) ? Replacement : ch);
                    break;
                default: sb.Append(e); break; // \" \\ \/
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The JSON indented for a person to read, comments and repeated keys kept as they came (they may be why it was refused),
    /// broken text shown as U+FFFD. Null when the bytes are not JSON.
    /// </summary>
    public static string? Indent(ReadOnlyMemory<byte> json) =>
        Rewrite(json, indented: true, null, null, out _) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>
    /// Copies JSON token by token, so nothing is lost: comments, repeated keys and odd numbers stay exactly as they were
    /// written. Where <paramref name="replace"/> says so for a property (name, depth of the name), its value of any shape is
    /// written as <paramref name="replacement"/>; a null value is left as null (there is nothing in it to hide). Null when
    /// the bytes are not JSON.
    /// </summary>
    internal static byte[]? Rewrite(ReadOnlyMemory<byte> json, bool indented, Func<string, int, bool>? replace, string? replacement, out bool replaced)
    {
        replaced = false;
        var bytes = RepairUtf8(json);
        var reader = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, bytes.Length));
        try
        {
            using var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = indented, SkipValidation = true });
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    Copy(ref reader, w);
                    continue;
                }
                var name = Read(ref reader);
                w.WritePropertyName(name);
                if (replace is null || !replace(name, reader.CurrentDepth)) continue;
                // Comments between the name and its value stay; the value itself is replaced, unless it is null.
                while (reader.Read() && reader.TokenType == JsonTokenType.Comment) Copy(ref reader, w);
                if (reader.TokenType == JsonTokenType.Null) w.WriteNullValue();
                else
                {
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                    w.WriteStringValue(replacement);
                    replaced = true;
                }
            }
            w.Flush();
        }
        catch (JsonException)
        {
            return null;
        }
        return reader.BytesConsumed == 0 ? null : buffer.WrittenSpan.ToArray();
    }

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter w)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: w.WriteStartObject(); break;
            case JsonTokenType.EndObject: w.WriteEndObject(); break;
            case JsonTokenType.StartArray: w.WriteStartArray(); break;
            case JsonTokenType.EndArray: w.WriteEndArray(); break;
            case JsonTokenType.String: w.WriteStringValue(Read(ref reader)); break;
            case JsonTokenType.Number: w.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
            case JsonTokenType.True: w.WriteBooleanValue(true); break;
            case JsonTokenType.False: w.WriteBooleanValue(false); break;
            case JsonTokenType.Null: w.WriteNullValue(); break;
            case JsonTokenType.Comment: w.WriteCommentValue(Comment(ref reader)); break;
        }
    }

    private static string Comment(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetComment().Replace("*/", "* /", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }
}
