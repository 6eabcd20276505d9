using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Formatting;

namespace MootaDesk.Core.Ingest.Statements;

/// <summary>One statement row, read and checked, ready to become a mutation.</summary>
public sealed record StatementRow(
    int Line, DateTime TransactionTimeUtc, DateTime LocalTime, bool HasTimeOfDay, string Description, decimal Amount, Direction Direction,
    decimal? Balance, string SourceId, string Raw);

/// <summary>Why one row was refused; <see cref="Value"/> is what the row held, so the person can find and fix it.</summary>
public enum RowProblem { BadDate, BadTime, BadAmount, NoAmount, ZeroAmount, BothDebitAndCredit, BadMarker, BadBalance, MixedNumberFormat, TooManyDecimals }

public sealed record RejectedRow(int Line, RowProblem Problem, string Value);

/// <summary>Why the mapping cannot be used at all (before any row is looked at).</summary>
public enum MappingProblem { NoDateColumn, NoDescriptionColumn, NoAmountColumn, ColumnNotFound, DatesUnreadable }

public sealed class StatementMappingException(MappingProblem problem, string detail) : Exception(detail)
{
    public MappingProblem Problem { get; } = problem;
    public string Detail { get; } = detail;
}

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

    public int TotalLines => Rows.Count + Rejected.Count;
}

/// <summary>
/// Turns a statement table and a column mapping into rows: detects the date layout and number convention
/// from the whole column (a single "01/02/2026" cannot tell), reads direction from debit/credit columns, a
/// CR/DB marker or suffix, or the sign, and gives each row a stable id so that importing the same statement
/// twice stores nothing twice.
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

        var rows = new List<StatementRow>(lines.Count);
        var rejected = new List<RejectedRow>();
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
            var problem = ReadRow(line, out var row);
            if (problem is { } p) { rejected.Add(p); continue; }
            rows.Add(row!);
        }
        progress?.Report(lines.Count);
        return new ParsedStatement { Rows = rows, Rejected = rejected, DateFormat = format, DateFormatAmbiguous = ambiguous, Numbers = numbers, MixedNumbers = mixed };

        RejectedRow? ReadRow(StatementLine line, out StatementRow? row)
        {
            row = null;
            var dateText = line.Cell(dateCol);
            if (!TryParseDate(dateText, format, out var local, out var hasTime))
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
                var seen = Money.Detect(StripMarker(v).Number);
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
                if (!Money.TryParse(number, numbers, out var signed)) return new RejectedRow(line.Number, RowProblem.BadAmount, text);
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
            if (balanceCol >= 0 && StripMarker(line.Cell(balanceCol)).Number is { Length: > 0 } balanceText && balanceText != "-")
            {
                if (!Money.TryParse(balanceText, numbers, out var b) || decimal.Round(b, 2) != b)
                    return new RejectedRow(line.Number, RowProblem.BadBalance, line.Cell(balanceCol));
                balance = b;
            }

            var description = Collapse(line.Cell(descCol));
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
                switch (Money.Detect(StripMarker(line.Cell(c)).Number))
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
        if (DateTime.TryParseExact(s, TimePatterns, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var t)) { time = t.TimeOfDay; return true; }
        return false;
    }

    private static bool TryOptionalAmount(string text, NumberConvention numbers, out decimal amount)
    {
        amount = 0;
        var s = text.Trim();
        if (s.Length == 0 || s == "-") return true;
        return Money.TryParse(StripMarker(s).Number, numbers, out amount);
    }

    [GeneratedRegex(@"^(?<n>.*?\d[\d.,]*\)?)\s*(?<m>CR|DB|DR|KR|D|K|C)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerSuffix();

    /// <summary>"1.500.000,00 CR" → ("1.500.000,00", Credit); BCA and Mandiri exports write the direction after the amount.</summary>
    internal static (string Number, Direction? Marker) StripMarker(string text)
    {
        var s = text.Trim();
        if (s.Length == 0 || char.IsAsciiDigit(s[^1]) || s[^1] == ')') return (s, null);
        var m = MarkerSuffix().Match(s);
        return m.Success ? (m.Groups["n"].Value.Trim(), ReadMarker(m.Groups["m"].Value)) : (s, null);
    }

    public static Direction? ReadMarker(string text) => text.Trim().ToUpperInvariant() switch
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
