
namespace MootaDesk.Core.BankAccounts.Statements;

/// <summary>
/// A bank's export, recognised by its header row, with the column mapping that reads it. Shapes were taken
/// from the banks' exports as open-source converters and accounting plugins read them (2025–2026):
/// <list type="bullet">
/// <item>KlikBCA (personal): <c>Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo</c>, the CR/DB column without
/// a header, dates <c>'07/10</c> without a year, <c>'PEND</c> rows, a <c>Saldo Awal/Mutasi Kredit/Mutasi Debet/Saldo Akhir</c> footer.</item>
/// <item>KlikBCA Bisnis: <c>Tanggal Transaksi,Keterangan,Cabang,Jumlah,Saldo</c>, the direction after the amount (<c>1,500,000.00 CR</c>).</item>
/// <item>Livin'/Mandiri (Kopra, CSV with <c>;</c> or XLSX): <c>AccountNo;Ccy;PostDate;Remarks;AdditionalDesc;Credit Amount;Debit Amount;Close Balance</c>,
/// dates <c>16 March 2026 09:34:53</c>.</item>
/// <item>Mandiri internet banking / MCM: <c>Account No,Date,Val. Date,Transaction Code,Description,Description,Reference No.,Debit,Credit</c>.</item>
/// <item>BRI (CMS/QLola/IBBIZ data export, CSV or XLSX): <c>ID,NOREK,TGL_TRAN,TGL_EFEKTIF,JAM_TRAN,SEQ,DESK_TRAN,SALDO_AWAL_MUTASI,MUTASI_DEBET,MUTASI_KREDIT,SALDO_AKHIR_MUTASI,…</c>.</item>
/// <item>BNI (BNIDirect): <c>Posting Date,Effective Date,Branch,Journal No.,Description,Amount,DB/CR,Balance</c>, direction <c>D</c>/<c>K</c> or <c>DB</c>/<c>CR</c>.</item>
/// </list>
/// </summary>
public sealed class StatementLayout
{
    public required string Key { get; init; }

    /// <summary>The export's name as the bank's customers know it (the same in Indonesian and English).</summary>
    public required string Name { get; init; }

    /// <summary>Header names (normalised) the layout needs, each with its alternatives.</summary>
    internal string[][] Required { get; init; } = [];

    /// <summary>The mapping for this file, or null when the file only looks like the layout (e.g. no direction anywhere).</summary>
    internal Func<HeaderLookup, StatementTable, StatementColumnMapping?> Map { get; init; } = (_, _) => null;
}

/// <summary>Finds a file's real header name from the normalised names a layout expects.</summary>
internal sealed class HeaderLookup(IReadOnlyList<string> headers)
{
    public IReadOnlyList<string> Headers { get; } = headers;

    public string? Find(params string[] names) =>
        names.Select(n => Headers.FirstOrDefault(h => StatementColumnMapping.Norm(h) == n)).FirstOrDefault(h => h is not null);
}

/// <summary>The presets, and the detection that picks one (or falls back to a guessed mapping) for a file.</summary>
public static class StatementLayouts
{
    public static readonly IReadOnlyList<StatementLayout> All =
    [
        new()
        {
            Key = "klikbca", Name = "KlikBCA",
            Required = [["tanggal transaksi", "tanggal"], ["keterangan"], ["cabang"], ["jumlah"], ["saldo"]],
            Map = (h, table) =>
            {
                var amount = h.Find("jumlah")!;
                return FindDirectionColumn(table, amount, [h.Find("tanggal transaksi", "tanggal")!, h.Find("keterangan")!, h.Find("cabang")!, h.Find("saldo")!])
                    is not { } marker ? null
                    : new StatementColumnMapping
                    {
                        Date = h.Find("tanggal transaksi", "tanggal"), Description = h.Find("keterangan"), Amount = amount, Marker = marker,
                        Balance = h.Find("saldo"), Layout = "klikbca",
                    };
            },
        },
        new()
        {
            Key = "klikbca-bisnis", Name = "KlikBCA Bisnis",
            Required = [["tanggal transaksi", "tanggal"], ["keterangan"], ["cabang"], ["jumlah"], ["saldo"]],
            Map = (h, table) =>
            {
                var amount = h.Find("jumlah")!;
                var column = StatementParser.FindColumn(table.Headers, amount);
                // The direction is written after each amount ("1,500,000.00 CR"); without it this is another file.
                return !table.Lines.Take(200).Any(l => StatementParser.StripMarker(l.Cell(column)).Marker is not null) ? null
                    : new StatementColumnMapping
                    {
                        Date = h.Find("tanggal transaksi", "tanggal"), Description = h.Find("keterangan"), Amount = amount,
                        Balance = h.Find("saldo"), Layout = "klikbca-bisnis",
                    };
            },
        },
        new()
        {
            Key = "mandiri-kopra", Name = "Livin'/Mandiri (Kopra)",
            Required = [["postdate", "post date"], ["remarks"], ["credit amount"], ["debit amount"]],
            Map = (h, _) => new StatementColumnMapping
            {
                Date = h.Find("postdate", "post date"), Description = h.Find("remarks"), ExtraDescription = h.Find("additionaldesc", "additional desc"),
                Credit = h.Find("credit amount"), Debit = h.Find("debit amount"), Balance = h.Find("close balance", "closing balance", "balance"),
                Layout = "mandiri-kopra",
            },
        },
        new()
        {
            Key = "mandiri-mcm", Name = "Mandiri Internet Banking / MCM",
            Required = [["account no"], ["date"], ["val date"], ["description"], ["debit"], ["credit"]],
            Map = (h, _) => new StatementColumnMapping
            {
                Date = h.Find("date"), Description = h.Find("description"), ExtraDescription = h.Find("description (2)"),
                Debit = h.Find("debit"), Credit = h.Find("credit"), Balance = h.Find("balance", "saldo"), Layout = "mandiri-mcm",
            },
        },
        new()
        {
            Key = "bri", Name = "BRI (CMS / QLola)",
            Required = [["tgl tran"], ["desk tran"], ["mutasi debet"], ["mutasi kredit"]],
            Map = (h, _) => new StatementColumnMapping
            {
                Date = h.Find("tgl tran"), Time = h.Find("jam tran"), Description = h.Find("desk tran"),
                Debit = h.Find("mutasi debet"), Credit = h.Find("mutasi kredit"), Balance = h.Find("saldo akhir mutasi"), Layout = "bri",
            },
        },
        new()
        {
            Key = "bni", Name = "BNI (BNIDirect)",
            Required = [["posting date", "post date"], ["description", "transaction description"], ["amount"], ["db/cr", "d/k", "dc", "db / cr"]],
            Map = (h, _) => new StatementColumnMapping
            {
                Date = h.Find("posting date", "post date"), Description = h.Find("description", "transaction description"),
                Amount = h.Find("amount"), Marker = h.Find("db/cr", "d/k", "dc", "db / cr"), Balance = h.Find("balance"), Layout = "bni",
            },
        },
    ];

    public static StatementLayout? Find(string? key) => All.FirstOrDefault(l => l.Key == key);

    /// <summary>
    /// The first preset whose header row and values fit the file; otherwise a mapping guessed from the header
    /// names, with the direction column found by its values when no header names it.
    /// </summary>
    public static StatementColumnMapping Detect(StatementTable table)
    {
        foreach (var layout in All)
            if (Apply(layout, table) is { } mapping) return mapping;
        var guess = StatementColumnMapping.Guess(table.Headers);
        if (guess.Amount is { } amount && guess.Marker is null && !guess.UsesSeparateDebitCredit)
        {
            var mapped = new[] { guess.Date, guess.Time, guess.Description, guess.Balance }.OfType<string>().ToArray();
            if (FindDirectionColumn(table, amount, mapped) is { } marker) guess = guess with { Marker = marker };
        }
        return guess;
    }

    /// <summary>The preset's mapping for this file, or null when the file is not of that layout.</summary>
    public static StatementColumnMapping? Apply(StatementLayout layout, StatementTable table)
    {
        var lookup = new HeaderLookup(table.Headers);
        return layout.Required.All(names => lookup.Find(names) is not null) ? layout.Map(lookup, table) : null;
    }

    /// <summary>
    /// The column whose every filled value is a direction word (CR/DB, K/D, Kredit/Debet, C/D, Db./Cr.), header
    /// or not; KlikBCA leaves that column's header empty. The column right after the amount wins a tie.
    /// </summary>
    public static string? FindDirectionColumn(StatementTable table, string amountColumn, IReadOnlyCollection<string> exclude)
    {
        var amountIndex = StatementParser.FindColumn(table.Headers, amountColumn);
        var sample = table.Lines.Take(500).ToList();
        string? best = null;
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var name = table.Headers[c];
            if (c == amountIndex || exclude.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            var filled = sample.Select(l => l.Cell(c).Trim()).Where(v => v.Length > 0).ToList();
            if (filled.Count == 0 || !filled.All(v => StatementParser.ReadMarker(v) is not null) || !filled.Any(v => v.Any(char.IsLetter))) continue;
            if (c == amountIndex + 1) return name;
            best ??= name;
        }
        return best;
    }
}
