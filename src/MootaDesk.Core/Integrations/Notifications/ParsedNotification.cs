using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>What a notification text says about money. Stored as its number; the names are what Ops sees translated.</summary>
public enum NotificationVerdict
{
    /// <summary>A transaction: money in (credit) or out (debit), with an amount read strictly.</summary>
    Transaction = 0,

    /// <summary>Read and understood as no money moving: OTP, login, promotion, a failed or pending transaction.</summary>
    NotATransaction = 1,

    /// <summary>"Tidak terbaca": no pattern understood it (or it was ambiguous); kept for Ops, never dropped, never counted.</summary>
    Unreadable = 2,
}

/// <summary>How the app behind a notification was recognised, so a text-only guess can be shown as one.</summary>
public static class NotificationMatches
{
    /// <summary>By the Android package the forwarder sent: the strongest evidence.</summary>
    public const string Package = "package";

    /// <summary>By the app name the poster gave (MootaDesk's own format).</summary>
    public const string AppName = "app-name";

    /// <summary>By the wording alone, because the forwarder sent no package: a chat message quoting a bank text would read the same.</summary>
    public const string Text = "text";
}

/// <summary>
/// The reading of one notification text by <see cref="NotificationTextParser"/>. Plain values so it stores as it is.
/// For <see cref="NotificationVerdict.Transaction"/>: <see cref="BankCode"/>, <see cref="Direction"/> and
/// <see cref="Amount"/> (rupiah, positive, at most two decimals) are set; the rest is set when the text carries it.
/// Otherwise <see cref="Reason"/> says why (keys in <see cref="NotificationProblems"/>), and <see cref="BankCode"/> is
/// set when the app was recognised.
/// </summary>
/// <param name="Verdict">Transaction, not a transaction, or unreadable.</param>
/// <param name="BankCode">Moota-compatible <c>bank_type</c> family: "bca", "bri", "mandiri", "bni", "bsi", "jago", "seabank", "ovo", "gojek", "dana", "shopeepay".</param>
/// <param name="AppId">The parser table entry that read it ("mybca", "brimo" …).</param>
/// <param name="RuleId">"entry/rule" that matched ("brimo/transfer-in"), for audit and for re-reading after a table change.</param>
/// <param name="MatchedBy">A value of <see cref="NotificationMatches"/>; null when no app was recognised.</param>
/// <param name="Kind">What kind of movement: "transfer", "top-up", "qris", "payment", "fee", "withdrawal".</param>
/// <param name="Direction">Credit (money in) or debit (money out).</param>
/// <param name="Amount">Rupiah.</param>
/// <param name="Counterparty">The payer of a credit or the payee of a debit, as written (possibly masked: "**KAS **CKY K").</param>
/// <param name="AccountHint">The last four digits of the account the text names ("1533" from "790001009621533" or "****1533").</param>
/// <param name="StatedAtUtc">The time written in the text itself (Jakarta time unless it says WITA/WIT), UTC.</param>
/// <param name="Reason">Why it is not a transaction or not readable.</param>
public sealed record ParsedNotification(
    NotificationVerdict Verdict,
    string? BankCode,
    string? AppId,
    string? RuleId,
    string? MatchedBy,
    string? Kind,
    Direction? Direction,
    decimal? Amount,
    string? Counterparty,
    string? AccountHint,
    DateTime? StatedAtUtc,
    NotificationProblem? Reason)
{
    /// <summary>True for a credit: the only reading that may become a provisional mutation.</summary>
    public bool IsMoneyIn => Verdict == NotificationVerdict.Transaction && Direction == Mutations.Direction.Credit;

    internal static ParsedNotification Not(NotificationVerdict verdict, NotificationParserEntry? app, string? matchedBy, NotificationProblem reason) =>
        new(verdict, app?.BankCode, app?.Id, null, app is null ? null : matchedBy, null, null, null, null, null, null, reason);
}
