using System.Globalization;
using System.Text.Json.Serialization;

namespace MootaDesk.Core.Integrations.Moota;

/// <summary>
/// Why a Moota body or one of its elements was not stored, as a message key and its arguments. The key is translated
/// where a person reads it (the webhook delivery page, IntegrationsText "Problem.*"); <see cref="Technical"/> is the
/// English line for logs and the stored error column. Keys are listed in <see cref="MootaProblems"/>.
/// </summary>
public sealed record MootaProblem(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("args")] params string[] Args)
{
    /// <summary>"Problem.AmountTooLarge: 1e40" — stable, English, never translated.</summary>
    [JsonIgnore]
    public string Technical => Args.Length == 0 ? Key : $"{Key}: {string.Join(", ", Args)}";

    /// <summary>Values quoted back to Ops are cut short, so a huge or hostile value cannot bloat the log or the page.</summary>
    public static string Quote(string? value)
    {
        var s = value ?? "";
        return s.Length <= 60 ? s : s[..60] + "…";
    }
}

/// <summary>One element of a body that was kept but not stored, with every reason found (1-based position as Ops counts).</summary>
public sealed record MootaRejectedElement(
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("problems")] IReadOnlyList<MootaProblem> Problems)
{
    [JsonIgnore]
    public string Technical => string.Create(CultureInfo.InvariantCulture,
        $"element #{Position}{(Id is null ? "" : " (" + Id + ")")}: {string.Join("; ", Problems.Select(p => p.Technical))}");
}

/// <summary>The message keys of <see cref="MootaProblem"/>. Each has a sentence in IntegrationsText(.en).resx.</summary>
public static class MootaProblems
{
    // The body as a whole (refused at the endpoint with 400, or failed at once by the processor).
    public const string BodyNotJson = "Problem.BodyNotJson";
    public const string BodyNotArray = "Problem.BodyNotArray";
    public const string BodyComment = "Problem.BodyComment";

    // One element.
    public const string NotObject = "Problem.NotObject";
    public const string OldShape = "Problem.OldShape";
    public const string NoId = "Problem.NoId";
    public const string Comment = "Problem.Comment";
    public const string DuplicateKey = "Problem.DuplicateKey";
    public const string AmountMissing = "Problem.AmountMissing";
    public const string AmountNotNumber = "Problem.AmountNotNumber";
    public const string AmountNotPositive = "Problem.AmountNotPositive";
    public const string AmountDecimals = "Problem.AmountDecimals";
    public const string AmountTooLarge = "Problem.AmountTooLarge";
    public const string BalanceNotNumber = "Problem.BalanceNotNumber";
    public const string TypeInvalid = "Problem.TypeInvalid";
    public const string DateMissing = "Problem.DateMissing";
    public const string DateUnreadable = "Problem.DateUnreadable";
    public const string DateOutOfRange = "Problem.DateOutOfRange";
    public const string NoAccount = "Problem.NoAccount";

    /// <summary>The store refused this element for good (a rule of the store, not a busy database); the argument is the error.</summary>
    public const string StoreRefused = "Problem.StoreRefused";

    /// <summary>Reading the delivery failed in a way the reader did not foresee; the argument is the error. Retrying cannot help.</summary>
    public const string Unreadable = "Problem.Unreadable";

    /// <summary>The store kept failing with a temporary error (busy, locked, I/O) through every retry; the argument is the last error.</summary>
    public const string RetriesExhausted = "Problem.RetriesExhausted";
}

/// <summary>
/// What is stored in <c>WebhookDelivery.ProblemsJson</c>: the reason the delivery as a whole was not stored (if it was not)
/// and the elements kept but not stored. Read back for the delivery page, where the keys are translated.
/// </summary>
public sealed record DeliveryProblems(
    [property: JsonPropertyName("reason")] MootaProblem? Reason,
    [property: JsonPropertyName("elements")] IReadOnlyList<MootaRejectedElement> Elements)
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static DeliveryProblems ForReason(MootaProblem reason) => new(reason, []);

    /// <summary>Null when there is nothing to say (no reason, no element), so a clean delivery stores no problems at all.</summary>
    public string? ToJson() => Reason is null && Elements.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(this, Options);

    /// <summary>The stored problems, or null for none or for text an older version wrote in another shape.</summary>
    public static DeliveryProblems? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<DeliveryProblems>(json, Options);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>One English line for the stored error column and the log.</summary>
    [JsonIgnore]
    public string Technical => string.Join(" | ", new[] { Reason?.Technical }.Concat(Elements.Select(e => e.Technical)).Where(s => !string.IsNullOrEmpty(s)));
}
