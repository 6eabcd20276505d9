using System.Globalization;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;

namespace MootaDesk.Web.BankAccounts;

/// <summary>
/// The sentences a statement preview says, in the current UI language: the page shows them, the API answers
/// them (in English). One place, so the screen and the API explain a refusal the same way.
/// </summary>
public sealed class StatementPreviewText(IStringLocalizer<BankAccountsText> t)
{
    public string RowProblem(RowProblem problem) => t["Row." + problem];

    public string MoneyIn(ParsedStatement p) => t["Totals.In", Money.Format(p.MoneyIn.Amount), p.MoneyIn.Count.ToString("N0", CultureInfo.CurrentCulture)];

    public string MoneyOut(ParsedStatement p) => t["Totals.Out", Money.Format(p.MoneyOut.Amount), p.MoneyOut.Count.ToString("N0", CultureInfo.CurrentCulture)];

    /// <summary>"1 baris PEND dilewati", "1 baris saldo dilewati"; empty when nothing was skipped.</summary>
    public IReadOnlyList<string> Skipped(ParsedStatement p)
    {
        var list = new List<string>();
        if (p.PendingLines.Count > 0) list.Add(t["Skipped.Pending", p.PendingLines.Count]);
        if (p.BalanceLines.Count > 0) list.Add(t["Skipped.Balance", p.BalanceLines.Count]);
        return list;
    }

    public string Contradiction(DirectionContradiction c) => t["Direction.Row",
        c.Line, BusinessClock.FormatDay(DateOnly.FromDateTime(c.LocalTime)), Money.Format(c.Amount),
        c.Stated == Direction.Credit ? t["Direction.In"] : t["Direction.Out"],
        c.BalanceAfter > c.BalanceBefore ? t["Direction.Rose"] : t["Direction.Fell"],
        Money.Format(c.BalanceBefore), Money.Format(c.BalanceAfter)];

    public string Footer(FooterMismatch m) => m.Item is FooterItem.CountIn or FooterItem.CountOut
        ? t["Footer.Mismatch." + m.Item, m.Stated.ToString("N0", CultureInfo.CurrentCulture), m.Computed.ToString("N0", CultureInfo.CurrentCulture)]
        : t["Footer.Mismatch." + m.Item, Money.Format(m.Stated), Money.Format(m.Computed)];

    public string? Gaps(ParsedStatement p) => p.BalanceGaps.Count == 0 ? null
        : t["Gaps", string.Join(", ", p.BalanceGaps.Take(10)) + (p.BalanceGaps.Count > 10 ? ", …" : "")].Value;

    /// <summary>A warning when the file names another account number than the one chosen; null when they agree or the file names none.</summary>
    public string? AccountDiffers(ParsedStatement p, string chosenAccountNumber)
    {
        var stated = p.Facts.AccountNumber;
        if (string.IsNullOrEmpty(stated) || stated.TrimStart('0') == chosenAccountNumber.Replace(" ", "").Replace("-", "").TrimStart('0')) return null;
        return t["Facts.AccountDiffers", stated, chosenAccountNumber];
    }

    public string? Period(ParsedStatement p) => p.Facts.Period is { } period
        ? t["Facts.Period", BusinessClock.FormatDay(period.From), BusinessClock.FormatDay(period.To)].Value : null;

    public string Refusal(ImportRefusal refusal) => t["Refused." + refusal];

    public string SkipReason(bool pending) => pending ? t["Skip.Pending"] : t["Skip.Balance"];

    public string FooterExplained() => t["Footer.Explained"];

    public string DateAmbiguous(StatementDateFormat format) => t["DateAmbiguous", format.Display];

    public string LayoutName(string? key) => StatementLayouts.Find(key)?.Name ?? t["Layout.Manual"];
}
