using System.Text.Json.Serialization;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>
/// Why a phone-notification post was not read, or why a notification is not (or not readably) a transaction: a message
/// key from <see cref="NotificationProblems"/> and its arguments. The key is translated where a person reads it (the
/// notification log, Ops' "tidak terbaca" list); <see cref="Technical"/> is the English line for logs and the stored
/// reason column. Arguments quoted back from a post are cut to 60 characters so a hostile value cannot bloat a page.
/// </summary>
public sealed record NotificationProblem(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("args")] params string[] Args)
{
    /// <summary>"Notification.FieldMissing: text" — stable, English, never translated.</summary>
    [JsonIgnore]
    public string Technical => Args.Length == 0 ? Key : $"{Key}: {string.Join(", ", Args)}";

    /// <summary>Equal when the key and every argument are equal (a record would compare the argument arrays by reference).</summary>
    public bool Equals(NotificationProblem? other) => other is not null && Key == other.Key && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Args.Aggregate(Key.GetHashCode(StringComparison.Ordinal), (hash, arg) => HashCode.Combine(hash, arg));

    internal static NotificationProblem Of(string key, params string?[] args) =>
        new(key, args.Select(a => a is null ? "" : a.Length <= 60 ? a : a[..60] + "…").ToArray());
}

/// <summary>
/// The message keys of <see cref="NotificationProblem"/>. Post problems mean the body could not be read at all (the
/// endpoint keeps it raw with this reason); verdict reasons explain a notification that was read but is not money in.
/// </summary>
public static class NotificationProblems
{
    // The post as a whole.
    public const string BodyEmpty = "Notification.BodyEmpty";
    /// <summary>Arguments: the body's size in bytes, the limit.</summary>
    public const string BodyTooLarge = "Notification.BodyTooLarge";
    /// <summary>Argument: the JSON reader's own words.</summary>
    public const string BodyNotJson = "Notification.BodyNotJson";
    /// <summary>Argument: what the JSON root is instead of an object ("Array", "String" …).</summary>
    public const string BodyNotObject = "Notification.BodyNotObject";
    public const string BodyHtml = "Notification.BodyHtml";
    /// <summary>Argument: the Content-Type sent.</summary>
    public const string ContentTypeUnsupported = "Notification.ContentTypeUnsupported";
    /// <summary>Argument: the field names the post had, so Ops can see which app sent it.</summary>
    public const string ShapeUnknown = "Notification.ShapeUnknown";
    /// <summary>Argument: the field given twice (its value would be a guess).</summary>
    public const string DuplicateKey = "Notification.DuplicateKey";
    /// <summary>Argument: the field name.</summary>
    public const string FieldMissing = "Notification.FieldMissing";
    /// <summary>Arguments: the field name, the JSON kind it had.</summary>
    public const string FieldWrongType = "Notification.FieldWrongType";
    public const string TextEmpty = "Notification.TextEmpty";
    /// <summary>Argument: the time as written.</summary>
    public const string TimeUnreadable = "Notification.TimeUnreadable";
    /// <summary>Argument: the time as written; a wall time without offset could be WIB, WITA or the phone's own zone.</summary>
    public const string TimeNoOffset = "Notification.TimeNoOffset";
    /// <summary>Argument: the number; it reads as a plausible time in seconds, but the format is milliseconds.</summary>
    public const string TimeInSeconds = "Notification.TimeInSeconds";
    /// <summary>Argument: the time as written; outside 2000-01-01 … now + 1 day.</summary>
    public const string TimeOutOfRange = "Notification.TimeOutOfRange";

    // Read, but not a transaction.
    /// <summary>OTP, verification code, login or PIN/password notice.</summary>
    public const string Security = "Notification.NotTransaction.Security";
    /// <summary>Promotion, offer, loan or cashback advertising ("hingga Rp", "diskon", "voucher" …).</summary>
    public const string Promo = "Notification.NotTransaction.Promo";
    /// <summary>A failed, cancelled or pending transaction: no money moved.</summary>
    public const string Failed = "Notification.NotTransaction.Failed";

    // Read, but "tidak terbaca": kept for Ops.
    public const string Empty = "Notification.Unreadable.Empty";
    /// <summary>Argument: the length in characters.</summary>
    public const string TextTooLong = "Notification.Unreadable.TextTooLong";
    /// <summary>Argument: the app's package or name.</summary>
    public const string AppNotSupported = "Notification.Unreadable.AppNotSupported";
    /// <summary>Argument: the app (bank code) whose wording did not match any known pattern.</summary>
    public const string NoRuleMatched = "Notification.Unreadable.NoRuleMatched";
    /// <summary>Argument: the bank codes whose patterns matched; without the app's package the text cannot say which bank.</summary>
    public const string Ambiguous = "Notification.Unreadable.Ambiguous";
    /// <summary>Patterns for money in and money out both matched: refused rather than risk a debit counted as a credit.</summary>
    public const string DirectionConflict = "Notification.Unreadable.DirectionConflict";
    /// <summary>Argument: the amount as written; not a notation this app uses, zero, or too large.</summary>
    public const string AmountUnreadable = "Notification.Unreadable.AmountUnreadable";
}
