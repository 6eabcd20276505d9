using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>A post read: the notification, or why not (never both).</summary>
public sealed record NotificationPostReading(PhoneNotification? Notification, NotificationProblem? Problem)
{
    internal static NotificationPostReading Refused(string key, params string?[] args) => new(null, NotificationProblem.Of(key, args));
}

/// <summary>
/// Turns the body of <c>POST /api/notifications</c> into a <see cref="PhoneNotification"/>, whichever supported
/// forwarder sent it (formats and field mappings: docs/notification-forwarders.md). The format is found from the
/// body, not configured: a JSON object with <c>app</c> or <c>posted_at</c> is MootaDesk's own format; <c>from</c> +
/// <c>content</c> (form fields, as SmsForwarder posts by default, or JSON) is SmsForwarder; <c>from</c> + <c>text</c>
/// (+ <c>sentStamp</c>) is the Incoming SMS gateway. Strict like the Moota reader: a body over
/// <see cref="MaxBodyBytes"/>, HTML, JSON with comments or a key given twice, a field of the wrong type, or a time
/// without an offset or outside 2000-01-01 … now + 1 day is refused with a <see cref="NotificationProblem"/>; nothing
/// throws. Invalid UTF-8 and lone UTF-16 surrogate escapes become U+FFFD (<see cref="JsonText"/>). Fields a format
/// does not use are ignored.
/// </summary>
public static partial class NotificationPostReader
{
    /// <summary>64 KiB: a notification is a few hundred bytes; anything this large is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Reads one post. <paramref name="contentType"/> is the request's Content-Type (may be null: the body is then
    /// sniffed); <paramref name="utcNow"/> is the present from the caller's <see cref="TimeProvider"/>.
    /// </summary>
    public static NotificationPostReading Read(ReadOnlyMemory<byte> body, string? contentType, DateTime utcNow)
    {
        if (body.Length > MaxBodyBytes)
            return NotificationPostReading.Refused(NotificationProblems.BodyTooLarge, body.Length.ToString(CultureInfo.InvariantCulture), MaxBodyBytes.ToString(CultureInfo.InvariantCulture));
        var bytes = JsonText.RepairUtf8(body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body);
        var raw = Encoding.UTF8.GetString(bytes.Span);
        var start = raw.AsSpan().TrimStart();
        if (start.IsEmpty) return NotificationPostReading.Refused(NotificationProblems.BodyEmpty);

        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        Dictionary<string, PostField>? fields;
        NotificationProblem? problem;
        if (media == "application/x-www-form-urlencoded") fields = Form(raw, out problem);
        else if (media.StartsWith("multipart/", StringComparison.Ordinal)) return NotificationPostReading.Refused(NotificationProblems.ContentTypeUnsupported, media);
        else if (media == "text/html" || start[0] == '<') return NotificationPostReading.Refused(NotificationProblems.BodyHtml);
        else if (start[0] is '{' or '[' || media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal)) fields = Json(bytes, out problem);
        else if (media is "" or "text/plain" && raw.Contains('=')) fields = Form(raw, out problem);
        else if (media is "" or "text/plain") return NotificationPostReading.Refused(NotificationProblems.ShapeUnknown, "-");
        else return NotificationPostReading.Refused(NotificationProblems.ContentTypeUnsupported, media);
        if (fields is null) return new NotificationPostReading(null, problem);

        var post = new Post(fields, raw, utcNow);
        if (fields.ContainsKey("app") || fields.ContainsKey("posted_at")) return post.MootaDesk();
        if (fields.ContainsKey("sentStamp") || fields.ContainsKey("receivedStamp")) return post.IncomingSmsGateway();
        if (fields.ContainsKey("from") && fields.ContainsKey("content")) return post.SmsForwarder();
        if (fields.ContainsKey("from") && fields.ContainsKey("text")) return post.IncomingSmsGateway();
        return NotificationPostReading.Refused(NotificationProblems.ShapeUnknown, fields.Count == 0 ? "-" : string.Join(", ", fields.Keys.Order(StringComparer.Ordinal)));
    }

    private enum FieldKind { Text, Number, Other }

    /// <summary>A field as posted: form values are always text; JSON keeps its kind so a number is not taken for a title.</summary>
    private readonly record struct PostField(FieldKind Kind, string Value, string Shown);

    private static Dictionary<string, PostField>? Json(ReadOnlyMemory<byte> bytes, out NotificationProblem? problem)
    {
        problem = null;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            problem = NotificationProblem.Of(NotificationProblems.BodyNotJson, ex.Message);
            return null;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = NotificationProblem.Of(NotificationProblems.BodyNotObject, doc.RootElement.ValueKind.ToString());
                return null;
            }
            var fields = new Dictionary<string, PostField>(StringComparer.Ordinal);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                var name = Name(property);
                var value = property.Value;
                var field = value.ValueKind switch
                {
                    JsonValueKind.String => new PostField(FieldKind.Text, JsonText.Read(value), "string"),
                    JsonValueKind.Number => new PostField(FieldKind.Number, value.GetRawText(), "number"),
                    var kind => new PostField(FieldKind.Other, "", kind.ToString().ToLowerInvariant()),
                };
                if (!fields.TryAdd(name, field))
                {
                    problem = NotificationProblem.Of(NotificationProblems.DuplicateKey, name);
                    return null;
                }
            }
            return fields;
        }
    }

    private static string Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return JsonText.Replacement.ToString(); // a lone surrogate in a key: no field we read has one
        }
    }

    /// <summary><c>application/x-www-form-urlencoded</c>: "+" is a space, %XX a byte, the bytes UTF-8 (broken ones U+FFFD).</summary>
    private static Dictionary<string, PostField>? Form(string raw, out NotificationProblem? problem)
    {
        problem = null;
        var fields = new Dictionary<string, PostField>(StringComparer.Ordinal);
        foreach (var pair in raw.Trim().Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = FormDecode(eq < 0 ? pair : pair[..eq]);
            if (!fields.TryAdd(name, new PostField(FieldKind.Text, eq < 0 ? "" : FormDecode(pair[(eq + 1)..]), "string")))
            {
                problem = NotificationProblem.Of(NotificationProblems.DuplicateKey, name);
                return null;
            }
        }
        return fields;
    }

    private static string FormDecode(string s)
    {
        var bytes = new List<byte>(s.Length);
        var utf8 = Encoding.UTF8.GetBytes(s);
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'+') bytes.Add((byte)' ');
            else if (utf8[i] == (byte)'%' && i + 2 < utf8.Length && IsHex(utf8[i + 1]) && IsHex(utf8[i + 2]))
            {
                bytes.Add(byte.Parse(Encoding.ASCII.GetString(utf8, i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 2;
            }
            else bytes.Add(utf8[i]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    /// <summary>The fields of one post and the mappings of each format onto <see cref="PhoneNotification"/>.</summary>
    private sealed class Post(Dictionary<string, PostField> fields, string raw, DateTime utcNow)
    {
        private NotificationProblem? _problem;

        /// <summary>MootaDesk's own format: <c>app</c> (package; a name is taken as the app name), <c>app_name</c>, <c>title</c>, <c>text</c>, <c>posted_at</c>, <c>device</c>.</summary>
        public NotificationPostReading MootaDesk()
        {
            var app = Text("app", required: true);
            var appName = Text("app_name", required: false);
            var title = Text("title", required: false) ?? "";
            var text = Text("text", required: true);
            var device = Text("device", required: false);
            var posted = Time("posted_at", required: true);
            if (_problem is not null) return new NotificationPostReading(null, _problem);
            if (string.IsNullOrWhiteSpace(app)) return NotificationPostReading.Refused(NotificationProblems.FieldMissing, "app");
            var isPackage = LooksLikePackage(app);
            return Notification(NotificationPostFormats.MootaDesk, NotificationChannels.Notification, isPackage ? app.Trim() : null,
                Blank(appName) ?? (isPackage ? null : app.Trim()), title, text!, posted!.Value, NotificationTimeSources.Posted, Blank(device));
        }

        /// <summary>
        /// SmsForwarder's Webhook: <c>from</c> is the package (or an SMS sender), <c>content</c> its message template
        /// filled in, <c>timestamp</c> the send time in epoch ms. With the default template the content is
        /// "from \n text \n title \n [UID：n] \n yyyy-MM-dd HH:mm:ss \n device", split back here; a JSON template that
        /// sends <c>title</c> itself keeps <c>content</c> as the text.
        /// </summary>
        public NotificationPostReading SmsForwarder()
        {
            var from = Text("from", required: true);
            var content = Text("content", required: true);
            var ownTitle = Text("title", required: false);
            var posted = Time("timestamp", required: true);
            if (_problem is not null) return new NotificationPostReading(null, _problem);
            from = from!.Trim();
            var channel = LooksLikePackage(from) ? NotificationChannels.Notification : NotificationChannels.Sms;
            string title, text;
            string? device = null;
            if (ownTitle is not null) (title, text) = (WithoutScheme(ownTitle), content!);
            else if (SplitDefaultContent(content!, from) is { } split) (title, text, device) = split;
            else (title, text) = ("", content!);
            if (channel == NotificationChannels.Sms) title = ""; // the default template puts the SIM slot where an app's title goes
            return Notification(NotificationPostFormats.SmsForwarder, channel, channel == NotificationChannels.Notification ? from : null,
                channel == NotificationChannels.Sms ? from : null, title, text, posted!.Value, NotificationTimeSources.Forwarded, device);
        }

        /// <summary>
        /// The Incoming SMS gateway's default template: <c>from</c> (a notification's title, or its package when the title
        /// is empty; an SMS sender), <c>text</c>, <c>sentStamp</c> (the phone's post time, epoch ms), <c>receivedStamp</c>
        /// (the forward time), <c>sim</c> ("notification" for notifications, "sim1"/"sim2"/"undetected" for SMS).
        /// </summary>
        public NotificationPostReading IncomingSmsGateway()
        {
            var from = Text("from", required: true);
            var text = Text("text", required: true);
            var sim = Text("sim", required: false);
            var sent = fields.ContainsKey("sentStamp") ? Time("sentStamp", required: true) : null;
            var received = sent is null ? Time("receivedStamp", required: false) : null;
            if (_problem is not null) return new NotificationPostReading(null, _problem);
            if (sent is null && received is null) return NotificationPostReading.Refused(NotificationProblems.FieldMissing, "sentStamp");
            from = from!.Trim();
            var isSms = sim is not null ? !string.Equals(sim.Trim(), "notification", StringComparison.OrdinalIgnoreCase) : SmsSender().IsMatch(from);
            var package = !isSms && LooksLikePackage(from) ? from : null;
            return Notification(NotificationPostFormats.IncomingSmsGateway, isSms ? NotificationChannels.Sms : NotificationChannels.Notification, package,
                isSms ? from : null, isSms || package is not null ? "" : from, text!, (sent ?? received)!.Value,
                sent is not null ? NotificationTimeSources.Posted : NotificationTimeSources.Forwarded, null);
        }

        private NotificationPostReading Notification(string format, string channel, string? package, string? appName, string title, string text,
            DateTime posted, string timeSource, string? device)
        {
            title = title.Trim();
            text = text.Replace("\r\n", "\n").Trim();
            if (title.Length == 0 && text.Length == 0) return NotificationPostReading.Refused(NotificationProblems.TextEmpty);
            return new NotificationPostReading(new PhoneNotification(format, channel, package, Blank(appName), title, text, posted, timeSource, device, raw), null);
        }

        /// <summary>A text field: a string (a JSON number or object is the wrong type); null when absent. The first problem found is kept.</summary>
        private string? Text(string name, bool required)
        {
            if (!fields.TryGetValue(name, out var field) || (field.Kind == FieldKind.Other && field.Shown == "null" && !required))
            {
                if (required) _problem ??= NotificationProblem.Of(NotificationProblems.FieldMissing, name);
                return null;
            }
            if (field.Kind != FieldKind.Text)
            {
                _problem ??= NotificationProblem.Of(NotificationProblems.FieldWrongType, name, field.Shown);
                return null;
            }
            return field.Value;
        }

        /// <summary>A time field: epoch ms as a number or a string of digits, or ISO 8601 with an offset (<see cref="NotificationTime.ReadInstant"/>).</summary>
        private DateTime? Time(string name, bool required)
        {
            if (!fields.TryGetValue(name, out var field) || (field.Kind == FieldKind.Text && field.Value.Trim().Length == 0))
            {
                if (required) _problem ??= NotificationProblem.Of(NotificationProblems.FieldMissing, name);
                return null;
            }
            if (field.Kind == FieldKind.Other)
            {
                _problem ??= NotificationProblem.Of(NotificationProblems.FieldWrongType, name, field.Shown);
                return null;
            }
            var time = NotificationTime.ReadInstant(field.Value, utcNow, out var problem);
            if (problem is not null) _problem ??= problem;
            return time;
        }
    }

    /// <summary>
    /// Splits SmsForwarder's default content back into its parts. Null when the content does not have that shape (a
    /// custom template): the caller then takes it whole as the text.
    /// </summary>
    private static (string Title, string Text, string? Device)? SplitDefaultContent(string content, string from)
    {
        var lines = content.Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 4 || lines[0].Trim() != from) return null;
        var time = Array.FindLastIndex(lines, l => ForwarderTime().IsMatch(l.Trim()));
        if (time < 3) return null;
        var title = time - 1;
        if (UidLine().IsMatch(lines[title].Trim())) title--;
        if (title < 2) return null;
        var device = string.Join("\n", lines[(time + 1)..]).Trim();
        return (WithoutScheme(lines[title]), string.Join("\n", lines[1..title]), device.Length == 0 ? null : device);
    }

    /// <summary>Older SmsForwarder versions append "#####scheme" to an app notification's title.</summary>
    private static string WithoutScheme(string title) => title.Split("#####")[0].Trim();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool LooksLikePackage(string s) => PackageName().IsMatch(s.Trim());

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageName();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ForwarderTime();

    [GeneratedRegex(@"^(?:UID|SubId)\s*[：:]\s*-?\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex UidLine();

    /// <summary>A phone number or short code: what an SMS comes from when the gateway does not say "notification".</summary>
    [GeneratedRegex(@"^\+?[\d\s-]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex SmsSender();
}
