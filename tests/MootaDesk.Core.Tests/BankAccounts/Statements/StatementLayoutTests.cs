using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.BankAccounts.Statements;

/// <summary>Bank exports as banks write them: presets detected from the header, year-less dates, PEND rows, footers.</summary>
public class StatementLayoutTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static StatementTable Read(byte[] bytes, string name = "mutasi.csv") => StatementFileReader.Read(new MemoryStream(bytes), name);

    private static StatementTable Read(string text, string name = "mutasi.csv") => Read(Encoding.UTF8.GetBytes(text), name);

    private static ParsedStatement Parse(StatementTable table, StatementColumnMapping? mapping = null) =>
        StatementParser.Parse(table, mapping ?? StatementLayouts.Detect(table), 1, Jakarta);

    private static string KlikBca => Encoding.UTF8.GetString(StatementSamples.Case("klikbca-shaped.csv"));

    [Fact]
    public void Klikbca_shaped_case_gives_two_credits_and_two_debits_in_October_2026_skips_PEND_and_agrees_with_its_footer()
    {
        var table = Read(StatementSamples.Case("klikbca-shaped.csv"), "klikbca-shaped.csv");
        table.Lines.Count.ShouldBe(5, "four mutations and the PEND row; the footer lines are not rows");
        table.Summary.Count.ShouldBe(4);

        var mapping = StatementLayouts.Detect(table);
        mapping.Layout.ShouldBe("klikbca");
        mapping.Marker.ShouldBe("Kolom 5", "the direction column has no header and is found by its CR/DB values");
        var parsed = Parse(table, mapping);

        parsed.Rejected.ShouldBeEmpty();
        parsed.Rows.Select(r => (r.LocalTime, r.Amount, r.Direction)).ShouldBe([
            (new DateTime(2026, 10, 7), 180_500m, Direction.Credit),
            (new DateTime(2026, 10, 9), 10_000m, Direction.Debit),
            (new DateTime(2026, 10, 14), 750_000m, Direction.Debit),
            (new DateTime(2026, 10, 21), 1_325_000m, Direction.Credit),
        ]);
        parsed.Rows[0].Description.ShouldBe("TRSF E-BANKING CR 0710/FTSCY/WS95102 180500.00 SITI AMINAH");
        parsed.Rows[2].Balance.ShouldBe(1_420_500m);
        parsed.PendingLines.ShouldBe([11]);
        parsed.MoneyIn.ShouldBe(new MoneyTotal(1_505_500m, 2));
        parsed.MoneyOut.ShouldBe(new MoneyTotal(760_000m, 2));
        parsed.Facts.AccountNumber.ShouldBe("0287712345");
        parsed.Facts.Period.ShouldBe(new StatementPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));
        (parsed.Facts.OpeningBalance, parsed.Facts.ClosingBalance).ShouldBe((2_000_000m, 2_745_500m));
        parsed.Facts.Credits.ShouldBe(new StatedTotal(1_505_500m, 2));
        parsed.FooterAgrees.ShouldBeTrue();
        parsed.Contradictions.ShouldBeEmpty();
        parsed.BalanceGaps.ShouldBeEmpty();
        parsed.Order.ShouldBe(StatementOrder.OldestFirst);
        parsed.IsBlocked.ShouldBeFalse();
    }

    [Fact]
    public void A_row_whose_direction_contradicts_the_balance_blocks_the_file_and_is_named()
    {
        // BIAYA ADM (line 8) claims money in while the balance goes down by exactly its amount.
        var flipped = KlikBca.Replace("BIAYA ADM,'0000,10000.00,DB", "BIAYA ADM,'0000,10000.00,CR");
        var parsed = Parse(Read(flipped));

        var contradiction = parsed.Contradictions.ShouldHaveSingleItem();
        contradiction.ShouldBe(new DirectionContradiction(8, new DateTime(2026, 10, 9), false, 10_000m, Direction.Credit, 2_180_500m, 2_170_500m));
        parsed.IsBlocked.ShouldBeTrue();
        parsed.FooterMismatches.Select(m => m.Item).ShouldContain(FooterItem.MoneyIn);
    }

    [Fact]
    public void A_direction_read_from_a_header_named_column_is_checked_against_the_balance_too()
    {
        const string text = """
            Tanggal;Keterangan;Debet;Kredit;Saldo
            01/11/2026;SETORAN;;1.000.000,00;6.000.000,00
            02/11/2026;BAYAR SUPPLIER;;2.500.000,00;3.500.000,00
            """;
        var parsed = Parse(Read(text));
        parsed.Contradictions.ShouldHaveSingleItem().Line.ShouldBe(3);
        parsed.IsBlocked.ShouldBeTrue();
    }

    [Fact]
    public void Newest_first_files_are_walked_in_time_order()
    {
        var lines = KlikBca.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Tanggal,"));
        var data = lines.Skip(header + 1).Take(4).Reverse();
        var newestFirst = string.Join('\n', lines.Take(header + 1).Concat(data).Concat(lines.Skip(header + 5)));

        var parsed = Parse(Read(newestFirst));
        parsed.Order.ShouldBe(StatementOrder.NewestFirst);
        parsed.Contradictions.ShouldBeEmpty();
        parsed.BalanceGaps.ShouldBeEmpty();
        parsed.FooterAgrees.ShouldBeTrue("the opening balance is checked against the oldest row, the closing against the newest");

        var flipped = Parse(Read(newestFirst.Replace("SWITCHING DB TRANSFER KE 009 TOKO BAHAN,'0998,750000.00,DB", "SWITCHING DB TRANSFER KE 009 TOKO BAHAN,'0998,750000.00,CR")));
        var contradiction = flipped.Contradictions.ShouldHaveSingleItem();
        (contradiction.Line, contradiction.Amount, contradiction.LocalTime).ShouldBe((8, 750_000m, new DateTime(2026, 10, 14)));
    }

    [Fact]
    public void Same_day_newest_first_rows_are_ordered_by_their_balances()
    {
        const string text = """
            Posting Date,Effective Date,Branch,Journal No.,Description,Amount,DB/CR,Balance
            01/10/2026,01/10/2026,0259,3,BIAYA ADM,"11,000.00",D,"2,826,700.00"
            01/10/2026,01/10/2026,0259,2,LISTRIK,"612,300.00",D,"2,837,700.00"
            01/10/2026,01/10/2026,0259,1,TRF DARI DEWI,"450,000.00",K,"3,450,000.00"
            """;
        var parsed = Parse(Read(text));
        parsed.Order.ShouldBe(StatementOrder.NewestFirst);
        parsed.Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void A_footer_that_disagrees_with_the_rows_blocks_unless_rejected_rows_explain_it()
    {
        var wrongTotal = Parse(Read(KlikBca.Replace("Mutasi Kredit,=,1505500.00,2", "Mutasi Kredit,=,1605500.00,2")));
        wrongTotal.FooterMismatches.ShouldBe([new FooterMismatch(FooterItem.MoneyIn, 1_605_500m, 1_505_500m)]);
        wrongTotal.IsBlocked.ShouldBeTrue();

        var wrongClosing = Parse(Read(KlikBca.Replace("Saldo Akhir,=,2745500.00", "Saldo Akhir,=,2745000.00")));
        wrongClosing.FooterMismatches.ShouldBe([new FooterMismatch(FooterItem.ClosingBalance, 2_745_000m, 2_745_500m)]);

        var wrongCount = Parse(Read(KlikBca.Replace("Mutasi Debet,=,760000.00,2", "Mutasi Debet,=,760000.00,3")));
        wrongCount.FooterMismatches.ShouldBe([new FooterMismatch(FooterItem.CountOut, 3, 2)]);

        var withRejected = Parse(Read(KlikBca.Replace("'14/10,SWITCHING", "'34/10,SWITCHING")));
        withRejected.Rejected.ShouldHaveSingleItem().Problem.ShouldBe(RowProblem.BadDate);
        withRejected.FooterMismatches.ShouldNotBeEmpty();
        withRejected.IsBlocked.ShouldBeFalse("the rejected row explains the difference; the person chooses");
    }

    [Fact]
    public void Year_less_dates_without_a_period_need_the_year_and_a_year_end_file_splits_it()
    {
        const string text = """
            Tanggal,Keterangan,Cabang,Jumlah,,Saldo
            '28/12,SETORAN,'0000,100000.00,CR,1100000.00
            '02/01,BIAYA ADM,'0000,10000.00,DB,1090000.00
            """;
        var table = Read(text);
        Should.Throw<StatementMappingException>(() => Parse(table)).Problem.ShouldBe(MappingProblem.YearNeeded);

        var parsed = Parse(table, StatementLayouts.Detect(table) with { Year = 2027 });
        parsed.Rows.Select(r => r.LocalTime).ShouldBe([new DateTime(2026, 12, 28), new DateTime(2027, 1, 2)]);
    }

    [Theory]
    [InlineData("Periode,=,15/12/2026 - 14/01/2027", "20/12", "2026-12-20")]
    [InlineData("Periode,=,15/12/2026 - 14/01/2027", "03/01", "2027-01-03")]
    [InlineData("Periode : 01/02/2028 - 29/02/2028", "29/02", "2028-02-29")]
    [InlineData("Periode,=,01 Oktober 2026 - 31 Oktober 2026", "31/10", "2026-10-31")]
    public void Year_less_dates_take_the_year_that_puts_them_in_the_period(string periodLine, string date, string expected)
    {
        var text = $"No. rekening,=,'0287712345\n{periodLine}\n\nTanggal,Keterangan,Cabang,Jumlah,,Saldo\n'{date},SETORAN,'0000,100000.00,CR,\n";
        Parse(Read(text)).Rows.ShouldHaveSingleItem().LocalTime.ShouldBe(DateTime.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_leap_day_outside_a_leap_year_is_a_bad_date()
    {
        var text = "Periode,=,01/02/2027 - 28/02/2027\nTanggal,Keterangan,Cabang,Jumlah,,Saldo\n'29/02,SETORAN,'0000,100000.00,CR,\n'27/02,SETORAN,'0000,100000.00,CR,\n";
        Parse(Read(text)).Rejected.ShouldHaveSingleItem().ShouldBe(new RejectedRow(3, RowProblem.BadDate, "29/02"));
    }

    [Fact]
    public void KlikBCA_Bisnis_sample_with_a_period_across_the_year_end()
    {
        var table = Read(StatementSamples.Sample("klikbca-bisnis.csv"));
        var mapping = StatementLayouts.Detect(table);
        mapping.Layout.ShouldBe("klikbca-bisnis");
        var parsed = Parse(table, mapping);
        parsed.Rejected.ShouldBeEmpty();
        parsed.Rows.Select(r => (r.LocalTime, r.Amount, r.Direction, r.Balance)).ShouldBe([
            (new DateTime(2026, 12, 20), 2_500_000m, Direction.Credit, (decimal?)12_500_000m),
            (new DateTime(2026, 12, 28), 17_000m, Direction.Debit, 12_483_000m),
            (new DateTime(2027, 1, 3), 4_750_000m, Direction.Credit, 17_233_000m),
            (new DateTime(2027, 1, 10), 1_233_000m, Direction.Debit, 16_000_000m),
        ]);
        parsed.Facts.AccountNumber.ShouldBe("8290112233");
        parsed.FooterAgrees.ShouldBeTrue();
        (parsed.MoneyIn, parsed.MoneyOut).ShouldBe((new MoneyTotal(7_250_000m, 2), new MoneyTotal(1_250_000m, 2)));
    }

    [Fact]
    public void Livin_Mandiri_Kopra_sample_reads_both_text_columns_times_and_sen()
    {
        var table = Read(StatementSamples.Sample("mandiri-kopra.csv"));
        var mapping = StatementLayouts.Detect(table);
        (mapping.Layout, mapping.Credit, mapping.Debit, mapping.ExtraDescription).ShouldBe(("mandiri-kopra", "Credit Amount", "Debit Amount", "AdditionalDesc"));
        AssertKopra(Parse(table, mapping));
    }

    [Fact]
    public void Livin_Mandiri_Kopra_xlsx_reads_the_same_as_its_csv()
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Account Statement");
        var csv = StatementSamples.SampleText("mandiri-kopra.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var r = 0; r < csv.Length; r++)
        {
            var cells = csv[r].Split(';');
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                if (r > 0 && c == 2) cell.Value = DateTime.Parse(cells[c], CultureInfo.InvariantCulture);
                else if (r > 0 && c >= 5) cell.Value = decimal.Parse(cells[c], CultureInfo.InvariantCulture);
                else cell.Value = cells[c];
            }
        }
        var bytes = new MemoryStream();
        book.SaveAs(bytes);

        var table = Read(bytes.ToArray(), "Acc_Statement_1370012345678.xlsx");
        table.Format.ShouldBe("XLSX");
        StatementLayouts.Detect(table).Layout.ShouldBe("mandiri-kopra");
        AssertKopra(Parse(table));
    }

    private static void AssertKopra(ParsedStatement parsed)
    {
        parsed.Rejected.ShouldBeEmpty();
        parsed.Rows.Select(r => (r.LocalTime, r.Amount, r.Direction)).ShouldBe([
            (new DateTime(2026, 10, 2, 8, 15, 41), 1_250_000m, Direction.Credit),
            (new DateTime(2026, 10, 2, 13, 2, 10), 7_500_000m, Direction.Debit),
            (new DateTime(2026, 10, 5, 10, 44, 59), 3_125_500.50m, Direction.Credit),
            (new DateTime(2026, 10, 7, 16, 20, 3), 12_500m, Direction.Debit),
        ]);
        parsed.Rows[0].Description.ShouldBe("TRANSFER DARI BUDI HARTONO MCM InhouseTrf DARI BUDI HARTONO");
        parsed.Rows[3].Description.ShouldBe("BIAYA ADMINISTRASI");
        parsed.Rows[3].Balance.ShouldBe(21_863_000.50m);
        parsed.Contradictions.ShouldBeEmpty();
        parsed.BalanceGaps.ShouldBeEmpty();
    }

    [Fact]
    public void Mandiri_internet_banking_sample_with_two_Description_columns_and_bare_decimal_zeros()
    {
        var table = Read(StatementSamples.Sample("mandiri-mcm.csv"));
        table.Headers.ShouldContain("Description (2)");
        var mapping = StatementLayouts.Detect(table);
        mapping.Layout.ShouldBe("mandiri-mcm");
        var parsed = Parse(table, mapping);
        parsed.Rejected.ShouldBeEmpty();
        parsed.DateFormat.Key.ShouldBe("dd/MM/yy");
        parsed.Rows.Select(r => (r.LocalTime, r.Amount, r.Direction)).ShouldBe([
            (new DateTime(2026, 10, 5), 3_000_000m, Direction.Credit),
            (new DateTime(2026, 10, 6), 875_000m, Direction.Debit),
            (new DateTime(2026, 10, 8), 1_150_250m, Direction.Credit),
        ]);
        parsed.Rows[1].Description.ShouldBe("Transfer Out KE 008 CV BAHAN BAKU");
    }

    [Fact]
    public void BRI_sample_reads_separate_time_column_and_bare_decimal_zeros()
    {
        var table = Read(StatementSamples.Sample("bri.csv"));
        var mapping = StatementLayouts.Detect(table);
        (mapping.Layout, mapping.Time, mapping.Balance).ShouldBe(("bri", "JAM_TRAN", "SALDO_AKHIR_MUTASI"));
        AssertBri(Parse(table, mapping));
    }

    [Fact]
    public void BRI_xlsx_reads_the_same_as_its_csv()
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Sheet1");
        var table = Read(StatementSamples.Sample("bri.csv"));
        for (var c = 0; c < table.Headers.Count; c++) sheet.Cell(1, c + 1).Value = table.Headers[c];
        for (var r = 0; r < table.Lines.Count; r++)
            for (var c = 0; c < table.Headers.Count; c++)
            {
                var text = table.Lines[r].Cell(c);
                var cell = sheet.Cell(r + 2, c + 1);
                if (c is 2 or 3) cell.Value = DateTime.Parse(text, CultureInfo.InvariantCulture);
                else if (c is >= 7 and <= 10) cell.Value = decimal.Parse("0" + text, CultureInfo.InvariantCulture);
                else cell.Value = text;
            }
        var bytes = new MemoryStream();
        book.SaveAs(bytes);

        var xlsx = Read(bytes.ToArray(), "mutasi-bri.xlsx");
        StatementLayouts.Detect(xlsx).Layout.ShouldBe("bri");
        AssertBri(Parse(xlsx));
    }

    private static void AssertBri(ParsedStatement parsed)
    {
        parsed.Rejected.ShouldBeEmpty();
        parsed.Rows.Select(r => (r.LocalTime, r.Amount, r.Direction, r.Balance)).ShouldBe([
            (new DateTime(2026, 10, 3, 9, 12, 5), 275_000m, Direction.Credit, (decimal?)5_275_000m),
            (new DateTime(2026, 10, 3, 14, 40, 31), 1_500_000m, Direction.Debit, 3_775_000m),
            (new DateTime(2026, 10, 4, 8, 1, 17), 2_460_000m, Direction.Credit, 6_235_000m),
        ]);
        parsed.Contradictions.ShouldBeEmpty();
        parsed.BalanceGaps.ShouldBeEmpty();
    }

    [Fact]
    public void BNI_sample_reads_D_and_K_as_directions()
    {
        var table = Read(StatementSamples.Sample("bni.csv"));
        var mapping = StatementLayouts.Detect(table);
        (mapping.Layout, mapping.Marker).ShouldBe(("bni", "DB/CR"));
        var parsed = Parse(table, mapping);
        parsed.Rejected.ShouldBeEmpty();
        parsed.Rows.Select(r => (r.Amount, r.Direction)).ShouldBe([(450_000m, Direction.Credit), (612_300m, Direction.Debit), (11_000m, Direction.Debit)]);
        parsed.Rows[0].LocalTime.ShouldBe(new DateTime(2026, 10, 1, 8, 14, 22));
        parsed.Contradictions.ShouldBeEmpty();
        (parsed.MoneyIn, parsed.MoneyOut).ShouldBe((new MoneyTotal(450_000m, 1), new MoneyTotal(623_300m, 2)));
    }

    [Theory]
    [InlineData("-1.500,00")]
    [InlineData("1,500.00-")]
    [InlineData("(1.500,00)")]
    [InlineData("1500.00 DB")]
    [InlineData("1500,00 D")]
    [InlineData("Rp -1.500,00")]
    public void Overdraft_balances_are_kept_in_every_notation(string notation)
    {
        var text = $"Tanggal;Keterangan;Debet;Kredit;Saldo\n01/11/2026;SETORAN;;500;500\n02/11/2026;TARIK TUNAI;2000;;{notation}\n";
        var parsed = Parse(Read(text));
        parsed.Rejected.ShouldBeEmpty();
        parsed.Rows[1].Balance.ShouldBe(-1_500m);
        parsed.Contradictions.ShouldBeEmpty();
        parsed.BalanceGaps.ShouldBeEmpty();
    }

    [Fact]
    public void A_footer_overdraft_balance_with_DB_reads_below_zero()
    {
        StatementFacts.ReadAmount("1,500.00 DB", NumberConvention.English).ShouldBe(-1_500m);
        StatementFacts.ReadAmount("1.500,00 CR", NumberConvention.Indonesian).ShouldBe(1_500m);
        StatementFacts.ReadAmount(".00", NumberConvention.English).ShouldBe(0m);
    }

    [Theory]
    [InlineData("CR", "DB")]
    [InlineData("K", "D")]
    [InlineData("Kredit", "Debet")]
    [InlineData("Cr.", "Db.")]
    [InlineData("C", "D")]
    public void The_direction_column_is_found_by_its_values_without_a_header(string credit, string debit)
    {
        var text = $"Tanggal,Keterangan,Jumlah,,Saldo\n01/11/2026,SETORAN,100000,{credit},600000\n02/11/2026,BIAYA,5000,{debit},595000\n";
        var table = Read(text);
        var mapping = StatementLayouts.Detect(table);
        mapping.Layout.ShouldBeNull();
        mapping.Marker.ShouldBe("Kolom 4");
        Parse(table, mapping).Rows.Select(r => r.Direction).ShouldBe([Direction.Credit, Direction.Debit]);
    }

    [Fact]
    public void An_unknown_layout_falls_back_to_the_manual_mapping()
    {
        const string text = """
            Tgl Posting;Uraian;Nominal;Arah
            01/11/2026;TRANSFER MASUK ANDI;250.000,00;Masuk
            01/11/2026;BAYAR ONGKIR;18.000,00;Keluar
            """;
        var table = Read(text);
        var guess = StatementLayouts.Detect(table);
        guess.Layout.ShouldBeNull();
        Should.Throw<StatementMappingException>(() => Parse(table, guess)).Problem.ShouldBe(MappingProblem.NoDateColumn);

        var manual = new StatementColumnMapping { Date = "Tgl Posting", Description = "Uraian", Amount = "Nominal", Marker = "Arah" };
        var parsed = Parse(table, manual);
        parsed.Rows.Select(r => (r.Amount, r.Direction)).ShouldBe([(250_000m, Direction.Credit), (18_000m, Direction.Debit)]);
        parsed.HasBalances.ShouldBeFalse();
        parsed.FooterAgrees.ShouldBeFalse("no footer to agree with");
    }

    [Fact]
    public void An_opening_balance_row_inside_the_table_is_read_as_the_opening_balance_not_as_a_mutation()
    {
        const string text = """
            Informasi Rekening - Mutasi Rekening
            No. rekening : ,'1234567890

            Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo
            '01/09,SALDO AWAL,'0000,0.00 CR,,1000000.00
            '02/09,TRSF E-BANKING CR 0209/FTSCY/WS95051 PEMBELI A,'0000,"150,000.00",CR,1150000.00
            '03/09,TARIKAN ATM 03/09,'0000,"50,000.00",DB,1100000.00
            """;
        var table = Read(text);
        var parsed = Parse(table, StatementLayouts.Detect(table) with { Year = 2026 });
        parsed.BalanceLines.ShouldBe([5]);
        parsed.Facts.OpeningBalance.ShouldBe(1_000_000m);
        parsed.Rows.Count.ShouldBe(2);
        parsed.Facts.AccountNumber.ShouldBe("1234567890");
        parsed.FooterAgrees.ShouldBeTrue();
    }

    [Fact]
    public void A_first_row_that_does_not_follow_from_the_stated_opening_balance_is_a_footer_mismatch()
    {
        var parsed = Parse(Read(KlikBca.Replace("Saldo Awal,=,2000000.00", "Saldo Awal,=,1900000.00")));
        parsed.FooterMismatches.ShouldBe([new FooterMismatch(FooterItem.OpeningBalance, 1_900_000m, 2_000_000m)]);
    }

    [Fact]
    public void A_missing_row_shows_as_a_balance_gap_not_as_a_wrong_direction()
    {
        var lines = KlikBca.Split('\n').Where(l => !l.StartsWith("'09/10")).ToArray();
        var parsed = Parse(Read(string.Join('\n', lines)));
        parsed.BalanceGaps.ShouldBe([8]);
        parsed.Contradictions.ShouldBeEmpty();
    }
}
