using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace MootaDesk.Core.BankAccounts.Statements;

/// <summary>
/// A statement file as a grid of text: the header row's names and the data rows, each with its line number in
/// the file. What banks write around the table is kept apart: <see cref="Preamble"/> (account number, period,
/// name above the header row) and <see cref="Summary"/> (KlikBCA's "Saldo Awal,=,…" / "Mutasi Kredit,=,…"
/// lines below or, for some banks, right under the header), so they are never read as mutations.
/// </summary>
public sealed class StatementTable
{
    /// <summary>Column names, unique: an empty header becomes "Kolom N", a repeated one "Name (2)".</summary>
    public required IReadOnlyList<string> Headers { get; init; }
    public required IReadOnlyList<StatementLine> Lines { get; init; }
    public required string Format { get; init; }
    public IReadOnlyList<StatementLine> Preamble { get; init; } = [];
    public IReadOnlyList<StatementLine> Summary { get; init; } = [];
}

/// <summary>One data row; <see cref="Number"/> is the row number a person sees in Excel or a text editor.</summary>
public sealed record StatementLine(int Number, string[] Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Length ? Cells[index] : "";
}

/// <summary>Why a file could not be read at all; the UI turns the code into a sentence in the user's language.</summary>
public enum StatementFileProblem { WrongType, OldExcel, Empty, NoDataRows, Unreadable, TooManyRows }

public sealed class StatementFileException(StatementFileProblem problem, string detail) : Exception(detail)
{
    public StatementFileProblem Problem { get; } = problem;
}

/// <summary>
/// Reads a CSV or XLSX bank statement into text cells. The header row is the first row about as wide as the
/// table (banks put a title, the account number and the period above it). Excel dates and numbers are
/// written invariantly ("2026-11-20 14:33:00", "1500000.5") so the parser sees one shape whatever the
/// workbook's display format; display formats are never evaluated. KlikBCA's text marker (a leading
/// apostrophe, as in <c>'07/10</c> or <c>'0000</c>) is removed from every cell.
/// </summary>
public static class StatementFileReader
{
    public const int MaxRows = 500_000;

    public static readonly string[] Extensions = [".csv", ".txt", ".xlsx"];

    public static StatementTable Read(Stream content, string fileName)
    {
        var bytes = ReadAll(content);
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            throw new StatementFileException(StatementFileProblem.Empty, "The file is empty.");

        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        var isOle = bytes.Length > 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0;
        if (ext == ".xls" || isOle)
            throw new StatementFileException(StatementFileProblem.OldExcel, "Old .xls workbooks are not supported.");
        if (ext == ".xlsx" || (isZip && ext is not ".csv" and not ".txt"))
        {
            if (!isZip) throw new StatementFileException(StatementFileProblem.Unreadable, "The file is named .xlsx but is not a workbook.");
            return ReadXlsx(bytes);
        }
        if (ext is ".csv" or ".txt")
        {
            if (isZip || LooksBinary(bytes)) throw new StatementFileException(StatementFileProblem.WrongType, "The file is not text.");
            return ReadCsv(bytes);
        }
        throw new StatementFileException(StatementFileProblem.WrongType, $"Files of type '{ext}' cannot be imported.");
    }

    private static byte[] ReadAll(Stream content)
    {
        if (content is MemoryStream ms && ms.TryGetBuffer(out var seg) && seg.Offset == 0 && ms.Position == 0) return ms.ToArray();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool LooksBinary(byte[] bytes)
    {
        var n = Math.Min(bytes.Length, 4096);
        for (var i = 0; i < n; i++)
            if (bytes[i] == 0) return true;
        return false;
    }

    private static StatementTable ReadCsv(byte[] bytes)
    {
        // CsvHelper detects the separator (, ; tab |) from the first lines: Indonesian banks export with
        // ';' as often as ','.
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
        };
        var rows = new List<StatementLine>();
        try
        {
            using var csv = CsvReader.FromText(Decode(bytes), options);
            while (csv.Read())
            {
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = Clean(csv.GetString(i));
                rows.Add(new StatementLine((int)csv.LineNumber, cells));
                if (rows.Count > MaxRows + 50) throw new StatementFileException(StatementFileProblem.TooManyRows, $"More than {MaxRows} rows.");
            }
        }
        catch (CsvFormatException ex)
        {
            throw new StatementFileException(StatementFileProblem.Unreadable, "The CSV cannot be read: " + ex.Message);
        }
        return Shape(rows, "CSV");
    }

    private static string Decode(byte[] bytes)
    {
        // UTF-8 (with or without BOM) is what every bank's export uses today; older exports are Windows-1252,
        // which decodes byte for byte as Latin-1 for the characters that appear in bank statements.
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static StatementTable ReadXlsx(byte[] bytes)
    {
        XLWorkbook book;
        try
        {
            book = new XLWorkbook(new MemoryStream(bytes));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new StatementFileException(StatementFileProblem.Unreadable, "The workbook cannot be opened: " + ex.GetType().Name);
        }
        using (book)
        {
            var sheet = book.Worksheets.FirstOrDefault(s => s.LastRowUsed() is not null)
                        ?? throw new StatementFileException(StatementFileProblem.Empty, "The workbook has no filled sheet.");
            var lastRow = sheet.LastRowUsed()!.RowNumber();
            var lastCol = sheet.LastColumnUsed()!.ColumnNumber();
            if (lastRow > MaxRows + 50) throw new StatementFileException(StatementFileProblem.TooManyRows, $"More than {MaxRows} rows.");
            var rows = new List<StatementLine>(lastRow);
            for (var r = 1; r <= lastRow; r++)
            {
                var row = sheet.Row(r);
                var cells = new string[lastCol];
                for (var c = 1; c <= lastCol; c++) cells[c - 1] = CellText(row.Cell(c));
                rows.Add(new StatementLine(r, cells));
            }
            return Shape(rows, "XLSX");
        }
    }

    private static string CellText(IXLCell cell)
    {
        if (cell.IsEmpty()) return "";
        switch (cell.DataType)
        {
            case XLDataType.DateTime:
                var d = cell.GetDateTime();
                // A time-only cell is a date on Excel's day zero.
                if (d.Year < 1901) return d.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                return d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            case XLDataType.TimeSpan:
                return cell.GetTimeSpan().ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
            case XLDataType.Number:
                // "0.##": doubles carry cents as 0.30000000000000004; money never has more than two decimals.
                return cell.GetDouble().ToString("0.##", CultureInfo.InvariantCulture);
            case XLDataType.Boolean:
                return cell.GetBoolean() ? "TRUE" : "FALSE";
            default:
                return Clean(cell.GetString() ?? "");
        }
    }

    /// <summary>Trims, and drops the apostrophe Excel and KlikBCA put before text that looks like a number or date.</summary>
    private static string Clean(string cell)
    {
        var s = cell.Trim();
        return s.Length > 1 && s[0] == '\'' ? s[1..].TrimStart() : s;
    }

    private static StatementTable Shape(List<StatementLine> rows, string format)
    {
        // Title lines above the table ("Periode : 01/11/2026 - 30/11/2026") fill a cell or two; the header row
        // fills about as many cells as the widest row near the top.
        static int Filled(StatementLine r) => r.Cells.Count(c => !string.IsNullOrWhiteSpace(c));
        var widest = rows.Take(50).Select(Filled).DefaultIfEmpty(0).Max();
        var needed = Math.Max(2, (int)Math.Ceiling(widest * 0.75));
        var headerIndex = rows.FindIndex(r => Filled(r) >= needed);
        if (headerIndex < 0) throw new StatementFileException(StatementFileProblem.Empty, "No table found in the file.");
        var header = rows[headerIndex].Cells.Select((h, i) => string.IsNullOrWhiteSpace(h) ? $"Kolom {i + 1}" : h.Trim()).ToList();
        var data = rows.Skip(headerIndex + 1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();

        // Summary lines ("Saldo Awal,=,2000000.00") sit below the table, sometimes right under the header.
        var summary = new List<StatementLine>();
        var first = 0;
        while (first < data.Count && StatementFacts.IsSummaryLine(data[first])) summary.Add(data[first++]);
        var last = data.Count;
        while (last > first && StatementFacts.IsSummaryLine(data[last - 1])) last--;
        summary.AddRange(data.Skip(last).Take(data.Count - last));
        data = data.GetRange(first, last - first);

        if (data.Count == 0) throw new StatementFileException(StatementFileProblem.NoDataRows, "The file has a header but no rows.");
        var width = Math.Max(header.Count, data.Max(r => r.Cells.Length));
        for (var i = header.Count; i < width; i++) header.Add($"Kolom {i + 1}");
        // Mandiri's internet-banking export has two "Description" columns; a name must find one column.
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            seen[header[i]] = seen.TryGetValue(header[i], out var n) ? n + 1 : 1;
            if (seen[header[i]] > 1) header[i] = $"{header[i]} ({seen[header[i]]})";
        }
        return new StatementTable { Headers = header, Lines = data, Format = format, Preamble = rows.Take(headerIndex).ToList(), Summary = summary };
    }
}
