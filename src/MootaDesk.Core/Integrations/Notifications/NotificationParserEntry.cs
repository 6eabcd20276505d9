using System.Text.RegularExpressions;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>What a matching rule means.</summary>
public enum RuleOutcome
{
    Credit = 0,
    Debit = 1,

    /// <summary>The app's own wording for something that moves no money (kept as "bukan transaksi").</summary>
    NotATransaction = 2,
}

/// <summary>How sure we are that a rule's wording is what the app really shows (docs/notification-forwarders.md lists the sources).</summary>
public enum RuleEvidence
{
    /// <summary>Seen as a captured notification in public material (a project's tests or dataset quoting real notifications).</summary>
    Verified = 0,

    /// <summary>Written in public code or a setup guide as the app's wording, without showing it was captured.</summary>
    Reported = 1,

    /// <summary>Written by us in the style of the app's other notifications; to be confirmed with a real capture.</summary>
    Assumed = 2,
}

/// <summary>
/// One wording of one app. <see cref="Pattern"/> is a .NET regular expression over the notification's title and text
/// joined by a line break (runs of spaces collapsed), matched case-insensitively. Its named groups are the field map:
/// <c>amount</c> (required for a credit or debit), <c>party</c> (payer of a credit, payee of a debit), <c>account</c>
/// (an account number or its masked tail), <c>time</c> (the text's own time), <c>note</c> (a bank's free remark, where a
/// payer is looked for as "TRANSFER DARI NAME"). Placeholders keep the table readable: <c>{rp}</c> is "Rp", "Rp." or
/// "IDR" with an optional space, <c>{amount}</c> the amount group, <c>{time}</c> a bank time ("06/05/2026 22:53:10",
/// "28 Agu 2026 20:43 WIB").
/// </summary>
/// <param name="Name">Short id within the app ("transfer-in").</param>
/// <param name="Outcome">Credit, debit, or not a transaction.</param>
/// <param name="Kind">"transfer", "top-up", "qris", "payment", "fee", "withdrawal"; for <see cref="RuleOutcome.NotATransaction"/> the reason key.</param>
/// <param name="Pattern">The regular expression, with placeholders.</param>
/// <param name="Evidence">How the wording is known.</param>
public sealed record NotificationRule(string Name, RuleOutcome Outcome, string Kind, string Pattern, RuleEvidence Evidence)
{
    /// <summary>The expression built once with the table; matching stops after 250 ms so no text can stall the inbox.</summary>
    public Regex Regex { get; } = new(Expand(Pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));

    /// <summary>The named groups the engine reads; any other named group in a pattern is a table mistake.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal) { "amount", "party", "account", "time", "note" };

    private static string Expand(string pattern) => pattern
        .Replace("{rp}", @"(?:Rp\.?|IDR)\s?", StringComparison.Ordinal)
        .Replace("{amount}", @"(?<amount>\d(?:[\d.,]*\d)?)", StringComparison.Ordinal)
        .Replace("{time}", @"(?<time>\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?|\d{1,2}\s+[a-z]{3,9}\s+\d{4}[\s,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*WI(?:TA|B|T)\b)?)", StringComparison.Ordinal);
}

/// <summary>
/// One bank or wallet in the parser table: the Android packages and app names that identify it, how it writes amounts,
/// and its wordings in order (the first matching rule gives the fields).
/// </summary>
/// <param name="Id">Stable id ("brimo"), stored with each reading.</param>
/// <param name="BankCode">Moota-compatible <c>bank_type</c> family ("bri"); see <see cref="ParsedNotification.BankCode"/>.</param>
/// <param name="DisplayName">The app as people name it ("BRImo").</param>
/// <param name="Packages">Android package names, from the apps' Play Store addresses.</param>
/// <param name="AppNames">Names a poster may send instead of a package (compared ignoring case).</param>
/// <param name="Amounts">How the app writes amounts.</param>
/// <param name="Rules">The app's wordings.</param>
public sealed record NotificationParserEntry(
    string Id,
    string BankCode,
    string DisplayName,
    IReadOnlyList<string> Packages,
    IReadOnlyList<string> AppNames,
    AmountNotation Amounts,
    IReadOnlyList<NotificationRule> Rules);
