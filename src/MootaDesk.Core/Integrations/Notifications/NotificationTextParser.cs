using System.Text;
using System.Text.RegularExpressions;
using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>
/// Reads what a bank or wallet notification says about money, from <see cref="NotificationParserTable"/>. In order:
/// <list type="number">
/// <item>The app: by package, else by app name; a known package that is not in the table is "tidak terbaca" (a chat
/// app quoting a bank text must not become money in). With no package at all the wording alone is tried against every
/// app (or the device's bank, <c>bankHint</c>), marked <see cref="NotificationMatches.Text"/>.</item>
/// <item>Guards that win over every pattern: OTP/login/PIN notices, failed or pending transactions, and promotions
/// ("hingga Rp", "diskon", "cashback" …) are <see cref="NotificationVerdict.NotATransaction"/>, never a credit.</item>
/// <item>The app's rules. Patterns for money in and money out both matching, or patterns of two banks matching a
/// package-less text, is "tidak terbaca" rather than a guess; so is an amount the app's notation does not allow.</item>
/// </list>
/// Pure: no clock, no I/O. Texts longer than <see cref="MaxTextLength"/> are not matched.
/// </summary>
public static partial class NotificationTextParser
{
    /// <summary>Title and text together longer than this are "tidak terbaca": no bank writes that much, and patterns stay fast.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Reads a forwarded notification; <paramref name="bankHint"/> is the bank code of the device's account, used only when the wording alone decides.</summary>
    public static ParsedNotification Parse(PhoneNotification notification, string? bankHint = null) =>
        Parse(notification.AppPackage, notification.AppName, notification.Title, notification.Text, notification.PostedAtUtc, bankHint);

    /// <summary>
    /// Reads one notification. <paramref name="postedAtUtc"/> bounds the text's own time (a time more than a day after
    /// it is not believed). Never throws for any text.
    /// </summary>
    public static ParsedNotification Parse(string? appPackage, string? appName, string? title, string? text, DateTime postedAtUtc, string? bankHint = null)
    {
        var (apps, matchedBy) = Apps(appPackage, appName, bankHint);
        var single = apps.Count == 1 ? apps[0] : null;
        var combined = Combine(title, text);
        if (apps.Count == 0)
            return ParsedNotification.Not(NotificationVerdict.Unreadable, null, null, NotificationProblem.Of(NotificationProblems.AppNotSupported, appPackage ?? appName));
        if (combined.Length == 0)
            return ParsedNotification.Not(NotificationVerdict.Unreadable, single, matchedBy, NotificationProblem.Of(NotificationProblems.Empty));
        if (combined.Length > MaxTextLength)
            return ParsedNotification.Not(NotificationVerdict.Unreadable, single, matchedBy, NotificationProblem.Of(NotificationProblems.TextTooLong, combined.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var matches = new List<(NotificationParserEntry App, NotificationRule Rule, Match Match)>();
        try
        {
            foreach (var (guard, key) in Guards)
                if (guard.IsMatch(combined)) return ParsedNotification.Not(NotificationVerdict.NotATransaction, single, matchedBy, NotificationProblem.Of(key));
            foreach (var app in apps)
                foreach (var rule in app.Rules)
                    if (rule.Regex.Match(combined) is { Success: true } m) matches.Add((app, rule, m));
        }
        catch (RegexMatchTimeoutException)
        {
            matches.Clear(); // a text that makes a pattern run this long is not a bank's: "tidak terbaca"
        }

        if (matches.Count == 0)
            return ParsedNotification.Not(NotificationVerdict.Unreadable, single, matchedBy,
                NotificationProblem.Of(NotificationProblems.NoRuleMatched, single?.Id ?? "-"));
        var banks = matches.Select(x => x.App.BankCode).Distinct().ToList();
        if (banks.Count > 1)
            return ParsedNotification.Not(NotificationVerdict.Unreadable, null, matchedBy, NotificationProblem.Of(NotificationProblems.Ambiguous, string.Join(", ", banks)));
        var (found, foundRule, match) = matches[0];
        var outcomes = matches.Select(x => x.Rule.Outcome).Distinct().ToList();
        if (outcomes.Contains(RuleOutcome.NotATransaction))
        {
            var rule = matches.First(x => x.Rule.Outcome == RuleOutcome.NotATransaction).Rule;
            return ParsedNotification.Not(NotificationVerdict.NotATransaction, found, matchedBy, NotificationProblem.Of(rule.Kind));
        }
        if (outcomes.Count > 1)
            return ParsedNotification.Not(NotificationVerdict.Unreadable, found, matchedBy,
                NotificationProblem.Of(NotificationProblems.DirectionConflict, string.Join(", ", matches.Select(x => x.Rule.Name))));

        var amountText = match.Groups["amount"].Value;
        if (!RupiahAmount.TryParse(amountText, found.Amounts, out var amount) || amount <= 0 || decimal.Round(amount, 2) != amount)
            return ParsedNotification.Not(NotificationVerdict.Unreadable, found, matchedBy, NotificationProblem.Of(NotificationProblems.AmountUnreadable, amountText));

        return new ParsedNotification(
            NotificationVerdict.Transaction, found.BankCode, found.Id, found.Id + "/" + foundRule.Name, matchedBy, foundRule.Kind,
            foundRule.Outcome == RuleOutcome.Credit ? Direction.Credit : Direction.Debit, amount,
            Party(match), AccountHint(match.Groups["account"].Value), NotificationTime.ReadStated(match.Groups["time"].Value, postedAtUtc), null);
    }

    private static (IReadOnlyList<NotificationParserEntry> Apps, string? MatchedBy) Apps(string? appPackage, string? appName, string? bankHint)
    {
        var entries = NotificationParserTable.Entries;
        var package = appPackage?.Trim();
        if (!string.IsNullOrEmpty(package) && entries.FirstOrDefault(e => e.Packages.Contains(package, StringComparer.OrdinalIgnoreCase)) is { } byPackage)
            return ([byPackage], NotificationMatches.Package);
        if (!string.IsNullOrEmpty(package)) return ([], null); // a name cannot vouch for a package we do not read
        var name = appName?.Trim();
        if (!string.IsNullOrEmpty(name) && entries.FirstOrDefault(e => e.AppNames.Contains(name, StringComparer.OrdinalIgnoreCase)) is { } byName)
            return ([byName], NotificationMatches.AppName);
        var hinted = entries.Where(e => string.Equals(e.BankCode, bankHint?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return (hinted.Count > 0 ? hinted : entries, NotificationMatches.Text);
    }

    /// <summary>Title and text on two lines, spaces (including no-break) collapsed, each line trimmed.</summary>
    private static string Combine(string? title, string? text)
    {
        var sb = new StringBuilder();
        foreach (var line in ((title ?? "") + "\n" + (text ?? "")).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var collapsed = Spaces().Replace(line, " ").Trim();
            if (collapsed.Length == 0) continue;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(collapsed);
        }
        return sb.ToString();
    }

    private static string? Party(Match match)
    {
        var party = match.Groups["party"].Value;
        if (party.Length == 0 && match.Groups["note"].Value is { Length: > 0 } note && TransferFrom().Match(note) is { Success: true } from)
            party = from.Groups["party"].Value;
        party = Spaces().Replace(party, " ").Trim().TrimEnd('.', ',', ';', ':', '!', '-', ' ');
        return party.Length == 0 ? null : party.Length <= 100 ? party : party[..100];
    }

    private static string? AccountHint(string account)
    {
        var digits = new string(account.Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 3 ? digits[^Math.Min(4, digits.Length)..] : null;
    }

    private static readonly (Regex Guard, string Key)[] Guards =
    [
        (Security(), NotificationProblems.Security),
        (Failed(), NotificationProblems.Failed),
        (Promo(), NotificationProblems.Promo),
    ];

    [GeneratedRegex(@"[ \t\u00a0\u2007\u202f]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(?:TRANSFER|TRF|TRSF)\s+DARI\s+(?<party>.+?)(?:\s+-\s+\S+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex TransferFrom();

    [GeneratedRegex(@"\b(?:OTP|kode\s+(?:OTP|verifikasi|rahasia|aktivasi|keamanan)|verification\s+code|one[-\s]time\s+password|jangan\s+(?:berikan|bagikan|beritahukan|sebarkan)|do\s+not\s+share|log\s?in|sign\s+in|perangkat\s+baru|new\s+device|PIN|password|kata\s+sandi)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex Security();

    [GeneratedRegex(@"\b(?:gagal|dibatalkan|batal|tidak\s+berhasil|ditolak|kedaluwarsa|kadaluarsa|pending|sedang\s+diproses|dalam\s+proses|menunggu\s+pembayaran|failed|declined|unsuccessful|cancell?ed)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex Failed();

    [GeneratedRegex(@"\b(?:promo|promosi|diskon|discount|voucher|kupon|coupon|cashback|hadiah|undian|berhadiah|giveaway|gratis|pinjaman|paylater|cicilan|deposito|investasi|reksa\s*dana|referral|ajak\s+teman|flash\s+sale|hemat|penawaran|dapatkan|klaim)\b|\b(?:hingga|s\.?\s?d\.?|s/d|up\s+to|mulai(?:\s+dari)?|cuma|hanya|min\.?|minimal|maks\.?|maksimal|limit)\s*(?:Rp|IDR)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex Promo();
}
