using System.Globalization;
using MootaDesk.Core.Mutations;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>
/// The income rhythm as an Excel workbook (SpreadCheetah, like the Mutasi export): "Ringkasan" (money in, windows, busiest
/// stretches, customers), "Hari x Jam" (the 168 cells plus the time-unknown row, amount and count), "Bulan" (each rhythm
/// month's windows and their change). Money cells are numbers in the app's rupiah format, percentages are numbers.
/// </summary>
public sealed class IncomeRhythmExport
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string FileName(IncomeRhythmReport report) => $"ritme-pemasukan-{report.Period.From:yyyy-MM-dd}-{report.Period.To:yyyy-MM-dd}.xlsx";

    public async Task WriteAsync(Stream output, IncomeRhythmReport report, CancellationToken ct = default)
    {
        await using var xlsx = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { CompressionLevel = SpreadCheetahCompressionLevel.Fastest }, ct);
        var bold = xlsx.AddStyle(new Style { Font = { Bold = true } });
        var rupiah = xlsx.AddStyle(new Style { Format = NumberFormat.Custom(MutationExport.RupiahFormat) });
        var whole = xlsx.AddStyle(new Style { Format = NumberFormat.Custom(MutationExport.WholeNumberFormat) });
        var percent = xlsx.AddStyle(new Style { Format = NumberFormat.Custom("0.0\"%\"") });
        Cell Money(decimal? v) => v is decimal d ? new Cell(d, rupiah) : new Cell();
        Cell Count(int v) => new((long)v, whole);
        Cell Pct(decimal? v) => v is decimal d ? new Cell(d, percent) : new Cell();
        Cell Head(string s) => new(s, bold);

        var summary = new WorksheetOptions();
        summary.Column(1).Width = 34;
        summary.Column(2).Width = 18;
        summary.Column(3).Width = 12;
        summary.Column(4).Width = 16;
        await xlsx.StartWorksheetAsync("Ringkasan", summary, ct);
        await xlsx.AddRowAsync([Head("Periode"), new Cell($"{report.Period.From:dd-MM-yyyy} s.d. {report.Period.To:dd-MM-yyyy}"), new Cell(report.TimeZoneId)], ct);
        await xlsx.AddRowAsync([Head("Pemasukan"), Money(report.MoneyIn.Amount), Count(report.MoneyIn.Count), Money(report.MoneyIn.Average)], ct);
        await xlsx.AddRowAsync([], ct);
        await xlsx.AddRowAsync([Head("Jendela"), Head("Jumlah"), Head("Pembayaran"), Head("Rata-rata")], ct);
        foreach (var (name, f) in new[] { ("Gajian (25–5)", report.Windows.Payday), ("Booster", report.Windows.Booster), ("Lainnya", report.Windows.Other) })
            await xlsx.AddRowAsync([new Cell(name), Money(f.Amount), Count(f.Count), Money(f.Average)], ct);
        await xlsx.AddRowAsync([], ct);
        await xlsx.AddRowAsync([Head("Jam tersibuk")], ct);
        foreach (var b in report.Busiest)
            await xlsx.AddRowAsync([new Cell(IncomeRhythmWording.Describe(b, Indonesian)), Money(b.Amount), Count(b.Count), Pct(b.SharePercent)], ct);
        await xlsx.AddRowAsync([], ct);
        var c = report.Customers;
        await xlsx.AddRowAsync([Head("Pelanggan")], ct);
        await xlsx.AddRowAsync([new Cell("Pembayar dikenal"), Count(c.Payers)], ct);
        await xlsx.AddRowAsync([new Cell("Pembayar kembali (≤ 90 hari)"), Count(c.ReturningPayers), new Cell(), Pct(c.ReturningPayersPercent)], ct);
        await xlsx.AddRowAsync([new Cell("Uang dari pembayar kembali"), Money(c.Returning.Amount), Count(c.Returning.Count), Pct(c.ReturningAmountPercent)], ct);
        await xlsx.AddRowAsync([new Cell("Uang tanpa pembayar dikenal"), Money(c.Unidentified.Amount), Count(c.Unidentified.Count)], ct);
        await xlsx.AddRowAsync([new Cell("Rata-rata nilai pesanan"), Money(c.Orders.Average), Count(c.Orders.Count)], ct);
        await xlsx.AddRowAsync([new Cell("Refund"), Money(c.Refunds.Amount), Count(c.Refunds.Count), Pct(c.RefundPercent)], ct);

        var grid = new WorksheetOptions { FrozenRows = 1 };
        await xlsx.StartWorksheetAsync("Hari x Jam", grid, ct);
        await xlsx.AddRowAsync([Head("Hari"), Head("Jam"), Head("Jumlah"), Head("Pembayaran")], ct);
        foreach (var cell in report.Cells)
            await xlsx.AddRowAsync([new Cell(IncomeRhythmWording.WeekdayName(cell.Weekday, Indonesian)), new Cell(IncomeRhythmWording.HourRange(cell.Hour, cell.Hour + 1, Indonesian)),
                Money(cell.Amount), Count(cell.Count)], ct);
        foreach (var u in report.TimeUnknown)
            await xlsx.AddRowAsync([new Cell(IncomeRhythmWording.WeekdayName(u.Weekday, Indonesian)), new Cell("jam tidak diketahui"), Money(u.Amount), Count(u.Count)], ct);

        await xlsx.StartWorksheetAsync("Bulan", new WorksheetOptions { FrozenRows = 1 }, ct);
        await xlsx.AddRowAsync([Head("Bulan"), Head("Siklus"), Head("Jendela"), Head("Jumlah"), Head("Pembayaran"), Head("Rata-rata"), Head("Perubahan"), Head("Perubahan %")], ct);
        foreach (var m in report.Months)
            foreach (var (name, w) in new[] { ("Gajian", m.Payday), ("Booster", m.Booster), ("Lainnya", m.Other), ("Total", m.Total) })
                await xlsx.AddRowAsync([new Cell($"{m.Year}-{m.Month:00}"), new Cell($"{m.CoveredFrom:dd-MM}–{m.CoveredTo:dd-MM}" + (m.IsWhole ? "" : " (sebagian)")),
                    new Cell(name), Money(w.Figures.Amount), Count(w.Figures.Count), Money(w.Figures.Average), Money(w.Change?.AmountDelta), Pct(w.Change?.AmountPercent)], ct);
        await xlsx.FinishAsync(ct);
    }
}
