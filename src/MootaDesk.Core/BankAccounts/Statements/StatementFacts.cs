using System.Globalization;
using System.Text.RegularExpressions;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.BankAccounts.Statements;

/// <summary>The days a statement covers, as its header says ("Periode : 01/10/2026 - 31/10/2026").</summary>
public sealed record StatementPeriod(DateOnly From, DateOnly To);

/// <summary>A total the file states about itself: "Mutasi Kredit,=,1505500.00,2" is 1,505,500 over 2 rows.</summary>
public sealed record StatedTotal(decimal Amount, int? Count);

/// <summary>
/// What a statement says about itself around the table: the account number, holder and period above it
/// (KlikBCA: <c>No. rekening,=,'0287712345</c>, <c>Periode,=,01/10/2026 - 31/10/2026</c>), and the summary
/// below it (<c>Saldo Awal</c>, <c>Mutasi Kredit</c>, <c>Mutasi Debet</c>, <c>Saldo Akhir</c>). Each is null when
/// the file does not state it. Labels are matched in Indonesian and English, with <c>:</c> or <c>=</c> (in the
/// same cell or the next one) between label and value.
/// </summary>
public sealed partial class StatementFacts
{
    public string? AccountNumber { get; init; }
    public string? HolderName { get; init; }
    public StatementPeriod? Period { get; init; }
    public decimal? OpeningBalance { get; init; }
    public decimal? ClosingBalance { get; init; }
    public StatedTotal? Credits { get; init; }
    public StatedTotal? Debits { get; init; }

    public bool HasTotals => OpeningBalance is not null || ClosingBalance is not null || Credits is not null || Debits is not null;

    public static readonly StatementFacts None = new();

    private enum Label { Opening, Closing, Credits, Debits, Account, Holder, Period }

    private static readonly Dictionary<string, Label> Labels = new(StringComparer.Ordinal)
    {
        ["saldo awal"] = Label.Opening, ["opening balance"] = Label.Opening, ["beginning balance"] = Label.Opening, ["saldo awal periode"] = Label.Opening,
        ["saldo akhir"] = Label.Closing, ["closing balance"] = Label.Closing, ["ending balance"] = Label.Closing, ["saldo akhir periode"] = Label.Closing,
        ["mutasi kredit"] = Label.Credits, ["total mutasi kredit"] = Label.Credits, ["total kredit"] = Label.Credits, ["kredit"] = Label.Credits,
        ["mutasi cr"] = Label.Credits, ["total credit"] = Label.Credits, ["total credits"] = Label.Credits, ["jumlah kredit"] = Label.Credits,
        ["mutasi debet"] = Label.Debits, ["mutasi debit"] = Label.Debits, ["total mutasi debet"] = Label.Debits, ["total debet"] = Label.Debits,
        ["total debit"] = Label.Debits, ["total debits"] = Label.Debits, ["debet"] = Label.Debits, ["mutasi db"] = Label.Debits, ["jumlah debet"] = Label.Debits,
        ["no rekening"] = Label.Account, ["nomor rekening"] = Label.Account, ["no rek"] = Label.Account, ["norek"] = Label.Account,
        ["account no"] = Label.Account, ["account number"] = Label.Account, ["rekening"] = Label.Account,
        ["nama"] = Label.Holder, ["nama rekening"] = Label.Holder, ["account name"] = Label.Holder, ["name"] = Label.Holder,
        ["periode"] = Label.Period, ["period"] = Label.Period, ["periode transaksi"] = Label.Period, ["periode mutasi"] = Label.Period,
    };

    /// <summary>True for a balance or total line of the statement's summary, which must never be read as a mutation.</summary>
    public static bool IsSummaryLine(StatementLine line) =>
        Split(line) is { } split && Labels.TryGetValue(split.Label, out var label) && label is Label.Opening or Label.Closing or Label.Credits or Label.Debits
        && split.Values.Count is > 0 and <= 3;

    /// <summary>
    /// Reads the facts from the lines around the table. Amounts are read in <paramref name="numbers"/> (the
    /// rows' convention) first, then in whatever the value itself shows, so "2000000.00" and "2.000.000,00" both read.
    /// </summary>
    public static StatementFacts Read(StatementTable table, NumberConvention numbers)
    {
        string? account = null, holder = null;
        StatementPeriod? period = null;
        decimal? opening = null, closing = null;
        StatedTotal? credits = null, debits = null;
        foreach (var line in table.Preamble.Concat(table.Summary))
        {
            if (Split(line) is not { } split || !Labels.TryGetValue(split.Label, out var label) || split.Values.Count == 0) continue;
            var value = split.Values[0];
            switch (label)
            {
                case Label.Account: account ??= value.Replace(" ", "").Replace("-", ""); break;
                case Label.Holder: holder ??= value; break;
                case Label.Period: period ??= ReadPeriod(string.Join(' ', split.Values)); break;
                case Label.Opening: opening ??= ReadAmount(value, numbers); break;
                case Label.Closing: closing ??= ReadAmount(value, numbers); break;
                case Label.Credits: credits ??= ReadTotal(split.Values, numbers); break;
                case Label.Debits: debits ??= ReadTotal(split.Values, numbers); break;
            }
        }
        return new StatementFacts
        {
            AccountNumber = account, HolderName = holder, Period = period,
            OpeningBalance = opening, ClosingBalance = closing, Credits = credits, Debits = debits,
        };
    }

    /// <summary>
    /// An amount as a statement's summary or balance column writes it, overdraft included: "-1.500,00",
    /// "1,500.00-", "(1.500,00)", "1500.00 DB" (DB/D after a balance means below zero, CR/K above).
    /// </summary>
    public static decimal? ReadAmount(string text, NumberConvention numbers)
    {
        var (number, marker) = StatementParser.StripMarker(text);
        number = StatementParser.LeadingZero(number);
        if (number.Length == 0) return null;
        if (!Money.TryParse(number, numbers, out var value) && !Money.TryParse(number, Money.Detect(number), out value)) return null;
        return marker switch
        {
            Direction.Debit => -Math.Abs(value),
            Direction.Credit => Math.Abs(value),
            _ => value,
        };
    }

    private static StatedTotal? ReadTotal(IReadOnlyList<string> values, NumberConvention numbers)
    {
        if (ReadAmount(values[0], numbers) is not decimal amount) return null;
        int? count = values.Count > 1 && int.TryParse(values[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new StatedTotal(Math.Abs(amount), count);
    }

    private static readonly string[] PeriodDatePatterns = ["d'/'M'/'yyyy", "d'-'M'-'yyyy", "d'.'M'.'yyyy", "yyyy'-'M'-'d", "d MMMM yyyy", "d MMM yyyy"];

    [GeneratedRegex(@"(?<a>\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}\s+\p{L}+\s+\d{4})\s*(?:-|–|s/d|s\.d\.|sampai|to)\s*(?<b>\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}\s+\p{L}+\s+\d{4})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();

    internal static StatementPeriod? ReadPeriod(string text)
    {
        var m = PeriodPattern().Match(text);
        if (!m.Success || ReadDay(m.Groups["a"].Value) is not { } from || ReadDay(m.Groups["b"].Value) is not { } to || to < from) return null;
        return new StatementPeriod(from, to);
    }

    private static DateOnly? ReadDay(string text)
    {
        foreach (var culture in (CultureInfo[])[CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("id-ID")])
            if (DateOnly.TryParseExact(text.Trim(), PeriodDatePatterns, culture, DateTimeStyles.AllowWhiteSpaces, out var d) && d.Year is > 1990 and < 2200)
                return d;
        return null;
    }

    /// <summary>"Saldo Awal,=,2000000.00" → ("saldo awal", ["2000000.00"]); "Saldo Awal : 100,000,000.00" in one cell works too.</summary>
    private static (string Label, List<string> Values)? Split(StatementLine line)
    {
        var cells = line.Cells.Select(c => c.Trim().Trim('"').Trim()).Where(c => c.Length > 0).ToList();
        if (cells.Count == 0) return null;
        var head = cells[0];
        var values = new List<string>();
        var cut = head.IndexOfAny([':', '=']);
        if (cut > 0)
        {
            var rest = head[(cut + 1)..].Trim();
            if (rest.Length > 0) values.Add(rest);
            head = head[..cut];
        }
        values.AddRange(cells.Skip(1).Select(c => c.TrimStart(':', '=').Trim()).Where(c => c.Length > 0));
        var label = string.Join(' ', head.ToLowerInvariant().Split((char[])[' ', '\t', '.', '_'], StringSplitOptions.RemoveEmptyEntries));
        return label.Length == 0 ? null : (label, values);
    }
}
