using System.Text.Json;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations.Moota;

/// <summary>
/// A webhook body read element by element: the mutations to store, the elements kept with their reasons, or, when the
/// body as a whole is unusable, <see cref="Problem"/> and nothing else. <see cref="ElementCount"/> counts both kinds.
/// </summary>
public sealed record MootaBodyReading(
    IReadOnlyList<IncomingMutation> Mutations, IReadOnlyList<MootaRejectedElement> Rejected, MootaProblem? Problem, int ElementCount)
{
    public static MootaBodyReading Refused(MootaProblem problem) => new([], [], problem, 0);
}

/// <summary>
/// Moota's webhook body: a JSON array of mutation objects (/work/shared/docs/moota-format.md). The endpoint asks
/// <see cref="CheckBody"/> whether the body as a whole is one (answering 400 when not, so Moota sees the failure), and
/// the inbox processor reads it with <see cref="Read"/>, one element at a time, so one unreadable element never costs
/// the others. Strict JSON: a comment inside an element or a key given twice refuses that element (a repeated key makes
/// its value a guess: <c>"amount":1,"amount":99999999</c>); a comment outside the elements refuses the body. Repeated
/// keys inside <c>meta</c> are not looked at, since nothing there is read. Invalid UTF-8 and lone surrogates in text
/// are repaired to U+FFFD (see <see cref="JsonText"/>), never a reason to refuse.
/// </summary>
public static class MootaWebhookPayload
{
    /// <summary>Bank code used when Moota sends <c>bank: null</c>; see <see cref="MootaMutationReader.UnknownBankCode"/>.</summary>
    public const string UnknownBankCode = MootaMutationReader.UnknownBankCode;

    /// <summary>Null when the body is one JSON array with nothing around it; otherwise why not (not JSON, not an array, a comment outside the elements).</summary>
    public static MootaProblem? CheckBody(ReadOnlyMemory<byte> body) => Scan(JsonText.RepairUtf8(body).Span, null);

    /// <summary>Every element of a body: readable ones as mutations, the others with every reason found.</summary>
    public static MootaBodyReading Read(ReadOnlyMemory<byte> body, MootaReadContext context)
    {
        var bytes = JsonText.RepairUtf8(body);
        var found = new Dictionary<int, List<MootaProblem>>();
        if (Scan(bytes.Span, found) is { } problem) return MootaBodyReading.Refused(problem);

        using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var mutations = new List<IncomingMutation>();
        var rejected = new List<MootaRejectedElement>();
        var position = 0;
        foreach (var element in doc.RootElement.EnumerateArray())
        {
            position++;
            var reading = MootaMutationReader.Read(element, position, context, found.GetValueOrDefault(position));
            if (reading.Mutation is { } m) mutations.Add(m);
            else rejected.Add(reading.Rejected!);
        }
        return new MootaBodyReading(mutations, rejected, null, position);
    }

    /// <summary>
    /// One pass over the tokens: the body's own problem, if any, and (when <paramref name="elements"/> is given) the
    /// comments and repeated keys of each element by position. Depth 0 is the array, depth 1 its elements.
    /// </summary>
    private static MootaProblem? Scan(ReadOnlySpan<byte> body, Dictionary<int, List<MootaProblem>>? elements)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
        var position = 0;
        var opened = false;
        var closed = false;
        var objects = new Stack<HashSet<string>?>();
        var metaDepth = -1;
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                var token = reader.TokenType;
                if (token == JsonTokenType.Comment)
                {
                    if (!opened || closed || depth <= 1) return new MootaProblem(MootaProblems.BodyComment);
                    Add(elements, position, new MootaProblem(MootaProblems.Comment));
                    continue;
                }
                if (!opened)
                {
                    if (token != JsonTokenType.StartArray) return new MootaProblem(MootaProblems.BodyNotArray);
                    opened = true;
                    continue;
                }
                if (depth == 0)
                {
                    closed = true;
                    continue;
                }
                if (depth == 1 && token is not (JsonTokenType.EndObject or JsonTokenType.EndArray)) position++;
                if (elements is null) continue;

                var inMeta = metaDepth >= 0 && depth >= metaDepth;
                switch (token)
                {
                    case JsonTokenType.StartObject:
                        objects.Push(inMeta ? null : new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = JsonText.Read(ref reader);
                        if (objects.Peek() is { } seen && !seen.Add(name))
                            Add(elements, position, new MootaProblem(MootaProblems.DuplicateKey, MootaProblem.Quote(name)));
                        if (metaDepth < 0 && name == "meta") metaDepth = depth;
                        continue; // the value that follows is still inside meta
                }
                // A token at meta's own depth that is not its name ends meta's value (a scalar, or the closing bracket).
                if (metaDepth >= 0 && depth == metaDepth && token is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) metaDepth = -1;
            }
        }
        catch (JsonException ex)
        {
            return new MootaProblem(MootaProblems.BodyNotJson, MootaProblem.Quote(ex.Message));
        }
        return opened ? null : new MootaProblem(MootaProblems.BodyNotJson, "empty");
    }

    private static void Add(Dictionary<int, List<MootaProblem>>? elements, int position, MootaProblem problem)
    {
        if (elements is null) return;
        if (!elements.TryGetValue(position, out var list)) elements[position] = list = [];
        if (!list.Exists(p => p.Technical == problem.Technical)) list.Add(problem);
    }
}
