using System.Globalization;
using System.Text;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

/// <summary>One CSV row as read, with the request it makes and what could not be read from it.</summary>
public sealed record OrderCsvRow(int LineNumber, OrderRequest Request, IReadOnlyList<OrderFieldError> ReadErrors);

public sealed record OrderCsvFile(IReadOnlyList<OrderCsvRow> Rows, string? FileError);

/// <summary>
/// Reads a CSV of orders (a small RFC 4180 reader: CsvHelper 34 is a different, span-based API and the file is small) (comma or semicolon, as Indonesian Excel saves it). Columns by header name, English or
/// Indonesian: reference/referensi, customer_name/nama, whatsapp/wa, amount/nominal, account_number/rekening,
/// bank (optional), expires_at/kedaluwarsa (optional, business time "yyyy-MM-dd HH:mm" or ISO with offset).
/// </summary>
public sealed class OrderCsvReader(BusinessClock clock)
{
    public const int MaxRows = 5_000;

    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reference"] = OrderFields.Reference, ["referensi"] = OrderFields.Reference, ["ref"] = OrderFields.Reference, ["invoice"] = OrderFields.Reference,
        ["customer_name"] = OrderFields.CustomerName, ["customer"] = OrderFields.CustomerName, ["nama"] = OrderFields.CustomerName, ["nama_pelanggan"] = OrderFields.CustomerName,
        ["whatsapp"] = OrderFields.WhatsApp, ["wa"] = OrderFields.WhatsApp, ["no_wa"] = OrderFields.WhatsApp,
        ["amount"] = OrderFields.Amount, ["nominal"] = OrderFields.Amount, ["jumlah"] = OrderFields.Amount,
        ["account_number"] = OrderFields.Account, ["account"] = OrderFields.Account, ["rekening"] = OrderFields.Account, ["no_rekening"] = OrderFields.Account,
        ["bank"] = "bank", ["bank_code"] = "bank",
        ["expires_at"] = OrderFields.ExpiresAt, ["expires"] = OrderFields.ExpiresAt, ["kedaluwarsa"] = OrderFields.ExpiresAt, ["batas_bayar"] = OrderFields.ExpiresAt,
    };

    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy HH:mm", "yyyy-MM-dd", "dd/MM/yyyy"];

    public async Task<OrderCsvFile> ReadAsync(Stream stream, CancellationToken ct = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return new([], "Empty");
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : ",";

        var records = ParseRecords(text, delimiter[0]);
        if (records.Count == 0) return new([], "Empty");
        var header = records[0].Fields;
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var h = header[i].Trim().TrimStart('\uFEFF').Replace(' ', '_').Replace('-', '_');
            if (Headers.TryGetValue(h, out var field)) columns.TryAdd(field, i);
        }
        var missing = new[] { OrderFields.Reference, OrderFields.CustomerName, OrderFields.Amount, OrderFields.Account }.Where(f => !columns.ContainsKey(f)).ToList();
        if (missing.Count > 0) return new([], "MissingColumns:" + string.Join(",", missing));
        if (records.Count - 1 > MaxRows) return new([], "TooManyRows");

        var rows = new List<OrderCsvRow>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace)) continue;
            string? Get(string field) => columns.TryGetValue(field, out var i) && i < record.Fields.Count ? record.Fields[i].Trim() : null;
            var errors = new List<OrderFieldError>();

            decimal? amount = null;
            var amountText = Get(OrderFields.Amount);
            if (!string.IsNullOrWhiteSpace(amountText))
            {
                if (Money.TryParse(amountText, out var a)) amount = a;
                else errors.Add(new(OrderFields.Amount, "AmountUnreadable", amountText));
            }

            DateTime? expires = null;
            var expiresText = Get(OrderFields.ExpiresAt);
            if (!string.IsNullOrWhiteSpace(expiresText))
            {
                if (TryParseTime(expiresText.Trim(), out var e)) expires = e;
                else errors.Add(new(OrderFields.ExpiresAt, "ExpiryUnreadable", expiresText));
            }

            var request = new OrderRequest
            {
                Reference = Get(OrderFields.Reference),
                CustomerName = Get(OrderFields.CustomerName),
                WhatsApp = Get(OrderFields.WhatsApp),
                Amount = amount,
                AccountNumber = Get(OrderFields.Account),
                BankCode = Get("bank"),
                ExpiresAtUtc = expires,
            };
            rows.Add(new OrderCsvRow(record.LineNumber, request, errors));
        }
        return rows.Count == 0 ? new([], "NoRows") : new(rows, null);
    }

    private sealed record CsvRecord(int LineNumber, List<string> Fields);

    /// <summary>RFC 4180: quoted fields may hold the delimiter, doubled quotes and line breaks.</summary>
    private static List<CsvRecord> ParseRecords(string text, char delimiter)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else { if (c == '\n') line++; field.Append(c); }
            }
            else if (c == '"' && field.Length == 0) inQuotes = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') continue;
            else if (c == '\n')
            {
                fields.Add(field.ToString()); field.Clear();
                records.Add(new CsvRecord(recordLine, fields));
                fields = [];
                line++;
                recordLine = line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, fields));
        }
        return records;
    }

    /// <summary>With an offset it is an instant; without one it is business time (WIB), which is how shops write times.</summary>
    public bool TryParseTime(string text, out DateTime utc)
    {
        utc = default;
        if ((text.EndsWith('Z') || text.Contains('+') || System.Text.RegularExpressions.Regex.IsMatch(text, @"T.*-\d\d:\d\d$"))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            utc = dto.UtcDateTime;
            return true;
        }
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            // A date alone means "until the end of that day".
            if (local.TimeOfDay == TimeSpan.Zero && !text.Contains(':')) local = local.AddDays(1).AddMinutes(-1);
            utc = clock.ToUtc(local);
            return true;
        }
        return false;
    }
}
