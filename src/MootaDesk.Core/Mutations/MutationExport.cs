using System.Globalization;
using System.Runtime.CompilerServices;
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
/// order an accountant reads a ledger in). Excel is streamed row by row (<see cref="StreamingXlsxWriter"/>), so memory
/// stays flat; the row count is still capped at <see cref="MaxRows"/> so a file stays openable on an office laptop.
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
            var q = await MutationSearch.ApplyAsync(db, filter, viewer, clock, ct);
            if (lastTime is DateTime t)
            {
                var id = lastId;
                // The separate ">=" lets the time index start at the last row instead of rescanning every earlier page.
                q = q.Where(m => m.TransactionTime >= t).Where(m => m.TransactionTime > t || m.Id > id);
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
        var columns = ColumnsFor(info);
        var rows = 0;
        decimal credit = 0, debit = 0;
        using (var xlsx = new StreamingXlsxWriter(output, RupiahFormat, DateTimeFormat))
        {
            xlsx.StartSheet("Mutasi", columns.Select(c => Widths[c]).ToList(), freezeHeader: true);
            xlsx.WriteRow(columns.Select(c => (object?)Headers[c]).ToList(), columns.Select(_ => StreamingXlsxWriter.Header).ToList());
            var styles = columns.Select(c => c switch
            {
                0 => StreamingXlsxWriter.DateTime,
                7 or 8 or 9 => StreamingXlsxWriter.Rupiah,
                _ => 0u,
            }).ToList();
            var cells = new object?[columns.Length];
            await foreach (var page in pages.WithCancellation(ct))
            {
                foreach (var m in page)
                {
                    var values = Values(m, clock);
                    for (var c = 0; c < columns.Length; c++) cells[c] = values[columns[c]];
                    xlsx.WriteRow(cells, styles);
                    rows++;
                    if (m.Direction == Direction.Credit) credit += m.Amount; else debit += m.Amount;
                }
                progress?.Report(rows);
            }
            xlsx.EndSheet();

            xlsx.StartSheet("Ringkasan", [26, 60], freezeHeader: false);
            var label = new[] { StreamingXlsxWriter.Bold, 0u };
            xlsx.WriteRow(["Filter", info.FilterText], label);
            xlsx.WriteRow(["Dibuat oleh", info.GeneratedBy], label);
            xlsx.WriteRow(["Dibuat pada (WIB)", clock.ToLocal(info.GeneratedAtUtc)], [StreamingXlsxWriter.Bold, StreamingXlsxWriter.DateTime]);
            xlsx.WriteRow(["Jumlah baris", (long)rows], [StreamingXlsxWriter.Bold, StreamingXlsxWriter.Whole]);
            xlsx.WriteRow(["Total kredit", credit], [StreamingXlsxWriter.Bold, StreamingXlsxWriter.Rupiah]);
            xlsx.WriteRow(["Total debit", debit], [StreamingXlsxWriter.Bold, StreamingXlsxWriter.Rupiah]);
            xlsx.WriteRow(["Selisih (kredit − debit)", credit - debit], [StreamingXlsxWriter.Bold, StreamingXlsxWriter.Rupiah]);
            if (rows >= MaxRows)
                xlsx.WriteRow(["Catatan", $"Dibatasi {MaxRows:N0} baris pertama; persempit filter untuk sisanya."], label);
            xlsx.EndSheet();
        }
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
