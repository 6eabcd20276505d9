using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.BankAccounts.Statements;

public class StatementImportTests
{
    private static readonly Viewer Finance = Viewer.ForRoles("rina", Roles.Finance);
    private static readonly Actor Rina = new("rina", "u-rina", "10.0.0.5");

    internal const string GoodCsv = """
        Tanggal;Keterangan;Debet;Kredit;Saldo
        20/11/2026;TRSF E-BANKING CR 2011/FTSCY/WS95031 BUDI SANTOSO;;150.123,00;1.650.123,00
        20/11/2026;BIAYA ADM;15.000,00;;1.635.123,00
        21/11/2026;TRSF E-BANKING CR 2111/FTSCY/WS95031 PT MAJU;;1.500.000,00;3.135.123,00
        """;

    private static async Task<(StatementImporter Importer, int AccountId)> SetUpAsync(TestDatabase test)
    {
        await using var db = test.CreateDbContext();
        var account = new Account { BankCode = "bca", AccountNumber = "1234567890", Label = "BCA Operasional", CreatedAt = test.Clock.UtcNow };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        return (new StatementImporter(test, ingestor, test.Clock), account.Id);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<ImportAnalysis> AnalyzeAsync(StatementImporter importer, int accountId, byte[] content, string name = "mutasi.csv")
    {
        var loaded = await importer.LoadAsync(accountId, content, name);
        return await importer.AnalyzeAsync(loaded, loaded.Mapping);
    }

    [Fact]
    public async Task Good_csv_is_stored_with_amounts_directions_balance_history_and_audit()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);

        var analysis = await AnalyzeAsync(importer, accountId, Bytes(GoodCsv));
        (analysis.NewRows.Count, analysis.AlreadyPresent, analysis.Rejected).ShouldBe((3, 0, 0));
        var outcome = await importer.CommitAsync(analysis, validRowsOnly: false, Finance, Rina);

        outcome.Succeeded.ShouldBeTrue();
        (outcome.New, outcome.AlreadyPresent, outcome.Rejected).ShouldBe((3, 0, 0));
        await using var db = test.CreateDbContext();
        var rows = await db.Mutations.OrderBy(m => m.Id).ToListAsync();
        rows.Select(m => (m.Amount, m.Direction, m.Source)).ShouldBe([
            (150_123m, Direction.Credit, MutationSource.Import), (15_000m, Direction.Debit, MutationSource.Import), (1_500_000m, Direction.Credit, MutationSource.Import)]);
        rows.ShouldAllBe(m => m.AccountId == accountId && !m.HasTimeOfDay);
        (await db.Accounts.SingleAsync()).LastKnownBalance.ShouldBe(3_135_123m);

        var history = await db.StatementImports.SingleAsync();
        (history.FileName, history.TotalRows, history.NewCount, history.DuplicateCount, history.RejectedCount, history.ImportedBy, history.ValidRowsOnly)
            .ShouldBe(("mutasi.csv", 3, 3, 0, 0, "rina", false));
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "statement.import");
        audit.Actor.ShouldBe("rina");
        audit.Ip.ShouldBe("10.0.0.5");
        (await db.StatementImportMappings.SingleAsync()).DebitColumn.ShouldBe("Debet");
    }

    [Fact]
    public async Task Importing_the_same_file_again_reports_every_row_as_already_present_and_stores_nothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);
        await importer.CommitAsync(await AnalyzeAsync(importer, accountId, Bytes(GoodCsv)), false, Finance, Rina);

        var again = await AnalyzeAsync(importer, accountId, Bytes(GoodCsv));
        (again.NewRows.Count, again.AlreadyPresent, again.Rejected).ShouldBe((0, 3, 0));
        var outcome = await importer.CommitAsync(again, false, Finance, Rina);
        (outcome.New, outcome.AlreadyPresent).ShouldBe((0, 3));

        await using var db = test.CreateDbContext();
        (await db.Mutations.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task A_longer_statement_overlapping_an_earlier_import_adds_only_the_new_days()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);
        await importer.CommitAsync(await AnalyzeAsync(importer, accountId, Bytes(GoodCsv)), false, Finance, Rina);

        var longer = GoodCsv + "\n22/11/2026;SETORAN TUNAI;;250.000,00;3.385.123,00\n";
        var analysis = await AnalyzeAsync(importer, accountId, Bytes(longer));
        (analysis.NewRows.Count, analysis.AlreadyPresent).ShouldBe((1, 3));
        (await importer.CommitAsync(analysis, false, Finance, Rina)).New.ShouldBe(1);
    }

    [Fact]
    public async Task Rejected_rows_stop_the_import_unless_the_person_chooses_valid_rows_only()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);
        var broken = GoodCsv + "\nkemarin;TRANSFER X;;10.000,00;\n23/11/2026;TRANSFER Y;;abc;\n";
        var analysis = await AnalyzeAsync(importer, accountId, Bytes(broken));
        (analysis.NewRows.Count, analysis.Rejected).ShouldBe((3, 2));
        analysis.Parsed.Rejected.Select(r => (r.Line, r.Problem)).ShouldBe([(5, RowProblem.BadDate), (6, RowProblem.BadAmount)]);

        var refused = await importer.CommitAsync(analysis, validRowsOnly: false, Finance, Rina);
        refused.Refusal.ShouldBe(ImportRefusal.RowsRejected);
        await using (var db = test.CreateDbContext())
        {
            (await db.Mutations.CountAsync()).ShouldBe(0);
            (await db.StatementImports.CountAsync()).ShouldBe(0);
        }

        var chosen = await importer.CommitAsync(analysis, validRowsOnly: true, Finance, Rina);
        chosen.Succeeded.ShouldBeTrue();
        (chosen.New, chosen.Rejected).ShouldBe((3, 2));
        await using (var db = test.CreateDbContext())
        {
            (await db.Mutations.CountAsync()).ShouldBe(3);
            var history = await db.StatementImports.SingleAsync();
            history.ValidRowsOnly.ShouldBeTrue();
            history.RejectedCount.ShouldBe(2);
            history.RejectedJson!.ShouldContain("BadDate");
        }
    }

    [Fact]
    public async Task Good_xlsx_is_imported_and_its_mapping_is_remembered_for_the_next_file()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Sheet1");
        string[] headers = ["Posting", "Narasi", "Nilai", "Arah"];
        for (var i = 0; i < headers.Length; i++) sheet.Cell(1, i + 1).Value = headers[i];
        sheet.Cell(2, 1).Value = new DateTime(2026, 11, 20, 9, 5, 0); sheet.Cell(2, 2).Value = "TRF DARI SITI"; sheet.Cell(2, 3).Value = 275000; sheet.Cell(2, 4).Value = "K";
        sheet.Cell(3, 1).Value = new DateTime(2026, 11, 20, 11, 0, 0); sheet.Cell(3, 2).Value = "BAYAR LISTRIK"; sheet.Cell(3, 3).Value = 412345.67; sheet.Cell(3, 4).Value = "D";
        var ms = new MemoryStream();
        book.SaveAs(ms);

        var loaded = await importer.LoadAsync(accountId, ms.ToArray(), "rekening-koran.xlsx");
        loaded.MappingRemembered.ShouldBeFalse();
        var mapping = new StatementColumnMapping { Date = "Posting", Description = "Narasi", Amount = "Nilai", Marker = "Arah" };
        var analysis = await importer.AnalyzeAsync(loaded, mapping);
        analysis.Rejected.ShouldBe(0);
        (await importer.CommitAsync(analysis, false, Finance, Rina)).New.ShouldBe(2);

        await using (var db = test.CreateDbContext())
        {
            var rows = await db.Mutations.OrderBy(m => m.Id).ToListAsync();
            rows[1].Amount.ShouldBe(412_345.67m);
            rows[1].Direction.ShouldBe(Direction.Debit);
            rows[0].TransactionTime.ShouldBe(new DateTime(2026, 11, 20, 2, 5, 0, DateTimeKind.Utc));
            rows[0].HasTimeOfDay.ShouldBeTrue();
        }
        var next = await importer.LoadAsync(accountId, ms.ToArray(), "rekening-koran-2.xlsx");
        next.MappingRemembered.ShouldBeTrue();
        next.Mapping.Marker.ShouldBe("Arah");
    }

    [Fact]
    public async Task A_cs_viewer_cannot_commit_an_import()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);
        var analysis = await AnalyzeAsync(importer, accountId, Bytes(GoodCsv));
        (await importer.CommitAsync(analysis, false, Viewer.ForRoles("cs", Roles.CS), new Actor("cs"))).Refusal.ShouldBe(ImportRefusal.NotAllowed);
        await using var db = test.CreateDbContext();
        (await db.Mutations.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Wrong_file_type_is_refused_before_anything_else()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);
        (await Should.ThrowAsync<StatementFileException>(() => importer.LoadAsync(accountId, Bytes("%PDF-1.4"), "mutasi.pdf"))).Problem.ShouldBe(StatementFileProblem.WrongType);
    }
}

public class ImportPageAccessTests : IAsyncLifetime
{
    private readonly MootaDeskFactory _app = new();

    public async Task InitializeAsync()
    {
        await _app.CreateUserAsync("owner1", "rahasia-owner-1", Roles.Owner);
        await _app.CreateUserAsync("cs1", "rahasia-cs-12", Roles.CS);
        await _app.CreateUserAsync("fin1", "rahasia-fin-12", Roles.Finance);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CS_is_refused_the_import_page_and_Finance_gets_it()
    {
        var cs = await _app.SignInAsync("cs1", "rahasia-cs-12");
        var refused = await cs.GetAsync("/rekening/impor");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("akses-ditolak");

        var finance = await _app.SignInAsync("fin1", "rahasia-fin-12");
        var page = await finance.GetAsync("/rekening/impor");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Impor mutasi rekening");
    }
}
