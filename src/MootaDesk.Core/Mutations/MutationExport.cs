using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;
using SpreadCheetah;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

public enum ExportFormat { Excel, Csv }

/// <summary>What the export file says about itself on its totals sheet.</summary>
public sealed record ExportInfo(string FilterText, string GeneratedBy, DateTime GeneratedAtUtc, bool IncludeBalance);

public sealed record ExportTotals(int Rows, decimal Credit, decimal Debit);

/// <summary>
/// Writes mutations to Excel or CSV, reading them page by page (keyset over time and id, oldest first, the
/// order an accountant reads a ledger in). Excel is streamed row by row by SpreadCheetah, so memory stays flat;
/// the row count is still capped at <see cref="MaxRows"/> so a file stays openable on an office laptop.
/// What a clerk sees: account numbers are text (leading zeros kept, long virtual-account numbers not turned
/// into 1,23E+15), money shows sen only when a value has them, times are the business's local time.
/// </summary>
public static class MutationExport
{
    public const int MaxRows = 200_000;
    public const int PageSize = 5_000;
    /// <summary>Excel format of a whole rupiah amount (Rp 1.500.000 in an Indonesian Excel).</summary>
    public const string RupiahFormat = "\"Rp\" #,##0;-\"Rp\" #,##0";

    /// <summary>Excel format of an amount with sen (Rp 50.050,50), so it is never shown rounded.</summary>
    public const string RupiahWithSenFormat = "\"Rp\" #,##0.00;-\"Rp\" #,##0.00";

    public const string WholeNumberFormat = "#,##0";
    public const string DateTimeFormat = "dd/mm/yyyy hh:mm";

    public static readonly string[] Headers =
        ["Waktu (WIB)", "Rekening", "Bank", "No. Rekening", "Keterangan", "Pihak Lawan", "Arah", "Kredit", "Debit", "Saldo", "Status", "Tag", "Nomor Pesanan", "Catatan", "Sumber", "ID"];

    private static readonly double[] Widths = [17, 22, 10, 16, 48, 26, 8, 16, 16, 18, 14, 24, 18, 40, 11, 10];

    public static string StatusText(ReconciliationStatus s) => s switch
    {
        ReconciliationStatus.New => "Baru",
        ReconciliationStatus.Matched => "Cocok",
        ReconciliationStatus.NeedsAttention => "Perlu dicek",
        ReconciliationStatus.Resolved => "Selesai",
        _ => s.ToString(),
    };

    /// <summary>Rows of the filter newest first, as the Mutasi screen lists them, <see cref="PageSize"/> at a time, each page with its tags and notes.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<MutationRow>> PagesAsync(IDbContextFactory<MootaDeskDbContext> factory, MutationFilter filter,
        Viewer viewer, BusinessClock clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        // The few accounts are read once and joined here, not in SQL: offered a join, SQLite may walk the accounts
        // first and then sort every remaining row for each page (seen with sampled statistics: 20 pages × 100,000
        // rows); alone, the mutations come straight off the time index in ledger order.
        Dictionary<int, (string Label, string BankCode, string Number)> accounts;
        await using (var db = await factory.CreateDbContextAsync(ct))
            accounts = await db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Label, a.BankCode, a.AccountNumber), ct);
        var balances = viewer.CanSeeBalances;

        DateTime? lastTime = null;
        long lastId = 0;
        var total = 0;
        while (total < MaxRows)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var q = await MutationSearch.ApplyAsync(db, filter, viewer, clock, ct);
            if (lastTime is DateTime t)
            {
                var id = lastId;
                // The separate ">=" lets the time index start at the last row instead of rescanning every earlier page.
                q = q.Where(m => m.TransactionTime <= t).Where(m => m.TransactionTime < t || m.Id < id);
            }
            var take = Math.Min(PageSize, MaxRows - total);
            var page = await q.OrderByDescending(m => m.TransactionTime).ThenByDescending(m => m.Id).Take(take)
                .Select(m => new
                {
                    m.Id, m.TransactionTime, m.HasTimeOfDay, m.AccountId, m.Description, m.Counterparty, m.Amount, m.Direction,
                    BalanceAfter = balances ? m.BalanceAfter : null, m.Status, m.Source, m.IsSandbox, m.HasNote, m.OrderReference, m.IsProvisional,
                })
                .ToListAsync(ct);
            if (page.Count == 0) yield break;
            var rows = page.Select(m =>
            {
                var a = accounts[m.AccountId];
                return new MutationRow(m.Id, m.TransactionTime, m.HasTimeOfDay, m.AccountId, a.Label, a.BankCode, a.Number, m.Description,
                    m.Counterparty, m.Amount, m.Direction, m.BalanceAfter, m.Status, m.Source, m.IsSandbox, m.HasNote, m.OrderReference, m.IsProvisional);
            }).ToList();
            var withTags = await MutationSearch.WithTagsAsync(db, rows, ct);
            // Notes are what the clerk wrote ("DP pesanan 12, sisa minggu depan"): exported as text, not "Ya".
            var noted = page.Where(m => m.HasNote).Select(m => m.Id).ToList();
            if (noted.Count > 0)
            {
                var notes = (await db.MutationNotes.AsNoTracking().Where(n => noted.Contains(n.MutationId)).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                    .Select(n => new { n.MutationId, n.Text }).ToListAsync(ct))
                    .GroupBy(n => n.MutationId).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(n => n.Text)));
                withTags = withTags.Select(m => notes.TryGetValue(m.Id, out var text) ? m with { NoteText = text } : m).ToList();
            }
            total += rows.Count;
            lastTime = rows[^1].TransactionTime;
            lastId = rows[^1].Id;
            yield return withTags;
            if (rows.Count < take) yield break;
        }
    }

    public static async Task<ExportTotals> WriteExcelAsync(Stream output, ExportInfo info, IAsyncEnumerable<IReadOnlyList<MutationRow>> pages,
        BusinessClock clock, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var columns = ColumnsFor(info);
        var rows = 0;
        decimal credit = 0, debit = 0;
        await using var xlsx = await Spreadsheet.CreateNewAsync(output,
            new SpreadCheetahOptions { CompressionLevel = SpreadCheetahCompressionLevel.Fastest, BufferSize = 1 << 16 }, ct);
        var styles = new ExcelStyles(xlsx);

        var sheet = new WorksheetOptions { FrozenRows = 1 };
        for (var c = 0; c < columns.Length; c++) sheet.Column(c + 1).Width = Widths[columns[c]];
        await xlsx.StartWorksheetAsync("Mutasi", sheet, ct);
        await xlsx.AddHeaderRowAsync(columns.Select(c => Headers[c]).ToArray(), styles.Header, ct);
        var cells = new Cell[columns.Length];
        await foreach (var page in pages.WithCancellation(ct))
        {
            foreach (var m in page)
            {
                var values = Values(m, clock);
                for (var c = 0; c < columns.Length; c++) cells[c] = styles.Cell(values[columns[c]]);
                await xlsx.AddRowAsync(cells, ct);
                rows++;
                if (m.Direction == Direction.Credit) credit += m.Amount; else debit += m.Amount;
            }
            progress?.Report(rows);
        }

        var summary = new WorksheetOptions();
        summary.Column(1).Width = 26;
        summary.Column(2).Width = 60;
        await xlsx.StartWorksheetAsync("Ringkasan", summary, ct);
        async Task Line(string label, Cell value) => await xlsx.AddRowAsync([new Cell(label, styles.Bold), value], ct);
        await Line("Filter", styles.Cell(info.FilterText));
        await Line("Dibuat oleh", styles.Cell(info.GeneratedBy));
        await Line("Dibuat pada (WIB)", styles.Cell(clock.ToLocal(info.GeneratedAtUtc)));
        await Line("Jumlah baris", new Cell((long)rows, styles.Whole));
        await Line("Total kredit", styles.Cell(credit));
        await Line("Total debit", styles.Cell(debit));
        await Line("Selisih (kredit − debit)", styles.Cell(credit - debit));
        if (rows >= MaxRows)
            await Line("Catatan", styles.Cell($"Dibatasi {MaxRows:N0} baris pertama; persempit filter untuk sisanya."));
        await xlsx.FinishAsync(ct);
        return new ExportTotals(rows, credit, debit);
    }

    /// <summary>The workbook's cell styles, and the one rule for which a value gets.</summary>
    private sealed class ExcelStyles(Spreadsheet xlsx)
    {
        public StyleId Header { get; } = xlsx.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = System.Drawing.Color.FromArgb(226, 232, 240) } });
        public StyleId Bold { get; } = xlsx.AddStyle(new Style { Font = { Bold = true } });
        public StyleId Whole { get; } = xlsx.AddStyle(new Style { Format = NumberFormat.Custom(WholeNumberFormat) });
        private readonly StyleId _rupiah = xlsx.AddStyle(new Style { Format = NumberFormat.Custom(RupiahFormat) });
        private readonly StyleId _rupiahWithSen = xlsx.AddStyle(new Style { Format = NumberFormat.Custom(RupiahWithSenFormat) });
        private readonly StyleId _dateTime = xlsx.AddStyle(new Style { Format = NumberFormat.Custom(DateTimeFormat) });

        /// <summary>A value of <see cref="Values"/> as a cell: text stays text, money and times are numbers with their format.</summary>
        public Cell Cell(object? value) => value switch
        {
            null => new Cell(),
            string s => new Cell(XmlSafe(s)),
            decimal d => new Cell(d, decimal.Truncate(d) == d ? _rupiah : _rupiahWithSen),
            long l => new Cell(l),
            System.DateTime dt => new Cell(dt, _dateTime),
            _ => throw new ArgumentException($"Unsupported cell value {value.GetType().Name}"),
        };
    }

    // XML 1.0 cannot carry most control characters; a bank description with one must not break the file.
    private static string XmlSafe(string s)
    {
        if (!s.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r'))) return s;
        return string.Create(s.Length, s, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++) span[i] = text[i] < 0x20 && text[i] is not ('\t' or '\n' or '\r') ? ' ' : text[i];
        });
    }

    public static async Task<ExportTotals> WriteCsvAsync(Stream output, ExportInfo info, IAsyncEnumerable<IReadOnlyList<MutationRow>> pages,
        BusinessClock clock, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        // Written by hand (RFC 4180 quoting) in the form an Indonesian Excel opens in columns: its list separator is ";"
        // and its decimal mark ",", so fields are separated by ";" and amounts written 150123,50 (docs/exports.md).
        // UTF-8 with BOM so Excel shows names right.
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true);
        var columns = ColumnsFor(info);
        await writer.WriteLineAsync(string.Join(CsvSeparator, columns.Select(c => CsvField(Headers[c]))));
        var rows = 0;
        decimal credit = 0, debit = 0;
        var line = new System.Text.StringBuilder();
        await foreach (var page in pages.WithCancellation(ct))
        {
            foreach (var m in page)
            {
                var values = Values(m, clock);
                line.Clear();
                for (var i = 0; i < columns.Length; i++)
                {
                    if (i > 0) line.Append(CsvSeparator);
                    if (columns[i] == AccountNumberColumn) { line.Append(CsvText(m.AccountNumber)); continue; }
                    line.Append(values[columns[i]] switch
                    {
                        null => "",
                        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        decimal d => d.ToString("0.00", CsvNumbers),
                        long l => l.ToString(CultureInfo.InvariantCulture),
                        var o => CsvField((string)o),
                    });
                }
                await writer.WriteLineAsync(line, ct);
                rows++;
                if (m.Direction == Direction.Credit) credit += m.Amount; else debit += m.Amount;
            }
            progress?.Report(rows);
        }
        await writer.FlushAsync(ct);
        return new ExportTotals(rows, credit, debit);
    }

    private const int AccountNumberColumn = 3;

    /// <summary>The CSV's field separator: Indonesian Windows' list separator.</summary>
    public const char CsvSeparator = ';';

    /// <summary>Amounts with a decimal comma and no grouping (150123,50), as an Indonesian Excel reads a number.</summary>
    private static readonly NumberFormatInfo CsvNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "" };

    /// <summary>
    /// A number that is really text (an account number): written as <c>="0012345"</c>, which Excel, LibreOffice and
    /// Google Sheets open as the text 0012345 instead of the number 12345 (or 1,23E+15 for a 16-digit virtual
    /// account). Only digit strings are wrapped, so no other text can become a formula.
    /// </summary>
    public static string CsvText(string digits) =>
        digits.Length > 0 && digits.All(char.IsAsciiDigit) ? "\"=\"\"" + digits + "\"\"\"" : CsvField(digits);

    /// <summary>Quotes when needed, and defuses text a spreadsheet would run as a formula (=, +, -, @ first).</summary>
    public static string CsvField(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([',', ';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    private static int[] ColumnsFor(ExportInfo info) =>
        Enumerable.Range(0, Headers.Length).Where(i => info.IncludeBalance || i != 9).ToArray();

    private static object?[] Values(MutationRow m, BusinessClock clock) =>
    [
        clock.ToLocal(m.TransactionTime),
        m.AccountLabel,
        m.BankCode.ToUpperInvariant(),
        m.AccountNumber,
        m.Description,
        m.Counterparty,
        m.Direction == Direction.Credit ? "Kredit" : "Debit",
        m.Direction == Direction.Credit ? m.Amount : null,
        m.Direction == Direction.Debit ? m.Amount : null,
        m.BalanceAfter,
        StatusText(m.Status),
        string.Join(", ", m.Tags.Select(t => t.Name)),
        m.OrderReference,
        m.NoteText ?? "",
        m.Source.ToString(),
        m.Id,
    ];
}
