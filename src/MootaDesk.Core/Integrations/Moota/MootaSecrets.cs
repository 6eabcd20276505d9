using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations.Moota;

/// <summary>
/// Keeps bank credentials out of what MootaDesk stores. Moota's account object (<c>bank</c>) can carry the bank login
/// (<c>username</c>, <c>corporate_id</c>) and a <c>meta</c> object with the reader's session (<c>access_token</c>,
/// <c>auth_token</c>, <c>otp</c> …); none of it is needed to keep books, and anything stored is eventually shown.
/// Two rules, one list of names:
/// <list type="bullet">
/// <item>A mutation's stored source (<see cref="MutationRawSource"/>) keeps an allow-list of fields, so a field Moota
/// adds tomorrow is dropped until someone decides it is harmless.</item>
/// <item>A processed delivery's kept body (<see cref="RedactBody"/>) keeps its shape for Ops (unknown fields, comments,
/// repeated keys: whatever made an element unreadable stays visible) with every secret-looking value replaced.</item>
/// </list>
/// </summary>
public static class MootaSecrets
{
    /// <summary>What a secret value is replaced with in a kept delivery body.</summary>
    public const string Marker = "***";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Fields of a Moota mutation worth keeping as its source (docs: /work/shared/docs/moota-format.md, "Mutation object").
    private static readonly HashSet<string> MutationFields =
        ["mutation_id", "bank_id", "account_number", "date", "description", "amount", "type", "balance", "note", "created_at", "updated_at", "taggings", "bank"];

    private static readonly HashSet<string> BankFields =
        ["bank_id", "bank_type", "label", "account_number", "atas_nama", "balance", "is_active", "last_update"];

    private static readonly HashSet<string> TaggingFields = ["name", "tag_id"];

    // Names that are a credential whole; word-level names catch "deviceOtp", "pin_code"; fragments catch "accesstoken".
    private static readonly HashSet<string> SecretNames =
        ["meta", "username", "user_name", "corporate_id", "password", "passwd", "pwd", "pass", "pin", "mpin", "otp", "cookie", "cookies",
         "session", "sessionid", "secret", "credential", "credentials", "apikey", "api_key", "private_key", "signature_key"];

    private static readonly HashSet<string> SecretWords = ["otp", "pin", "mpin", "pwd", "pass", "passcode", "username"];

    private static readonly string[] SecretFragments = ["token", "secret", "password", "passwd", "cookie", "session", "credential", "apikey"];

    /// <summary>
    /// True for a field name that holds or may hold a credential: <c>username</c>, <c>password</c>, <c>meta</c>, anything with
    /// "token", "secret", "cookie", "session", "credential" in it, anything starting with "auth", and the words otp/pin/pwd.
    /// </summary>
    public static bool IsSecretName(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (SecretNames.Contains(lower) || lower.StartsWith("auth", StringComparison.Ordinal)) return true;
        foreach (var fragment in SecretFragments)
            if (lower.Contains(fragment, StringComparison.Ordinal)) return true;
        foreach (var word in Words(name))
            if (SecretWords.Contains(word)) return true;
        return false;
    }

    /// <summary>
    /// The part of one Moota mutation object (webhook element or API item) that is stored as <c>Mutation.RawSource</c>:
    /// compact JSON with only the allow-listed fields, <c>bank</c> reduced to the account's public description, broken
    /// text repaired (U+FFFD). Null when the element is not an object.
    /// </summary>
    public static string? MutationRawSource(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            WriteAllowed(w, element, MutationFields);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// <see cref="MutationRawSource(JsonElement)"/> over stored text: what the data scrub runs on sources kept by earlier
    /// versions. Text that is not a JSON object (a statement row, say) is returned unchanged.
    /// </summary>
    public static string? MutationRawSource(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return json;
        try
        {
            using var doc = JsonDocument.Parse(JsonText.RepairUtf8(System.Text.Encoding.UTF8.GetBytes(json)));
            return doc.RootElement.ValueKind == JsonValueKind.Object ? MutationRawSource(doc.RootElement) : json;
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>
    /// A copy of a delivery body with the value of every secret-named field (<see cref="IsSecretName"/>, at any depth)
    /// replaced by <see cref="Marker"/>. Everything else stays, comments and repeated keys included, so "Proses lagi" on the
    /// copy reads exactly what the original read. Exception: an element's own <c>token</c> stays, since Moota uses it as the
    /// mutation's id ("usually equal to mutation_id") and the reader falls back to it. Broken text becomes U+FFFD, so the
    /// copy is valid UTF-8; a body with nothing to hide is returned as it came. Null when the body is not JSON at all (then
    /// there is nothing to find fields in).
    /// </summary>
    public static byte[]? RedactBody(ReadOnlyMemory<byte> body)
    {
        var copy = JsonText.Rewrite(body, indented: false, (name, depth) => IsSecretName(name) && !(name == "token" && depth == 2), Marker, out var replaced);
        // Nothing to hide in valid text: the body stays byte for byte as received (and its signature still verifies).
        return copy is not null && !replaced && System.Text.Unicode.Utf8.IsValid(body.Span) ? body.ToArray() : copy;
    }

    private static void WriteAllowed(Utf8JsonWriter w, JsonElement obj, HashSet<string> allowed)
    {
        w.WriteStartObject();
        foreach (var p in obj.EnumerateObject())
        {
            string name;
            try { name = p.Name; }
            catch (InvalidOperationException) { continue; } // a name with a broken escape is no field of ours
            if (!allowed.Contains(name)) continue;
            w.WritePropertyName(name);
            if (name == "bank" && p.Value.ValueKind == JsonValueKind.Object) WriteAllowed(w, p.Value, BankFields);
            else if (name == "taggings" && p.Value.ValueKind == JsonValueKind.Array)
            {
                w.WriteStartArray();
                foreach (var t in p.Value.EnumerateArray())
                    if (t.ValueKind == JsonValueKind.Object) WriteAllowed(w, t, TaggingFields);
                    else WriteScalar(w, t);
                w.WriteEndArray();
            }
            else WriteScalar(w, p.Value);
        }
        w.WriteEndObject();
    }

    // Allow-listed fields are scalars in Moota's format; an object or array where a scalar belongs is not kept.
    private static void WriteScalar(Utf8JsonWriter w, JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.String: w.WriteStringValue(JsonText.Read(v)); break;
            case JsonValueKind.Number: w.WriteRawValue(v.GetRawText(), skipInputValidation: true); break;
            case JsonValueKind.True: w.WriteBooleanValue(true); break;
            case JsonValueKind.False: w.WriteBooleanValue(false); break;
            default: w.WriteNullValue(); break;
        }
    }

    /// <summary>"deviceOtp" → device, otp; "pin_code" → pin, code.</summary>
    private static IEnumerable<string> Words(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length || !char.IsLetterOrDigit(name[i]) || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (!boundary) continue;
            var word = name[start..i].Trim('_', '-', '.', ' ');
            if (word.Length > 0) yield return word.ToLowerInvariant();
            start = i < name.Length && !char.IsLetterOrDigit(name[i]) ? i + 1 : i;
        }
    }
}
