using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.BankAccounts.Statements;

/// <summary>One statement row, read and checked, ready to become a mutation.</summary>
public sealed record StatementRow(
    int Line, DateTime TransactionTimeUtc, DateTime LocalTime, bool HasTimeOfDay, string Description, decimal Amount, Direction Direction,
    decimal? Balance, string SourceId, string Raw);

/// <summary>Why one row was refused; <see cref="Value"/> is what the row held, so the person can find and fix it.</summary>
public enum RowProblem { BadDate, BadTime, BadAmount, NoAmount, ZeroAmount, BothDebitAndCredit, BadMarker, BadBalance, MixedNumberFormat, TooManyDecimals }

public sealed record RejectedRow(int Line, RowProblem Problem, string Value);

/// <summary>
/// Why the mapping cannot be used at all (before any row is looked at). <see cref="YearNeeded"/>: the dates have
/// no year and the file states no period, so the person must say which year the statement is from.
/// </summary>
public enum MappingProblem { NoDateColumn, NoDescriptionColumn, NoAmountColumn, ColumnNotFound, DatesUnreadable, YearNeeded }

public sealed class StatementMappingException(MappingProblem problem, string detail) : Exception(detail)
{
    public MappingProblem Problem { get; } = problem;
    public string Detail { get; } = detail;
}

/// <summary>Money in one direction: the sum of the amounts and how many rows make it.</summary>
public sealed record MoneyTotal(decimal Amount, int Count)
{
    public static readonly MoneyTotal Zero = new(0m, 0);
    public MoneyTotal Add(decimal amount) => new(Amount + amount, Count + 1);
}

/// <summary>How a file lists its rows: banks export oldest first or newest first.</summary>
public enum StatementOrder { Unknown, OldestFirst, NewestFirst }

/// <summary>
/// A row whose stated direction the balance column contradicts: the balance went from
/// <see cref="BalanceBefore"/> to <see cref="BalanceAfter"/> (by exactly the amount) the other way.
/// </summary>
public sealed record DirectionContradiction(int Line, DateTime LocalTime, bool HasTimeOfDay, decimal Amount, Direction Stated, decimal BalanceBefore, decimal BalanceAfter);

/// <summary>What the file's own summary states and the rows disagree with.</summary>
public enum FooterItem { MoneyIn, MoneyOut, CountIn, CountOut, OpeningBalance, ClosingBalance }

public sealed record FooterMismatch(FooterItem Item, decimal Stated, decimal Computed);

public sealed class ParsedStatement
{
    public required IReadOnlyList<StatementRow> Rows { get; init; }
    public required IReadOnlyList<RejectedRow> Rejected { get; init; }
    public required StatementDateFormat DateFormat { get; init; }

    /// <summary>True when another layout (e.g. MM/dd/yyyy) reads every date as well: the person should confirm.</summary>
    public bool DateFormatAmbiguous { get; init; }

    public required NumberConvention Numbers { get; init; }

    /// <summary>Both conventions were seen in the file; the minority rows are rejected with <see cref="RowProblem.MixedNumberFormat"/>.</summary>
    public bool MixedNumbers { get; init; }

    /// <summary>Lines of pending rows (KlikBCA writes <c>PEND</c> for the date): not booked yet, so skipped and counted.</summary>
    public IReadOnlyList<int> PendingLines { get; init; } = [];

    /// <summary>Lines of balance rows inside the table ("SALDO AWAL" with no amount): read as the opening/closing balance, not as mutations.</summary>
    public IReadOnlyList<int> BalanceLines { get; init; } = [];

    public MoneyTotal MoneyIn { get; init; } = MoneyTotal.Zero;
    public MoneyTotal MoneyOut { get; init; } = MoneyTotal.Zero;

    /// <summary>What the file says about itself: account number, period, footer totals and balances.</summary>
    public StatementFacts Facts { get; init; } = StatementFacts.None;

    public StatementOrder Order { get; init; }

    /// <summary>Rows whose direction the balances contradict; any of them blocks the import.</summary>
    public IReadOnlyList<DirectionContradiction> Contradictions { get; init; } = [];

    /// <summary>Lines where the balance does not follow from the row before (a row missing from the file, or rows out of order).</summary>
    public IReadOnlyList<int> BalanceGaps { get; init; } = [];

    public IReadOnlyList<FooterMismatch> FooterMismatches { get; init; } = [];

    public int TotalLines => Rows.Count + Rejected.Count;
    public int Skipped => PendingLines.Count + BalanceLines.Count;
    public bool HasBalances => Rows.Any(r => r.Balance is not null);

    /// <summary>The file states totals or balances and every one of them agrees with the rows.</summary>
    public bool FooterAgrees => Facts.HasTotals && FooterMismatches.Count == 0;

    /// <summary>
    /// Commit must be refused: a direction contradicts the balances, or the file's own totals disagree with its
    /// rows while every row was read (with rejected rows the mismatch is explained, and the person decides).
    /// </summary>
    public bool IsBlocked => Contradictions.Count > 0 || (FooterMismatches.Count > 0 && Rejected.Count == 0);
}

/// <summary>
/// Turns a statement table and a column mapping into rows: detects the date layout and number convention
/// from the whole column (a single "01/02/2026" cannot tell), reads direction from debit/credit columns, a
/// CR/DB marker or suffix, or the sign, and gives each row a stable id so that importing the same statement
/// twice stores nothing twice. Year-less dates take the year from the period line (or
/// <see cref="StatementColumnMapping.Year"/>); pending rows are skipped and counted; then the balances are
/// walked and the totals compared with the file's own summary (<see cref="StatementChecks"/>).
/// </summary>
public static partial class StatementParser
{
    private static readonly CultureInfo[] DateCultures = [CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("id-ID")];
    private static readonly string[] TimePatterns = ["H:mm:ss", "H:mm", "H.mm.ss", "H.mm", "HHmmss", "HHmm"];

    public static ParsedStatement Parse(StatementTable table, StatementColumnMapping mapping, int accountId, TimeZoneInfo zone,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        int Col(string? name, bool required, MappingProblem missing)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                if (required) throw new StatementMappingException(missing, "");
                return -1;
            }
            var i = FindColumn(table.Headers, name);
            if (i < 0) throw new StatementMappingException(MappingProblem.ColumnNotFound, name);
            return i;
        }

        var dateCol = Col(mapping.Date, true, MappingProblem.NoDateColumn);
        var descCol = Col(mapping.Description, true, MappingProblem.NoDescriptionColumn);
        var extraCol = Col(mapping.ExtraDescription, false, default);
        var timeCol = Col(mapping.Time, false, default);
        var amountCol = Col(mapping.Amount, false, default);
        var debitCol = Col(mapping.Debit, false, default);
        var creditCol = Col(mapping.Credit, false, default);
        var markerCol = Col(mapping.Marker, false, default);
        var balanceCol = Col(mapping.Balance, false, default);
        if (amountCol < 0 && debitCol < 0 && creditCol < 0) throw new StatementMappingException(MappingProblem.NoAmountColumn, "");

        var lines = table.Lines;
        var (format, ambiguous) = ChooseDateFormat(lines, dateCol, mapping.DateFormat);
        var numberCols = new[] { amountCol, debitCol, creditCol, balanceCol }.Where(c => c >= 0).ToArray();
        var (numbers, mixed) = ChooseConvention(lines, numberCols, mapping.Numbers);
        var facts = StatementFacts.Read(table, numbers);
        var years = format.YearLess ? YearlessDates.For(lines, dateCol, facts.Period, mapping.Year) : null;

        var rows = new List<StatementRow>(lines.Count);
        var rejected = new List<RejectedRow>();
        var pending = new List<int>();
        var balanceLines = new List<int>();
        decimal? tableOpening = null, tableClosing = null;
        var moneyIn = MoneyTotal.Zero;
        var moneyOut = MoneyTotal.Zero;
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var raw = new Dictionary<string, string>(table.Headers.Count);
        for (var n = 0; n < lines.Count; n++)
        {
            if (n % 5000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(n);
            }
            var line = lines[n];
            if (line.Cell(dateCol).Trim().Equals("PEND", StringComparison.OrdinalIgnoreCase)) { pending.Add(line.Number); continue; }
            if (BalanceLineKind(line) is { } kind)
            {
                balanceLines.Add(line.Number);
                var stated = balanceCol >= 0 ? StatementFacts.ReadAmount(line.Cell(balanceCol), numbers) : null;
                if (kind) tableOpening ??= stated; else tableClosing = stated ?? tableClosing;
                continue;
            }
            var problem = ReadRow(line, out var row);
            if (problem is { } p) { rejected.Add(p); continue; }
            rows.Add(row!);
            if (row!.Direction == Direction.Credit) moneyIn = moneyIn.Add(row.Amount); else moneyOut = moneyOut.Add(row.Amount);
        }
        progress?.Report(lines.Count);

        facts = new StatementFacts
        {
            AccountNumber = facts.AccountNumber, HolderName = facts.HolderName, Period = facts.Period,
            OpeningBalance = facts.OpeningBalance ?? tableOpening, ClosingBalance = facts.ClosingBalance ?? tableClosing,
            Credits = facts.Credits, Debits = facts.Debits,
        };
        var check = StatementChecks.Run(rows, facts, moneyIn, moneyOut);
        return new ParsedStatement
        {
            Rows = rows, Rejected = rejected, DateFormat = format, DateFormatAmbiguous = ambiguous, Numbers = numbers, MixedNumbers = mixed,
            PendingLines = pending, BalanceLines = balanceLines, MoneyIn = moneyIn, MoneyOut = moneyOut, Facts = facts,
            Order = check.Order, Contradictions = check.Contradictions, BalanceGaps = check.Gaps, FooterMismatches = check.FooterMismatches,
        };

        // A "SALDO AWAL"/"SALDO AKHIR" row inside the table with no amount: true for the opening balance, false for the closing one.
        bool? BalanceLineKind(StatementLine line)
        {
            var cell = line.Cell(descCol);
            if (cell.Length is 0 or > 24) return null;
            var text = StatementColumnMapping.Norm(cell);
            bool? kind = text switch
            {
                "saldo awal" or "opening balance" or "beginning balance" or "saldo sebelumnya" => true,
                "saldo akhir" or "closing balance" or "ending balance" => false,
                _ => null,
            };
            if (kind is null) return null;
            foreach (var c in new[] { amountCol, debitCol, creditCol }.Where(c => c >= 0))
                if (StatementFacts.ReadAmount(line.Cell(c), numbers) is decimal v && v != 0) return null;
            return kind;
        }

        RejectedRow? ReadRow(StatementLine line, out StatementRow? row)
        {
            row = null;
            var dateText = line.Cell(dateCol);
            DateTime local;
            bool hasTime;
            if (years is not null)
            {
                if (!years.TryResolve(dateText, out local)) return new RejectedRow(line.Number, RowProblem.BadDate, dateText);
                hasTime = false;
            }
            else if (!TryParseDate(dateText, format, out local, out hasTime))
                return new RejectedRow(line.Number, RowProblem.BadDate, dateText);
            if (timeCol >= 0 && line.Cell(timeCol) is { Length: > 0 } timeText)
            {
                if (!TryParseTime(timeText, out var tod)) return new RejectedRow(line.Number, RowProblem.BadTime, timeText);
                local = local.Date + tod;
                hasTime = tod != TimeSpan.Zero;
            }

            foreach (var c in numberCols)
            {
                var v = line.Cell(c);
                var seen = Money.Detect(LeadingZero(StripMarker(v).Number));
                if (numbers != NumberConvention.Unknown && seen != NumberConvention.Unknown && seen != numbers)
                    return new RejectedRow(line.Number, RowProblem.MixedNumberFormat, v);
            }

            decimal amount;
            Direction direction;
            if (amountCol >= 0)
            {
                var text = line.Cell(amountCol);
                if (string.IsNullOrWhiteSpace(text)) return new RejectedRow(line.Number, RowProblem.NoAmount, "");
                var (number, suffix) = StripMarker(text);
                if (!Money.TryParse(LeadingZero(number), numbers, out var signed)) return new RejectedRow(line.Number, RowProblem.BadAmount, text);
                Direction? fromMarker = null;
                if (markerCol >= 0)
                {
                    var marker = line.Cell(markerCol);
                    fromMarker = ReadMarker(marker);
                    if (fromMarker is null && marker.Trim().Length > 0) return new RejectedRow(line.Number, RowProblem.BadMarker, marker);
                }
                fromMarker ??= suffix;
                direction = fromMarker ?? (signed < 0 ? Direction.Debit : Direction.Credit);
                amount = Math.Abs(signed);
            }
            else
            {
                var debitText = debitCol >= 0 ? line.Cell(debitCol) : "";
                var creditText = creditCol >= 0 ? line.Cell(creditCol) : "";
                if (!TryOptionalAmount(debitText, numbers, out var debit)) return new RejectedRow(line.Number, RowProblem.BadAmount, debitText);
                if (!TryOptionalAmount(creditText, numbers, out var credit)) return new RejectedRow(line.Number, RowProblem.BadAmount, creditText);
                if (debit != 0 && credit != 0) return new RejectedRow(line.Number, RowProblem.BothDebitAndCredit, $"{debitText} / {creditText}");
                if (debit == 0 && credit == 0)
                    return new RejectedRow(line.Number, debitText.Length + creditText.Length == 0 ? RowProblem.NoAmount : RowProblem.ZeroAmount, $"{debitText}{creditText}");
                direction = debit != 0 ? Direction.Debit : Direction.Credit;
                amount = Math.Abs(debit != 0 ? debit : credit);
            }
            if (amount == 0) return new RejectedRow(line.Number, RowProblem.ZeroAmount, line.Cell(amountCol));
            if (decimal.Round(amount, 2) != amount) return new RejectedRow(line.Number, RowProblem.TooManyDecimals, amount.ToString(CultureInfo.InvariantCulture));

            decimal? balance = null;
            var balanceText = balanceCol >= 0 ? line.Cell(balanceCol).Trim() : "";
            if (balanceText.Length > 0 && balanceText != "-")
            {
                // Overdraft: "-1.500,00", "1,500.00-", "(1.500,00)" carry the sign; "1500.00 DB" says it with a marker.
                var (number, marker) = StripMarker(balanceText);
                if (!Money.TryParse(LeadingZero(number), numbers, out var b) || decimal.Round(b, 2) != b)
                    return new RejectedRow(line.Number, RowProblem.BadBalance, balanceText);
                balance = marker switch { Direction.Debit => -Math.Abs(b), Direction.Credit => Math.Abs(b), _ => b };
            }

            var description = Collapse(extraCol >= 0 ? line.Cell(descCol) + " " + line.Cell(extraCol) : line.Cell(descCol));
            if (description.Length > 500) description = description[..500];
            var key = RowKey(accountId, local, hasTime, amount, direction, description, balance);
            var occurrence = occurrences.TryGetValue(key, out var seenBefore) ? seenBefore + 1 : 0;
            occurrences[key] = occurrence;

            raw.Clear();
            for (var i = 0; i < table.Headers.Count; i++) raw[table.Headers[i]] = line.Cell(i);
            raw["_line"] = line.Number.ToString(CultureInfo.InvariantCulture);
            var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
            row = new StatementRow(line.Number, utc, local, hasTime, description, amount, direction, balance,
                key + ":" + occurrence.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(raw));
            return null;
        }
    }

    public static int FindColumn(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
            if (string.Equals(headers[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>The layout that reads the most dates wins; ties go to the earlier (day-first) layout.</summary>
    public static (StatementDateFormat Format, bool Ambiguous) ChooseDateFormat(IReadOnlyList<StatementLine> lines, int dateCol, string? forced)
    {
        if (StatementDateFormats.Find(forced) is { } chosen) return (chosen, false);
        var sample = lines.Select(l => l.Cell(dateCol)).Where(v => v.Trim().Length > 0).Take(2000).ToList();
        var scored = StatementDateFormats.All
            .Select((f, order) => (f, order, hits: sample.Count(v => TryParseDate(v, f, out _, out _))))
            .OrderByDescending(x => x.hits).ThenBy(x => x.order).ToList();
        if (scored[0].hits == 0)
            throw new StatementMappingException(MappingProblem.DatesUnreadable, sample.FirstOrDefault() ?? "");
        var best = scored[0];
        var ambiguous = scored.Skip(1).Any(x => x.hits == best.hits && x.f.Key is "MM/dd/yyyy" or "dd/MM/yyyy" && best.f.Key is "dd/MM/yyyy" or "MM/dd/yyyy");
        return (best.f, ambiguous);
    }

    public static (NumberConvention Numbers, bool Mixed) ChooseConvention(IReadOnlyList<StatementLine> lines, int[] columns, NumberConvention forced)
    {
        int id = 0, en = 0;
        foreach (var line in lines)
            foreach (var c in columns)
                switch (Money.Detect(LeadingZero(StripMarker(line.Cell(c)).Number)))
                {
                    case NumberConvention.Indonesian: id++; break;
                    case NumberConvention.English: en++; break;
                }
        var mixed = id > 0 && en > 0;
        if (forced != NumberConvention.Unknown) return (forced, mixed);
        if (id == 0 && en == 0) return (NumberConvention.Unknown, false);
        return (id >= en ? NumberConvention.Indonesian : NumberConvention.English, mixed);
    }

    public static bool TryParseDate(string text, StatementDateFormat format, out DateTime local, out bool hasTime)
    {
        local = default;
        hasTime = false;
        var s = text.Trim();
        if (s.Length == 0) return false;
        if (format.YearLess)
        {
            // Only to tell whether the column is written this way; the real year comes from YearlessDates.
            if (!YearlessDates.TryDayMonth(s, out var day, out var month) || day > DateTime.DaysInMonth(2024, month)) return false;
            local = new DateTime(2024, month, day);
            return true;
        }
        foreach (var culture in DateCultures)
        {
            if (DateTime.TryParseExact(s, format.Patterns, culture, DateTimeStyles.AllowWhiteSpaces, out local))
            {
                hasTime = local.TimeOfDay != TimeSpan.Zero;
                return local.Year is > 1990 and < 2200;
            }
        }
        return false;
    }

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        time = default;
        var s = text.Trim();
        // An Excel time cell may come as a whole date-time; the time part is what counts.
        if (s.Length > 10 && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt)) { time = dt.TimeOfDay; return true; }
        // BRI's JAM_TRAN drops the leading zero: 94444 is 09:44:44.
        if (s.Length is 3 or 5 && s.All(char.IsAsciiDigit)) s = "0" + s;
        if (DateTime.TryParseExact(s, TimePatterns, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var t)) { time = t.TimeOfDay; return true; }
        return false;
    }

    private static bool TryOptionalAmount(string text, NumberConvention numbers, out decimal amount)
    {
        amount = 0;
        var s = text.Trim();
        if (s.Length == 0 || s == "-") return true;
        return Money.TryParse(LeadingZero(StripMarker(s).Number), numbers, out amount);
    }

    /// <summary>".00" → "0.00": BRI's export writes zero amounts without the leading zero.</summary>
    internal static string LeadingZero(string number) =>
        number.Length > 1 && number[0] is '.' or ',' && char.IsAsciiDigit(number[1]) ? "0" + number : number;

    [GeneratedRegex(@"^(?<n>.*?\d[\d.,]*\)?)\s*(?<m>CR|DB|DR|KR|D|K|C)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerSuffix();

    /// <summary>"1.500.000,00 CR" → ("1.500.000,00", Credit); BCA and Mandiri exports write the direction after the amount.</summary>
    public static (string Number, Direction? Marker) StripMarker(string text)
    {
        var s = text.Trim();
        if (s.Length == 0 || char.IsAsciiDigit(s[^1]) || s[^1] == ')') return (s, null);
        var m = MarkerSuffix().Match(s);
        return m.Success ? (m.Groups["n"].Value.Trim(), ReadMarker(m.Groups["m"].Value)) : (s, null);
    }

    /// <summary>A direction word as banks write it: CR/DB, K/D, Kredit/Debet, C/D, "Db." and "Cr." (BNI), +/-.</summary>
    public static Direction? ReadMarker(string text) => text.Trim().TrimEnd('.').ToUpperInvariant() switch
    {
        "CR" or "C" or "K" or "KR" or "KREDIT" or "CREDIT" or "+" or "MASUK" or "IN" => Direction.Credit,
        "DB" or "D" or "DR" or "DEBET" or "DEBIT" or "-" or "KELUAR" or "OUT" => Direction.Debit,
        _ => null,
    };

    private static string Collapse(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The row's identity within an account: same account, time, amount, direction, description and balance is
    /// the same bank record. Identical rows in one file are told apart by their occurrence index.
    /// </summary>
    private static string RowKey(int accountId, DateTime local, bool hasTime, decimal amount, Direction direction, string description, decimal? balance)
    {
        var text = string.Join('|',
            accountId.ToString(CultureInfo.InvariantCulture),
            local.ToString(hasTime ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd", CultureInfo.InvariantCulture),
            amount.ToString("0.00", CultureInfo.InvariantCulture),
            direction == Direction.Credit ? "CR" : "DB",
            description.ToUpperInvariant(),
            balance?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return "stmt-" + Convert.ToHexStringLower(hash[..16]);
    }
}
