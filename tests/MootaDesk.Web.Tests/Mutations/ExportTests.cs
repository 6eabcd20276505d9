using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

public class ExportTests
{
    private static async Task<(TestDatabase Test, long Credit, long Debit)> SeedAsync()
    {
        var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 12));
        var a = await AccountAsync(test);
        var tag = await TagAsync(test, "DP");
        var credit = await MutationAsync(test, a, Wib(2026, 11, 21, 0, 30), 150_123m, description: "BI-FAST CR BUDI", counterparty: "BUDI", tags: [tag.Id], orderReference: "INV-1");
        var debit = await MutationAsync(test, a, Wib(2026, 11, 21, 9, 15), 7_000_000m, Direction.Debit, "=HYPERLINK(\"x\") KE PT SUMBER");
        return (test, credit, debit);
    }

    private static MutationExportService Service(TestDatabase test) => new(test, test.Clock, NullLogger<MutationExportService>.Instance);

    [Fact]
    public async Task The_export_s_filter_summary_names_tags_and_accounts_not_their_ids()
    {
        var (test, _, _) = await SeedAsync();
        await using var _t = test;
        await using (var db = test.CreateDbContext())
        {
            var dp = await db.Tags.SingleAsync(t => t.Name == "DP");
            var account = await db.Accounts.SingleAsync();
            using var ms = new MemoryStream();
            var filter = new MutationFilter { Preset = DatePreset.Today, TagsAny = [dp.Id], TagsNone = [999], AccountIds = [account.Id], Direction = Direction.Credit, Text = "BUDI" };
            await Service(test).WriteAsync(ms, filter, ExportFormat.Excel, Finance, FinanceActor);

            ms.Position = 0;
            using var wb = new XLWorkbook(ms);
            var summary = wb.Worksheet("Ringkasan").Cell(1, 2).GetString();
            summary.ShouldBe("Periode: Hari ini (21 Nov 2026) · Rekening: BCA 6789 · Arah: Kredit · Teks: “BUDI” · Tag (salah satu): DP · Tanpa tag: #999");
            summary.ShouldNotContain("tag=");
        }
    }

    [Fact]
    public void An_empty_filter_is_summarised_as_all_mutations_and_amounts_in_rupiah() =>
        MutationFilterSummary.Describe(new MutationFilter { AmountMin = 1_500_000m, Statuses = [ReconciliationStatus.NeedsAttention] }, new Dictionary<int, string>(),
            new Dictionary<int, string>(), new DateOnly(2026, 11, 21)).ShouldBe("Minimal: Rp 1.500.000 · Status: Perlu dicek");

    [Fact]
    public async Task The_Excel_export_reads_back_with_Indonesian_headers_rupiah_format_WIB_times_and_a_totals_sheet()
    {
        var (test, _, _) = await SeedAsync();
        await using var _t = test;
        using var ms = new MemoryStream();
        var totals = await Service(test).WriteAsync(ms, MutationFilter.Empty, ExportFormat.Excel, Finance, FinanceActor);
        totals.ShouldBe(new ExportTotals(2, 150_123m, 7_000_000m));

        ms.Position = 0;
        using var wb = new XLWorkbook(ms);
        var ws = wb.Worksheet("Mutasi");
        ws.Cell(1, 1).GetString().ShouldBe("Waktu (WIB)");
        ws.Cell(1, 5).GetString().ShouldBe("Keterangan");
        ws.Cell(1, 8).GetString().ShouldBe("Kredit");
        ws.Cell(1, 10).GetString().ShouldBe("Saldo");
        // Oldest first, in WIB: 00:30 WIB is still the 20th in UTC.
        // Newest first, like the Mutasi screen: the 09:15 debit, then the 00:30 credit.
        ws.Cell(3, 1).GetDateTime().ShouldBe(new DateTime(2026, 11, 21, 0, 30, 0));
        ws.Cell(3, 1).Style.NumberFormat.Format.ShouldBe(MutationExport.DateTimeFormat);
        ws.Cell(3, 8).GetValue<decimal>().ShouldBe(150_123m);
        ws.Cell(3, 8).Style.NumberFormat.Format.ShouldBe(MutationExport.RupiahFormat);
        ws.Cell(3, 12).GetString().ShouldBe("DP");
        ws.Cell(2, 9).GetValue<decimal>().ShouldBe(7_000_000m);
        ws.Cell(2, 5).GetString().ShouldStartWith("=HYPERLINK");
        ws.Cell(2, 5).HasFormula.ShouldBeFalse();
        ws.Column(5).Width.ShouldBeGreaterThan(30);

        var sum = wb.Worksheet("Ringkasan");
        sum.Cell(4, 2).GetValue<long>().ShouldBe(2);
        sum.Cell(5, 2).GetValue<decimal>().ShouldBe(150_123m);
        sum.Cell(6, 2).GetValue<decimal>().ShouldBe(7_000_000m);
        sum.Cell(7, 2).GetValue<decimal>().ShouldBe(150_123m - 7_000_000m);

        await using var db = test.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "mutation.export");
        audit.After!.ShouldContain("\"rows\":2");
        audit.Actor.ShouldBe("fin");
    }

    [Fact]
    public async Task A_CS_export_has_no_debits_and_no_balance_column()
    {
        var (test, _, _) = await SeedAsync();
        await using var _t = test;
        using var ms = new MemoryStream();
        await Service(test).WriteAsync(ms, MutationFilter.Parse("arah=debit"), ExportFormat.Excel, Cs, new("cs"));
        ms.Position = 0;
        using var wb = new XLWorkbook(ms);
        var ws = wb.Worksheet("Mutasi");
        ws.LastRowUsed()!.RowNumber().ShouldBe(1);
        ws.Row(1).CellsUsed().Select(c => c.GetString()).ShouldNotContain("Saldo");

        using var all = new MemoryStream();
        await Service(test).WriteAsync(all, MutationFilter.Empty, ExportFormat.Csv, Cs, new("cs"));
        var csv = System.Text.Encoding.UTF8.GetString(all.ToArray());
        csv.ShouldNotContain("7000000");
        csv.ShouldNotContain("Saldo");
        csv.ShouldContain("150123,00");
    }

    [Fact]
    public async Task The_CSV_export_opens_in_columns_in_Indonesian_Excel_newest_first_with_notes_as_text_and_defused_formulas()
    {
        var (test, credit, _) = await SeedAsync();
        await using var _t = test;
        await using (var db = test.CreateDbContext())
        {
            db.MutationNotes.Add(new MutationNote { MutationId = credit, Text = "DP pesanan; sisa minggu depan", Author = "fin", CreatedAt = test.Clock.UtcNow });
            (await db.Mutations.SingleAsync(m => m.Id == credit)).HasNote = true;
            await db.SaveChangesAsync();
        }
        using var ms = new MemoryStream();
        var totals = await Service(test).WriteAsync(ms, MutationFilter.Empty, ExportFormat.Csv, Finance, FinanceActor);
        totals.Rows.ShouldBe(2);
        var lines = System.Text.Encoding.UTF8.GetString(ms.ToArray()).TrimStart('\uFEFF').Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("Waktu (WIB);Rekening;Bank");
        lines[1].ShouldStartWith("2026-11-21 09:15;");
        lines[1].ShouldContain("\"'=HYPERLINK(\"\"x\"\") KE PT SUMBER\"");
        lines[2].ShouldStartWith("2026-11-21 00:30;");
        lines[2].ShouldContain(";150123,00;");
        lines[2].ShouldContain(";\"DP pesanan; sisa minggu depan\";");
    }

    [Fact]
    public async Task Account_numbers_stay_text_with_their_leading_zeros_in_Excel_and_CSV()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 12));
        var va = await AccountAsync(test, "0088012345678901"); // a 16-digit virtual account with leading zeros
        await MutationAsync(test, va, Wib(2026, 11, 21, 9), 100_000m);

        using var xlsx = new MemoryStream();
        await Service(test).WriteAsync(xlsx, MutationFilter.Empty, ExportFormat.Excel, Finance, FinanceActor);
        xlsx.Position = 0;
        using var wb = new XLWorkbook(xlsx);
        var cell = wb.Worksheet("Mutasi").Cell(2, 4);
        cell.DataType.ShouldBe(XLDataType.Text);
        cell.GetString().ShouldBe("0088012345678901");

        using var csv = new MemoryStream();
        await Service(test).WriteAsync(csv, MutationFilter.Empty, ExportFormat.Csv, Finance, FinanceActor);
        var row = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split(Environment.NewLine)[1].Split(';');
        row[3].ShouldBe("\"=\"\"0088012345678901\"\"\"");
    }

    [Fact]
    public async Task Excel_money_shows_sen_when_a_value_has_them_and_none_when_it_has_none()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 12));
        var a = await AccountAsync(test);
        await MutationAsync(test, a, Wib(2026, 11, 21, 8), 50_050.50m);
        await MutationAsync(test, a, Wib(2026, 11, 21, 9), 150_000m);

        using var ms = new MemoryStream();
        await Service(test).WriteAsync(ms, MutationFilter.Empty, ExportFormat.Excel, Finance, FinanceActor);
        ms.Position = 0;
        using var wb = new XLWorkbook(ms);
        var ws = wb.Worksheet("Mutasi");
        // Rp 50.050,50 stays exact and is formatted with its sen, never rounded to Rp 50.051.
        ws.Cell(3, 8).GetValue<decimal>().ShouldBe(50_050.50m);
        ws.Cell(3, 8).Style.NumberFormat.Format.ShouldBe(MutationExport.RupiahWithSenFormat);
        ws.Cell(2, 8).GetValue<decimal>().ShouldBe(150_000m);
        ws.Cell(2, 8).Style.NumberFormat.Format.ShouldBe(MutationExport.RupiahFormat);
        var total = wb.Worksheet("Ringkasan").Cell(5, 2);
        total.GetValue<decimal>().ShouldBe(200_050.50m);
        total.Style.NumberFormat.Format.ShouldBe(MutationExport.RupiahWithSenFormat);
        // The header stays in view while scrolling.
        ws.SheetView.SplitRow.ShouldBe(1);
    }

    [Fact]
    public async Task A_prepared_file_is_handed_once_and_only_to_the_person_who_made_it()
    {
        var (test, _, _) = await SeedAsync();
        await using var _t = test;
        var service = Service(test);
        var progress = new List<int>();
        var file = await service.PrepareAsync(MutationFilter.Empty, ExportFormat.Excel, Finance, FinanceActor, new SyncProgress(progress.Add));
        progress.ShouldContain(2);
        service.Take(file.Token, Ops).ShouldBeNull();
        service.Take(file.Token, Finance).ShouldNotBeNull();
        service.Take(file.Token, Finance).ShouldBeNull();
        File.Exists(file.Path).ShouldBeTrue();
        service.TryDelete(file.Path);
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
