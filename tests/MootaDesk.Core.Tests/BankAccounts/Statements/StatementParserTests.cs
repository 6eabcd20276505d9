using System.Text;
using ClosedXML.Excel;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Tests.BankAccounts.Statements;

public class StatementParserTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    internal static StatementTable Csv(string text, string name = "mutasi.csv") =>
        StatementFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);

    private const string BcaLike = """
        Informasi Rekening - Mutasi Rekening
        No. rekening : 1234567890
        Tanggal;Keterangan;Debet;Kredit;Saldo
        20/11/2026;TRSF E-BANKING CR 2011/FTSCY/WS95031 150123.00 BUDI SANTOSO;;150.123,00;1.650.123,00
        20/11/2026;BIAYA ADM;15.000,00;;1.635.123,00
        21/11/2026;TRSF E-BANKING CR 2111/FTSCY/WS95031 1.500.000,00 PT MAJU;;1.500.000,00;3.135.123,00
        """;

    [Fact]
    public void Csv_with_title_lines_semicolons_and_Indonesian_numbers_reads_every_row()
    {
        var table = Csv(BcaLike);
        table.Headers.ShouldBe(["Tanggal", "Keterangan", "Debet", "Kredit", "Saldo"]);
        var mapping = StatementColumnMapping.Guess(table.Headers);
        mapping.Date.ShouldBe("Tanggal");
        mapping.Debit.ShouldBe("Debet");
        mapping.Credit.ShouldBe("Kredit");
        mapping.Balance.ShouldBe("Saldo");

        var parsed = StatementParser.Parse(table, mapping, 1, Jakarta);
        parsed.Rejected.ShouldBeEmpty();
        parsed.Numbers.ShouldBe(NumberConvention.Indonesian);
        parsed.DateFormat.Key.ShouldBe("dd/MM/yyyy");
        parsed.Rows.Count.ShouldBe(3);
        parsed.Rows[0].Amount.ShouldBe(150_123m);
        parsed.Rows[0].Direction.ShouldBe(Direction.Credit);
        parsed.Rows[0].Balance.ShouldBe(1_650_123m);
        parsed.Rows[1].Direction.ShouldBe(Direction.Debit);
        parsed.Rows[1].Amount.ShouldBe(15_000m);
        parsed.Rows[2].Amount.ShouldBe(1_500_000m);
        // Midnight in Jakarta is 17:00 UTC the day before; the bank gave no time of day.
        parsed.Rows[0].TransactionTimeUtc.ShouldBe(new DateTime(2026, 11, 19, 17, 0, 0, DateTimeKind.Utc));
        parsed.Rows[0].HasTimeOfDay.ShouldBeFalse();
        parsed.Rows[0].Line.ShouldBe(4);
    }

    [Fact]
    public void Title_lines_with_two_cells_above_the_table_are_not_taken_for_the_header()
    {
        const string text = """
            Periode :;01/11/2026 - 30/11/2026
            No. rekening :;0123456789;IDR
            Tanggal;Keterangan;Cabang;Jumlah;Saldo
            01/11/2026;SETORAN;0998;250.000,00 CR;1.250.000,00
            """;
        var table = Csv(text);
        table.Headers.ShouldBe(["Tanggal", "Keterangan", "Cabang", "Jumlah", "Saldo"]);
        table.Lines.ShouldHaveSingleItem().Number.ShouldBe(4);
        StatementParser.Parse(table, StatementColumnMapping.Guess(table.Headers), 1, Jakarta).Rows.ShouldHaveSingleItem().Amount.ShouldBe(250_000m);
    }

    [Fact]
    public void Same_file_gives_the_same_ids_and_identical_rows_get_an_occurrence_index()
    {
        const string text = """
            Date,Description,Amount,Balance
            2026-11-20 10:15:00,QRIS PAYMENT,"25,000.00",
            2026-11-20 10:15:00,QRIS PAYMENT,"25,000.00",
            2026-11-20 10:16:00,QRIS PAYMENT,"-5,000.00",
            """;
        var mapping = StatementColumnMapping.Guess(Csv(text).Headers);
        var first = StatementParser.Parse(Csv(text), mapping, 7, Jakarta);
        var second = StatementParser.Parse(Csv(text), mapping, 7, Jakarta);
        first.Rows.Select(r => r.SourceId).ShouldBe(second.Rows.Select(r => r.SourceId));
        first.Rows.Select(r => r.SourceId).Distinct().Count().ShouldBe(3);
        first.Rows[0].SourceId.ShouldEndWith(":0");
        first.Rows[1].SourceId.ShouldEndWith(":1");
        first.Rows[2].Direction.ShouldBe(Direction.Debit);
        first.Rows[0].HasTimeOfDay.ShouldBeTrue();
        first.Numbers.ShouldBe(NumberConvention.English);
        // Another account's identical row is another record.
        StatementParser.Parse(Csv(text), mapping, 8, Jakarta).Rows[0].SourceId.ShouldNotBe(first.Rows[0].SourceId);
    }

    [Fact]
    public void CR_and_DB_after_the_amount_give_the_direction()
    {
        const string text = """
            Tgl;Uraian;Mutasi
            01-11-26;SETORAN TUNAI;2.000.000,00 CR
            02-11-26;TARIK ATM;500.000,00 DB
            """;
        var table = Csv(text);
        var parsed = StatementParser.Parse(table, StatementColumnMapping.Guess(table.Headers), 1, Jakarta);
        parsed.Rejected.ShouldBeEmpty();
        parsed.DateFormat.Key.ShouldBe("dd-MM-yy");
        parsed.Rows.Select(r => (r.Amount, r.Direction)).ShouldBe([(2_000_000m, Direction.Credit), (500_000m, Direction.Debit)]);
        parsed.Rows[0].LocalTime.ShouldBe(new DateTime(2026, 11, 1));
    }

    [Fact]
    public void Bad_dates_are_rejected_by_line_and_a_column_without_any_date_is_refused()
    {
        const string text = """
            Tanggal,Keterangan,Jumlah
            20/11/2026,TRANSFER A,10000
            31/02/2026,TRANSFER B,20000
            kemarin,TRANSFER C,30000
            """;
        var table = Csv(text);
        var parsed = StatementParser.Parse(table, StatementColumnMapping.Guess(table.Headers), 1, Jakarta);
        parsed.Rows.Count.ShouldBe(1);
        parsed.Rejected.Select(r => (r.Line, r.Problem, r.Value)).ShouldBe([(3, RowProblem.BadDate, "31/02/2026"), (4, RowProblem.BadDate, "kemarin")]);

        var wrong = StatementColumnMapping.Guess(table.Headers) with { Date = "Keterangan" };
        var ex = Should.Throw<StatementMappingException>(() => StatementParser.Parse(table, wrong, 1, Jakarta));
        ex.Problem.ShouldBe(MappingProblem.DatesUnreadable);
        ex.Detail.ShouldBe("TRANSFER A");
    }

    [Fact]
    public void Mixed_number_formats_reject_the_minority_rows_with_a_reason()
    {
        const string text = """
            Tanggal;Keterangan;Jumlah
            20/11/2026;A;1.500.000,00
            20/11/2026;B;2.250.000,50
            20/11/2026;C;1,500,000.00
            """;
        var table = Csv(text);
        var parsed = StatementParser.Parse(table, StatementColumnMapping.Guess(table.Headers), 1, Jakarta);
        parsed.MixedNumbers.ShouldBeTrue();
        parsed.Numbers.ShouldBe(NumberConvention.Indonesian);
        parsed.Rows.Select(r => r.Amount).ShouldBe([1_500_000m, 2_250_000.50m]);
        parsed.Rejected.ShouldHaveSingleItem().ShouldBe(new RejectedRow(4, RowProblem.MixedNumberFormat, "1,500,000.00"));
    }

    [Fact]
    public void Rows_with_both_or_no_amounts_are_rejected()
    {
        const string text = """
            Tanggal,Keterangan,Debit,Kredit
            2026-11-20,TANPA JUMLAH,,
            2026-11-20,ANEH,"1,000.00","2,000.00"
            2026-11-20,OK,,"2,000.00"
            """;
        var table = Csv(text);
        var parsed = StatementParser.Parse(table, StatementColumnMapping.Guess(table.Headers), 1, Jakarta);
        parsed.Rows.ShouldHaveSingleItem().Amount.ShouldBe(2000m);
        parsed.Rejected.Select(r => r.Problem).ShouldBe([RowProblem.NoAmount, RowProblem.BothDebitAndCredit]);
    }

    [Fact]
    public void Month_first_dates_are_read_when_day_first_cannot_read_them_and_ambiguity_is_flagged()
    {
        var us = Csv("Date,Description,Amount\n11/25/2026,A,100\n11/26/2026,B,200\n");
        var parsedUs = StatementParser.Parse(us, StatementColumnMapping.Guess(us.Headers), 1, Jakarta);
        parsedUs.DateFormat.Key.ShouldBe("MM/dd/yyyy");
        parsedUs.Rows[0].LocalTime.ShouldBe(new DateTime(2026, 11, 25));

        var both = Csv("Date,Description,Amount\n01/02/2026,A,100\n03/04/2026,B,200\n");
        var parsedBoth = StatementParser.Parse(both, StatementColumnMapping.Guess(both.Headers), 1, Jakarta);
        parsedBoth.DateFormat.Key.ShouldBe("dd/MM/yyyy");
        parsedBoth.DateFormatAmbiguous.ShouldBeTrue();
        parsedBoth.Rows[0].LocalTime.ShouldBe(new DateTime(2026, 2, 1));
    }

    [Fact]
    public void Xlsx_dates_and_numbers_are_read_from_their_values_not_their_display()
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Mutasi");
        sheet.Cell(1, 1).Value = "Laporan Mutasi";
        sheet.Cell(3, 1).Value = "Tanggal"; sheet.Cell(3, 2).Value = "Keterangan"; sheet.Cell(3, 3).Value = "Jumlah"; sheet.Cell(3, 4).Value = "CR/DB"; sheet.Cell(3, 5).Value = "Saldo";
        sheet.Cell(4, 1).Value = new DateTime(2026, 11, 20, 14, 33, 0); sheet.Cell(4, 2).Value = "TRF BUDI"; sheet.Cell(4, 3).Value = 150123.5; sheet.Cell(4, 4).Value = "CR"; sheet.Cell(4, 5).Value = 1000000;
        sheet.Cell(4, 3).Style.NumberFormat.Format = "#,##0.00";
        sheet.Cell(5, 1).Value = new DateTime(2026, 11, 21); sheet.Cell(5, 2).Value = "BIAYA"; sheet.Cell(5, 3).Value = 6500; sheet.Cell(5, 4).Value = "DB"; sheet.Cell(5, 5).Value = 993500;
        var bytes = new MemoryStream();
        book.SaveAs(bytes);

        var table = StatementFileReader.Read(new MemoryStream(bytes.ToArray()), "mutasi.xlsx");
        table.Format.ShouldBe("XLSX");
        var parsed = StatementParser.Parse(table, StatementColumnMapping.Guess(table.Headers), 1, Jakarta);
        parsed.Rejected.ShouldBeEmpty();
        parsed.Rows[0].Amount.ShouldBe(150_123.5m);
        parsed.Rows[0].Direction.ShouldBe(Direction.Credit);
        parsed.Rows[0].TransactionTimeUtc.ShouldBe(new DateTime(2026, 11, 20, 7, 33, 0, DateTimeKind.Utc));
        parsed.Rows[1].Direction.ShouldBe(Direction.Debit);
        parsed.Rows[1].HasTimeOfDay.ShouldBeFalse();
        parsed.Rows[1].Balance.ShouldBe(993_500m);
    }

    [Theory]
    [InlineData("laporan.pdf", "%PDF-1.4 ...", StatementFileProblem.WrongType)]
    [InlineData("mutasi.csv", "", StatementFileProblem.Empty)]
    [InlineData("mutasi.csv", "  \r\n ", StatementFileProblem.Empty)]
    [InlineData("mutasi.csv", "Tanggal;Keterangan;Jumlah\n", StatementFileProblem.NoDataRows)]
    [InlineData("mutasi.xlsx", "Tanggal;Keterangan;Jumlah\n1;2;3", StatementFileProblem.Unreadable)]
    public void Files_that_are_not_statements_are_refused_with_a_reason(string name, string content, StatementFileProblem problem) =>
        Should.Throw<StatementFileException>(() => StatementFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(content)), name)).Problem.ShouldBe(problem);

    [Fact]
    public void Old_xls_and_binary_files_named_csv_are_refused()
    {
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0 };
        Should.Throw<StatementFileException>(() => StatementFileReader.Read(new MemoryStream(ole), "mutasi.xls")).Problem.ShouldBe(StatementFileProblem.OldExcel);
        var binary = new byte[] { 1, 2, 0, 4, 5, 0, 7 };
        Should.Throw<StatementFileException>(() => StatementFileReader.Read(new MemoryStream(binary), "mutasi.csv")).Problem.ShouldBe(StatementFileProblem.WrongType);
    }
}

public class NumberConventionTests
{
    [Theory]
    [InlineData("1.500.000,00", NumberConvention.Indonesian)]
    [InlineData("1,500,000.00", NumberConvention.English)]
    [InlineData("1.500.000", NumberConvention.Indonesian)]
    [InlineData("150000,5", NumberConvention.Indonesian)]
    [InlineData("150000.50", NumberConvention.English)]
    [InlineData("1.500", NumberConvention.Unknown)]
    [InlineData("150000", NumberConvention.Unknown)]
    public void Detect_tells_the_convention_only_when_the_value_decides(string text, NumberConvention expected) =>
        Money.Detect(text).ShouldBe(expected);

    [Theory]
    [InlineData("1.500.000,00", NumberConvention.Indonesian, 1500000)]
    [InlineData("Rp 1.500.000", NumberConvention.Indonesian, 1500000)]
    [InlineData("-15.000,50", NumberConvention.Indonesian, -15000.50)]
    [InlineData("(15.000,50)", NumberConvention.Indonesian, -15000.50)]
    [InlineData("1,500,000.00", NumberConvention.English, 1500000)]
    [InlineData("100123.00", NumberConvention.English, 100123)]
    [InlineData("1.500", NumberConvention.Unknown, 1500)]
    public void Strict_parse_reads_its_convention(string text, NumberConvention convention, double expected)
    {
        Money.TryParse(text, convention, out var value).ShouldBeTrue();
        value.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("1,500,000.00", NumberConvention.Indonesian)]
    [InlineData("1.500.000,00", NumberConvention.English)]
    [InlineData("1.50.000", NumberConvention.Indonesian)]
    [InlineData("1,500", NumberConvention.Indonesian)]
    [InlineData("abc", NumberConvention.English)]
    public void Strict_parse_refuses_the_other_convention(string text, NumberConvention convention) =>
        Money.TryParse(text, convention, out _).ShouldBeFalse();
}
