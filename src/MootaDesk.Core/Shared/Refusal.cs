using System.Globalization;
using System.Text.Json;

namespace MootaDesk.Core.Shared;

/// <summary>
/// Why an action was refused, as a message key and its arguments, never as a finished sentence: Core does not know the
/// reader's language. The edge translates it (pages through their area's <c>IStringLocalizer</c>, APIs into a ProblemDetails
/// whose <c>code</c> is <see cref="Code"/>). Keys are the area's resource keys (e.g. <c>ReadApi.BadDate</c>), arguments
/// are formatted with the reader's culture.
/// </summary>
/// <param name="Key">The resource key of the message, e.g. <c>MootaSync.Unauthorized</c>.</param>
/// <param name="Args">Arguments of the message's <c>{0}</c>, <c>{1}</c>… placeholders: strings and numbers only, so it can be stored.</param>
/// <param name="Field">The request field or parameter at fault, when there is one (becomes the ProblemDetails <c>errors</c> key).</param>
public sealed record Refusal(string Key, IReadOnlyList<object?> Args, string? Field = null)
{
    /// <summary>A refusal with the message key's arguments.</summary>
    public static Refusal Of(string key, params object?[] args) => new(key, args);

    /// <summary>The same refusal, naming the field or parameter it is about.</summary>
    public Refusal About(string field) => this with { Field = field };

    /// <summary>
    /// A stable machine code for integrators: the key's last segment in kebab case (<c>ReadApi.BadDate</c> → <c>bad-date</c>).
    /// </summary>
    public string Code
    {
        get
        {
            var last = Key[(Key.LastIndexOf('.') + 1)..];
            var chars = new List<char>(last.Length + 4);
            for (var i = 0; i < last.Length; i++)
            {
                if (char.IsUpper(last[i]) && i > 0) chars.Add('-');
                chars.Add(char.ToLowerInvariant(last[i]));
            }
            return new string([.. chars]);
        }
    }

    // Records compare lists by reference; two refusals are the same when key, field and arguments (as text) are.
    public bool Equals(Refusal? other) => other is not null && Key == other.Key && Field == other.Field
        && Args.Select(Text).SequenceEqual(other.Args.Select(Text));

    public override int GetHashCode() => HashCode.Combine(Key, Field, Args.Count);

    private static string? Text(object? arg) => Convert.ToString(arg, CultureInfo.InvariantCulture);

    /// <summary>The form kept in the database: <c>{"key":"…","args":["…"]}</c>, arguments as invariant-culture text.</summary>
    public string ToStored() => JsonSerializer.Serialize(new Stored(Key, Args.Select(Text).ToList()));

    /// <summary>
    /// Reads <see cref="ToStored"/>'s form back. Rows written before refusals were stored as keys hold a finished sentence:
    /// that comes back as null and is shown as it is.
    /// </summary>
    public static Refusal? FromStored(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored) || !stored.StartsWith('{')) return null;
        try
        {
            return JsonSerializer.Deserialize<Stored>(stored) is { Key.Length: > 0 } s ? new Refusal(s.Key, s.Args?.Cast<object?>().ToList() ?? []) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Stored(
        [property: System.Text.Json.Serialization.JsonPropertyName("key")] string Key,
        [property: System.Text.Json.Serialization.JsonPropertyName("args")] List<string?>? Args);
}

/// <summary>
/// What a command or a check answers: a value, or a <see cref="Refusal"/> to translate at the edge. Used instead of
/// <c>(value, error)</c> tuples, <c>bool TryX(out …, out string error)</c> and sentences returned from Core.
/// </summary>
public readonly record struct CommandResult<T>
{
    private CommandResult(T? value, Refusal? refusal) { Value = value; Refusal = refusal; }

    /// <summary>The value when the action went through; default when refused.</summary>
    public T? Value { get; }

    /// <summary>Why the action was refused; null when it went through.</summary>
    public Refusal? Refusal { get; }

    public bool IsRefused => Refusal is not null;

    public static CommandResult<T> Done(T value) => new(value, null);
    public static CommandResult<T> Refused(Refusal refusal) => new(default, refusal);

    public static implicit operator CommandResult<T>(T value) => Done(value);
    public static implicit operator CommandResult<T>(Refusal refusal) => Refused(refusal);
}
