using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;

namespace MootaDesk.Web.Mutations;

/// <summary>One entry of a mutation's "Riwayat perubahan" in words: who, when, what, and each change on its own line.</summary>
/// <param name="Who">The person's name, or the system's or a rule's name in the reader's language.</param>
/// <param name="What">The kind of change ("menambah tag").</param>
/// <param name="Changes">What changed, e.g. <c>Catatan: "x" → "y"</c>, <c>Tag ditambah: DP, COD</c>; never the stored JSON.</param>
public sealed record HistoryLine(DateTime At, string Who, string What, IReadOnlyList<string> Changes);

/// <summary>
/// Turns the audit rows of a mutation (<see cref="TimelineEntry"/>: an action and its before/after as the JSON the commands
/// stored) into sentences. Each known action has its own wording; an action this code does not know yet is still told field
/// by field ("Label: lama → baru"), so no raw JSON ever reaches the person.
/// </summary>
public static class MutationHistoryText
{
    // Ids the person cannot act on: the link to the merge record, the delivery, the batch's other rows.
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "ids", "mergeId", "conflictId", "deliveryId", "rules", "count" };

    /// <param name="tagNames">Tag id → name, for rules that stored the ids of the tags they added.</param>
    public static HistoryLine Describe(TimelineEntry e, IStringLocalizer<MutationsText> t, IReadOnlyDictionary<int, string> tagNames, BusinessClock clock)
    {
        var before = Fields(e.Before);
        var after = Fields(e.After);
        var what = t["Action." + e.Action] is { ResourceNotFound: false } label ? label.Value : t["History.Other"].Value;
        return new HistoryLine(e.At, Who(e.Actor, t), what, Changes(e.Action, before, after, t, tagNames, clock));
    }

    private static string Who(string actor, IStringLocalizer<MutationsText> t) => actor switch
    {
        "system" => t["History.System"],
        _ when actor.EndsWith(" (aturan)", StringComparison.Ordinal) => t["History.ByRule", actor[..^" (aturan)".Length]],
        _ => actor,
    };

    private static List<string> Changes(string action, Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after,
        IStringLocalizer<MutationsText> t, IReadOnlyDictionary<int, string> tagNames, BusinessClock clock)
    {
        string V(Dictionary<string, JsonElement> from, string key) => from.TryGetValue(key, out var v) ? Value(key, v, t, clock) : "—";
        string Quoted(Dictionary<string, JsonElement> from, string key) => "“" + V(from, key) + "”";
        // Another mutation, named as the grid and the duplicates review name it: "#42".
        string Ref(Dictionary<string, JsonElement> from, string key) =>
            from.TryGetValue(key, out var v) && v.TryGetInt64(out var n) ? "#" + n.ToString(CultureInfo.InvariantCulture) : "—";
        var lines = new List<string>();
        switch (action)
        {
            case "tag.add" or "tag.remove.undo":
                lines.Add(t["History.TagsAdded", V(after, "tags")]);
                break;
            case "tag.remove" or "tag.add.undo":
                lines.Add(t["History.TagsRemoved", V(before, "tags")]);
                break;
            case "note.add":
                lines.Add(t["History.NoteAdded", Quoted(after, after.ContainsKey("note") ? "note" : "text")]);
                break;
            case "note.edit":
                lines.Add(t["History.Changed", t["History.Field.note"], Quoted(before, "note"), Quoted(after, "note")]);
                break;
            case "note.add.undo":
                lines.Add(t["History.NoteRemoved", Quoted(before, "note")]);
                break;
            case "rule.apply":
                if (after.TryGetValue("addedTags", out var added) && added.ValueKind == JsonValueKind.Array && added.GetArrayLength() > 0)
                    lines.Add(t["History.TagsAdded", string.Join(", ", added.EnumerateArray().Select(x => x.TryGetInt32(out var id) && tagNames.TryGetValue(id, out var n) ? n : "#" + x))]);
                if (before.ContainsKey("status") && after.TryGetValue("status", out var s) && s.ValueKind == JsonValueKind.String)
                    lines.Add(t["History.Changed", t["History.Field.status"], V(before, "status"), V(after, "status")]);
                break;
            case "mutation.ingest":
                var others = after.TryGetValue("count", out var c) && c.TryGetInt32(out var n2) ? n2 - 1 : 0;
                lines.Add(others > 0 ? t["History.ReadWithOthers", V(after, "source"), others.ToString("N0", CultureInfo.CurrentCulture)] : t["History.Read", V(after, "source")]);
                break;
            case "mutation.attach":
                lines.Add(t["History.AlsoReported", V(after, "channel")]);
                break;
            case "mutation.confirm":
                lines.Add(t["History.Confirmed", V(after, "channel")]);
                break;
            case "mutation.merge":
                lines.Add(t["History.MergedWith", Ref(after, "mergedId"), V(after, "mergedSource")]);
                break;
            case "mutation.merged-away":
                lines.Add(t["History.MergedInto", Ref(after, "keptId")]);
                break;
            case "mutation.merge.undo":
                lines.Add(t["History.Unmerged", after.ContainsKey("other") ? Ref(after, "other") : Ref(after, "restoredId")]);
                break;
            case "mutation.not-duplicate":
                lines.Add(t["History.NotDuplicate", Ref(after, "other")]);
                break;
            case "cstask.assign":
                lines.Add(t["History.Assigned", V(after, "assignee"), V(after, "dueAtUtc")]);
                break;
            case "order.match.ambiguous":
                lines.Add(t["History.Ambiguous", V(after, "orders")]);
                break;
            case "mutation.conflict.use-new" or "mutation.conflict.keep-old":
                // The decision itself is the action's wording; the new values, when used, follow field by field.
                if (after.TryGetValue("after", out var used) && used.ValueKind == JsonValueKind.Object)
                    lines.AddRange(FieldByField(before, Fields(used.GetRawText()), t, clock));
                break;
            default:
                lines.AddRange(FieldByField(before, after, t, clock));
                break;
        }
        return lines;
    }

    /// <summary>"Label: before → after" for a changed field, "Label: value" for one only set or only removed.</summary>
    private static IEnumerable<string> FieldByField(Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after, IStringLocalizer<MutationsText> t, BusinessClock clock)
    {
        foreach (var key in before.Keys.Concat(after.Keys).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (Hidden.Contains(key)) continue;
            var label = t["History.Field." + char.ToLowerInvariant(key[0]) + key[1..]] is { ResourceNotFound: false } l ? l.Value : key;
            var had = before.TryGetValue(key, out var b);
            var has = after.TryGetValue(key, out var a);
            if (had && has)
            {
                var (x, y) = (Value(key, b, t, clock), Value(key, a, t, clock));
                if (x != y) yield return t["History.Changed", label, x, y];
            }
            else yield return t["History.Set", label, Value(key, has ? a : b, t, clock)];
        }
    }

    /// <summary>A stored value as the person reads it: statuses, channels and directions by name, money in rupiah, times in the business zone.</summary>
    private static string Value(string key, JsonElement v, IStringLocalizer<MutationsText> t, BusinessClock clock)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return "—";
            case JsonValueKind.True:
                return t["History.Yes"];
            case JsonValueKind.False:
                return t["History.No"];
            case JsonValueKind.Array:
                return string.Join(", ", v.EnumerateArray().Select(x => Value(key, x, t, clock)));
            case JsonValueKind.Object:
                return string.Join("; ", FieldByField(Fields(null), Fields(v.GetRawText()), t, clock));
            case JsonValueKind.Number:
                if (key.Equals("amount", StringComparison.OrdinalIgnoreCase) || key.Equals("balanceAfter", StringComparison.OrdinalIgnoreCase))
                    return v.TryGetDecimal(out var money) ? Money.Format(money) : v.GetRawText();
                if (key.EndsWith("Id", StringComparison.OrdinalIgnoreCase) && v.TryGetInt64(out var id)) return "#" + id.ToString(CultureInfo.InvariantCulture);
                return v.TryGetDecimal(out var d) ? d.ToString("N0", CultureInfo.CurrentCulture) : v.GetRawText();
        }
        var s = v.GetString() ?? "";
        if (s.Length == 0) return "—";
        var lower = key.ToLowerInvariant();
        string? Named(string prefix) => t[prefix + s] is { ResourceNotFound: false } n ? n.Value : null;
        return lower switch
        {
            "status" => Named("Status.") ?? s,
            "direction" => s == nameof(Direction.Credit) ? t["Direction.Credit"] : s == nameof(Direction.Debit) ? t["Direction.Debit"] : s,
            "source" or "channel" or "mergedsource" => Named("Source.") ?? s,
            _ when lower.EndsWith("utc", StringComparison.Ordinal) || lower is "transactiontime" =>
                DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? clock.FormatDateTime(at) : s,
            "bankdate" => DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var day) ? BusinessClock.FormatDay(day) : s,
            _ => s,
        };
    }

    private static Dictionary<string, JsonElement> Fields(string? json)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json)) return fields;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return fields;
            foreach (var p in doc.RootElement.EnumerateObject()) fields[p.Name] = p.Value.Clone();
        }
        catch (JsonException)
        {
            // Not JSON: an old row kept a sentence. It is shown as it is, under a neutral label.
            using var text = JsonDocument.Parse(JsonSerializer.Serialize(json));
            fields["text"] = text.RootElement.Clone();
        }
        return fields;
    }
}
