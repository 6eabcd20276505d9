using System.Globalization;
using System.Runtime.CompilerServices;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Access;
using MootaDesk.Core.Data;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Formatting;

namespace MootaDesk.Core.Mutations;

public enum ExportFormat { Excel, Csv }

/// <summary>What the export file says about itself on its totals sheet.</summary>
public sealed record ExportInfo(string FilterText, string GeneratedBy, DateTime GeneratedAtUtc, bool IncludeBalance);

public sealed record ExportTotals(int Rows, decimal Credit, decimal Debit);

/// <summary>
/// Writes mutations to Excel or CSV, reading them page by page (keyset over time and id, oldest first, the
/// order an accountant reads a ledger in). ClosedXML keeps the workbook in memory until it is saved, so the
/// row count is capped at <see cref="MaxRows"/>; CSV streams and has the same cap for symmetry.
/// Never calls AdjustToContents (needs libgdiplus on Linux) or GetFormattedString (needs a pruned package).
/// </summary>
public static class MutationExport
{
    public const int MaxRows = 200_000;
    public const int PageSize = 5_000;
    public const string RupiahFormat = "\"Rp\" #,##0;-\"Rp\" #,##0";
    public const string DateTimeFormat = "dd/mm/yyyy hh:mm";

    public static readonly string[] Headers =
        ["Waktu (WIB)", "Rekening", "Bank", "No. Rekening", "Keterangan", "Pihak Lawan", "Arah", "Kredit", "Debit", "Saldo", "Status", "Tag", "Referensi Order", "Ada Catatan", "Sumber", "ID"];

    private static readonly double[] Widths = [17, 22, 10, 16, 48, 26, 8, 16, 16, 18, 14, 24, 18, 11, 11, 10];

    public static string StatusText(ReconciliationStatus s) => s switch
    {
        ReconciliationStatus.New => "Baru",
        ReconciliationStatus.Matched => "Cocok",
        ReconciliationStatus.NeedsAttention => "Perlu dicek",
        ReconciliationStatus.Resolved => "Selesai",
        _ => s.ToString(),
    };

    /// <summary>Rows of the filter in ledger order, <see cref="PageSize"/> at a time, each page with its tags.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<MutationRow>> PagesAsync(IDbContextFactory<MootaDeskDbContext> factory, MutationFilter filter,
        Viewer viewer, BusinessClock clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        DateTime? lastTime = null;
        long lastId = 0;
        var total = 0;
        while (total < MaxRows)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var q = MutationSearch.Apply(db.Mutations.AsNoTracking(), filter, viewer, clock);
            if (lastTime is DateTime t)
            {
                var id = lastId;
                q = q.Where(m => m.TransactionTime > t || (m.TransactionTime == t && m.Id > id));
            }
            var take = Math.Min(PageSize, MaxRows - total);
            var rows = await MutationSearch.Project(q.OrderBy(m => m.TransactionTime).ThenBy(m => m.Id).Take(take), viewer).ToListAsync(ct);
            if (rows.Count == 0) yield break;
            var withTags = await MutationSearch.WithTagsAsync(db, rows, ct);
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
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Mutasi");
        var columns = ColumnsFor(info);
        for (var c = 0; c < columns.Length; c++)
        {
            ws.Cell(1, c + 1).Value = Headers[columns[c]];
            ws.Column(c + 1).Width = Widths[columns[c]];
        }
        var header = ws.Range(1, 1, 1, columns.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#e2e8f0");
        ws.SheetView.FreezeRows(1);

        var row = 1;
        decimal credit = 0, debit = 0;
        await foreach (var page in pages.WithCancellation(ct))
        {
            foreach (var m in page)
            {
                row++;
                var values = Values(m, clock);
                for (var c = 0; c < columns.Length; c++)
                {
                    var v = values[columns[c]];
                    var cell = ws.Cell(row, c + 1);
                    switch (v)
                    {
                        case null: break;
                        case DateTime dt: cell.Value = dt; break;
                        case decimal d: cell.Value = d; break;
                        case long l: cell.Value = l; break;
                        default: cell.Value = (string)v; cell.DataType = XLDataType.Text; break;
                    }
                }
                if (m.Direction == Direction.Credit) credit += m.Amount; else debit += m.Amount;
            }
            progress?.Report(row - 1);
        }

        var rows = row - 1;
        if (rows > 0)
        {
            ws.Range(2, 1, row, 1).Style.NumberFormat.Format = DateTimeFormat;
            for (var c = 0; c < columns.Length; c++)
                if (columns[c] is 7 or 8 or 9) ws.Range(2, c + 1, row, c + 1).Style.NumberFormat.Format = RupiahFormat;
        }
        ws.RangeUsed()?.SetAutoFilter();

        var sum = wb.AddWorksheet("Ringkasan");
        sum.Column(1).Width = 26;
        sum.Column(2).Width = 60;
        var lines = new (string Label, object Value)[]
        {
            ("Filter", info.FilterText),
            ("Dibuat oleh", info.GeneratedBy),
            ("Dibuat pada (WIB)", clock.ToLocal(info.GeneratedAtUtc)),
            ("Jumlah baris", (long)rows),
            ("Total kredit", credit),
            ("Total debit", debit),
            ("Selisih (kredit − debit)", credit - debit),
        };
        for (var i = 0; i < lines.Length; i++)
        {
            sum.Cell(i + 1, 1).Value = lines[i].Label;
            sum.Cell(i + 1, 1).Style.Font.Bold = true;
            var cell = sum.Cell(i + 1, 2);
            switch (lines[i].Value)
            {
                case DateTime dt: cell.Value = dt; cell.Style.NumberFormat.Format = DateTimeFormat; break;
                case decimal d: cell.Value = d; cell.Style.NumberFormat.Format = RupiahFormat; break;
                case long l: cell.Value = l; cell.Style.NumberFormat.Format = "#,##0"; break;
                default: cell.Value = (string)lines[i].Value; cell.DataType = XLDataType.Text; break;
            }
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        }
        if (rows >= MaxRows)
            sum.Cell(lines.Length + 2, 1).Value = $"Dibatasi {MaxRows:N0} baris pertama; persempit filter untuk sisanya.";

        wb.SaveAs(output);
        return new ExportTotals(rows, credit, debit);
    }

    public static async Task<ExportTotals> WriteCsvAsync(Stream output, ExportInfo info, IAsyncEnumerable<IReadOnlyList<MutationRow>> pages,
        BusinessClock clock, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        // Written by hand (RFC 4180 quoting): one line per row, UTF-8 with BOM so Excel shows "Rp" and names right.
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true);
        var columns = ColumnsFor(info);
        await writer.WriteLineAsync(string.Join(',', columns.Select(c => CsvField(Headers[c]))));
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
                    if (i > 0) line.Append(',');
                    line.Append(values[columns[i]] switch
                    {
                        null => "",
                        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
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

    /// <summary>Quotes when needed, and defuses text a spreadsheet would run as a formula (=, +, -, @ first).</summary>
    public static string CsvField(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
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
        m.HasNote ? "Ya" : "Tidak",
        m.Source.ToString(),
        m.Id,
    ];
}
