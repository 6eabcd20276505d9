using System.Globalization;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;

namespace MootaDesk.Web.BankAccounts;

/// <summary>
/// The JSON answer of <c>POST /api/statements</c>: the preview (or the committed result) with counts, money in
/// and out, the file's own summary and whether it agrees, what blocks the commit, and the rows by kind.
/// Money is a decimal string with two decimals; times are ISO 8601 in the business zone with its offset.
/// </summary>
public sealed record StatementApiAnswer(
    bool Committed, int? ImportId, StatementApiAnswer.AccountPart Account, StatementApiAnswer.FilePart File, StatementApiAnswer.CountsPart Counts,
    StatementApiAnswer.MoneyPart MoneyIn, StatementApiAnswer.MoneyPart MoneyOut, StatementApiAnswer.FooterPart Footer,
    bool Blocked, bool CanCommit, IReadOnlyList<StatementApiAnswer.ContradictionPart> Contradictions, IReadOnlyList<string> Warnings,
    IReadOnlyList<StatementApiAnswer.RowPart> New, IReadOnlyList<StatementApiAnswer.RowPart> AlreadyPresent,
    IReadOnlyList<StatementApiAnswer.SkippedPart> Skipped, IReadOnlyList<StatementApiAnswer.RefusedPart> Refused, bool Truncated)
{
    public sealed record AccountPart(int Id, string Number, string BankCode, string Label);

    public sealed record FilePart(string Name, string Format, string Sha256, string? Layout, string? LayoutName, string? AccountNumber,
        string? PeriodFrom, string? PeriodTo, string Order, string DateFormat);

    public sealed record CountsPart(int Rows, int New, int AlreadyPresent, int Skipped, int Refused);

    public sealed record MoneyPart(string Amount, int Count);

    /// <summary>What the file states about itself (null where it states nothing) and whether its rows agree.</summary>
    public sealed record FooterPart(bool Stated, bool Agrees, string? OpeningBalance, string? ClosingBalance, string? MoneyIn, string? MoneyOut,
        IReadOnlyList<MismatchPart> Mismatches);

    public sealed record MismatchPart(string Item, string Stated, string Read, string Message);

    public sealed record ContradictionPart(int Line, string Date, string Amount, string Stated, string BalanceBefore, string BalanceAfter, string Message);

    public sealed record RowPart(int Line, string TransactionTime, bool HasTimeOfDay, string Description, string Amount, string Direction, string? BalanceAfter);

    public sealed record SkippedPart(int Line, string Reason, string Message);

    public sealed record RefusedPart(int Line, string Reason, string Value, string Message);

    internal static StatementApiAnswer From(ImportAnalysis analysis, ImportAccount account, ImportOutcome? outcome, BusinessClock clock,
        StatementPreviewText text, bool validRowsOnly)
    {
        var parsed = analysis.Parsed;
        var facts = parsed.Facts;
        var newRows = analysis.NewRows;
        var fresh = new HashSet<StatementRow>(newRows, ReferenceEqualityComparer.Instance);
        var present = parsed.Rows.Where(r => !fresh.Contains(r)).ToList();
        var skipped = parsed.PendingLines.Select(l => new SkippedPart(l, "pending", text.SkipReason(true)))
            .Concat(parsed.BalanceLines.Select(l => new SkippedPart(l, "balance-line", text.SkipReason(false))))
            .OrderBy(s => s.Line).ToList();
        var truncated = newRows.Count > BankAccountsApi.MaxListedRows || present.Count > BankAccountsApi.MaxListedRows
                        || skipped.Count > BankAccountsApi.MaxListedRows || parsed.Rejected.Count > BankAccountsApi.MaxListedRows;

        var warnings = new List<string>();
        if (text.AccountDiffers(parsed, account.AccountNumber) is { } differs) warnings.Add(differs);
        if (text.Gaps(parsed) is { } gaps) warnings.Add(gaps);
        if (parsed.FooterMismatches.Count > 0 && !parsed.IsBlocked) warnings.Add(text.FooterExplained());
        if (parsed.DateFormatAmbiguous) warnings.Add(text.DateAmbiguous(parsed.DateFormat));

        RowPart Row(StatementRow r) => new(r.Line, Time(r, clock), r.HasTimeOfDay, r.Description, Decimal(r.Amount),
            r.Direction == Direction.Credit ? "credit" : "debit", r.Balance is decimal b ? Decimal(b) : null);

        return new StatementApiAnswer(
            Committed: outcome is not null,
            ImportId: outcome?.ImportId,
            Account: new AccountPart(account.Id, account.AccountNumber, account.BankCode, account.Label),
            File: new FilePart(Path.GetFileName(analysis.File.FileName), analysis.File.Table.Format, analysis.File.FileSha256, analysis.Mapping.Layout,
                StatementLayouts.Find(analysis.Mapping.Layout)?.Name, facts.AccountNumber, facts.Period?.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                facts.Period?.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), OrderName(parsed.Order), parsed.DateFormat.Key),
            Counts: new CountsPart(parsed.TotalLines, outcome?.New ?? newRows.Count, outcome?.AlreadyPresent ?? analysis.AlreadyPresent, parsed.Skipped, parsed.Rejected.Count),
            MoneyIn: new MoneyPart(Decimal(parsed.MoneyIn.Amount), parsed.MoneyIn.Count),
            MoneyOut: new MoneyPart(Decimal(parsed.MoneyOut.Amount), parsed.MoneyOut.Count),
            Footer: new FooterPart(facts.HasTotals, parsed.FooterAgrees, Optional(facts.OpeningBalance), Optional(facts.ClosingBalance),
                Optional(facts.Credits?.Amount), Optional(facts.Debits?.Amount),
                parsed.FooterMismatches.Select(m => new MismatchPart(Camel(m.Item.ToString()), Number(m), NumberRead(m), text.Footer(m))).ToList()),
            Blocked: parsed.IsBlocked,
            CanCommit: !parsed.IsBlocked && (parsed.Rejected.Count == 0 || validRowsOnly),
            Contradictions: parsed.Contradictions.Select(c => new ContradictionPart(c.Line, DateOnly.FromDateTime(c.LocalTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Decimal(c.Amount), c.Stated == Direction.Credit ? "credit" : "debit", Decimal(c.BalanceBefore), Decimal(c.BalanceAfter), text.Contradiction(c))).ToList(),
            Warnings: warnings,
            New: newRows.Take(BankAccountsApi.MaxListedRows).Select(Row).ToList(),
            AlreadyPresent: present.Take(BankAccountsApi.MaxListedRows).Select(Row).ToList(),
            Skipped: skipped.Take(BankAccountsApi.MaxListedRows).ToList(),
            Refused: parsed.Rejected.Take(BankAccountsApi.MaxListedRows)
                .Select(r => new RefusedPart(r.Line, r.Problem.ToString(), r.Value, text.RowProblem(r.Problem))).ToList(),
            Truncated: truncated);
    }

    private static string Time(StatementRow r, BusinessClock clock)
    {
        var offset = clock.TimeZone.GetUtcOffset(r.TransactionTimeUtc);
        return new DateTimeOffset(DateTime.SpecifyKind(r.LocalTime, DateTimeKind.Unspecified), offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static string OrderName(StatementOrder order) => order switch
    {
        StatementOrder.NewestFirst => "newestFirst",
        StatementOrder.OldestFirst => "oldestFirst",
        _ => "unknown",
    };

    private static string Number(FooterMismatch m) => m.Item is FooterItem.CountIn or FooterItem.CountOut ? ((int)m.Stated).ToString(CultureInfo.InvariantCulture) : Decimal(m.Stated);

    private static string NumberRead(FooterMismatch m) => m.Item is FooterItem.CountIn or FooterItem.CountOut ? ((int)m.Computed).ToString(CultureInfo.InvariantCulture) : Decimal(m.Computed);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string? Optional(decimal? d) => d is decimal v ? Decimal(v) : null;

    private static string Decimal(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
}
