using MootaDesk.Core.Shared;

namespace MootaDesk.Core.BankAccounts.Statements;

/// <summary>
/// Which column of a statement holds what, by header name (a bank's export keeps its headers, not always
/// its column order). Either <see cref="Amount"/> (signed, or with <see cref="Marker"/> or a CR/DB suffix)
/// or <see cref="Debit"/>/<see cref="Credit"/> columns.
/// </summary>
public sealed record StatementColumnMapping
{
    public string? Date { get; init; }
    public string? Time { get; init; }
    public string? Description { get; init; }

    /// <summary>A second text column appended to the description (Mandiri's "AdditionalDesc", the second "Description").</summary>
    public string? ExtraDescription { get; init; }

    public string? Amount { get; init; }
    public string? Debit { get; init; }
    public string? Credit { get; init; }
    public string? Marker { get; init; }
    public string? Balance { get; init; }

    /// <summary>A key from <see cref="StatementDateFormats.All"/>; null lets the parser detect it.</summary>
    public string? DateFormat { get; init; }

    /// <summary>Unknown lets the parser detect it from the values.</summary>
    public NumberConvention Numbers { get; init; }

    /// <summary>The key of the <see cref="StatementLayout"/> this mapping came from; null for a mapping made by hand.</summary>
    public string? Layout { get; init; }

    /// <summary>
    /// The year of the statement's last day, for dates written without a year ("07/10") when the file has no
    /// period line. Given by the person (or the API's <c>year</c>); never remembered.
    /// </summary>
    public int? Year { get; init; }

    public bool UsesSeparateDebitCredit => Amount is null && (Debit is not null || Credit is not null);

    /// <summary>A first guess from the usual Indonesian and English header names.</summary>
    public static StatementColumnMapping Guess(IReadOnlyList<string> headers)
    {
        string? Find(params string[] names)
        {
            foreach (var n in names)
            {
                var hit = headers.FirstOrDefault(h => Norm(h) == n);
                if (hit is not null) return hit;
            }
            foreach (var n in names.Where(n => n.Length > 3))
            {
                var hit = headers.FirstOrDefault(h => Norm(h).Contains(n));
                if (hit is not null) return hit;
            }
            return null;
        }

        var date = Find("tanggal", "tgl", "date", "tanggal transaksi", "tgl transaksi", "transaction date", "posting date", "tanggal mutasi", "waktu transaksi");
        var time = Find("jam", "waktu", "time", "pukul");
        if (time == date) time = null;
        var debit = Find("debet", "debit", "db", "mutasi debet", "mutasi debit", "penarikan", "withdrawal", "keluar", "uang keluar");
        var credit = Find("kredit", "credit", "cr", "mutasi kredit", "setoran", "deposit", "masuk", "uang masuk");
        var marker = Find("cr/db", "db/cr", "d/k", "k/d", "d/c", "c/d", "dk", "tipe", "type", "jenis");
        var amount = Find("jumlah", "nominal", "amount", "mutasi", "nilai", "jumlah mutasi");
        var separate = debit is not null && credit is not null && debit != credit;
        return new StatementColumnMapping
        {
            Date = date,
            Time = time,
            Description = Find("keterangan", "deskripsi", "description", "uraian", "uraian transaksi", "remark", "remarks", "transaction details", "berita", "detail"),
            Amount = separate ? null : amount,
            Debit = separate ? debit : null,
            Credit = separate ? credit : null,
            Marker = separate ? null : marker,
            Balance = Find("saldo", "balance", "saldo akhir", "ending balance"),
        };
    }

    internal static string Norm(string header) => string.Join(' ', header.Trim().ToLowerInvariant().Split((char[])[' ', '\t', '_', '.', ':'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// A date layout banks use, with the exact patterns it accepts (with or without a time). A
/// <see cref="YearLess"/> layout ("07/10", KlikBCA) takes its year from the statement's period or the person.
/// </summary>
public sealed record StatementDateFormat(string Key, string Display, string[] Patterns, bool YearLess = false);

public static class StatementDateFormats
{
    private static string[] With(params string[] dates) =>
        dates.SelectMany(d => new[] { d, d + " H:mm:ss", d + " H:mm", d + " H.mm.ss", d + " H.mm", d + "'T'H:mm:ss" }).ToArray();

    /// <summary>In the order they are tried: day-first layouts before the American month-first one.</summary>
    public static readonly IReadOnlyList<StatementDateFormat> All =
    [
        new("dd/MM/yyyy", "dd/MM/yyyy", With("d'/'M'/'yyyy")),
        new("yyyy-MM-dd", "yyyy-MM-dd", With("yyyy'-'M'-'d")),
        new("dd-MM-yyyy", "dd-MM-yyyy", With("d'-'M'-'yyyy")),
        new("dd.MM.yyyy", "dd.MM.yyyy", With("d'.'M'.'yyyy")),
        new("dd/MM/yy", "dd/MM/yy", With("d'/'M'/'yy")),
        new("dd-MM-yy", "dd-MM-yy", With("d'-'M'-'yy")),
        new("yyyy/MM/dd", "yyyy/MM/dd", With("yyyy'/'M'/'d")),
        new("dd MMM yyyy", "dd MMM yyyy", With("d MMM yyyy", "d'-'MMM'-'yyyy", "d MMMM yyyy")),
        new("dd-MMM-yy", "dd-MMM-yy", With("d'-'MMM'-'yy", "d MMM yy")),
        new("MM/dd/yyyy", "MM/dd/yyyy", With("M'/'d'/'yyyy")),
        new("dd/MM", "dd/MM", ["d'/'M"], YearLess: true),
    ];

    public static StatementDateFormat? Find(string? key) => All.FirstOrDefault(f => f.Key == key);
}
