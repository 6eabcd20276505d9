using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.BankAccounts.Statements;

/// <summary>Statement files as banks write them, through the importer the page and the API share.</summary>
public class StatementLayoutImportTests
{
    private static readonly Viewer Finance = Viewer.ForRoles("rina", Roles.Finance);
    private static readonly Actor Rina = new("rina", "u-rina", "10.0.0.5");

    private static async Task<(StatementImporter Importer, int AccountId)> SetUpAsync(TestDatabase test, string number = "0287712345")
    {
        await using var db = test.CreateDbContext();
        var account = new Account { BankCode = "bca", AccountNumber = number, Label = "BCA Toko", CreatedAt = test.Clock.UtcNow };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        return (new StatementImporter(test, ingestor, test.Clock), account.Id);
    }

    private static async Task<ImportAnalysis> AnalyzeAsync(StatementImporter importer, int accountId, byte[] content, string name = "mutasi.csv")
    {
        var loaded = await importer.LoadAsync(accountId, content, name);
        return await importer.AnalyzeAsync(loaded, loaded.Mapping);
    }

    private static string KlikBca => Encoding.UTF8.GetString(StatementSamples.Case("klikbca-shaped.csv"));

    [Fact]
    public async Task Klikbca_shaped_case_is_imported_as_two_credits_and_two_debits_with_its_totals_in_the_history()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);

        var analysis = await AnalyzeAsync(importer, accountId, StatementSamples.Case("klikbca-shaped.csv"), "klikbca-shaped.csv");
        analysis.Mapping.Layout.ShouldBe("klikbca");
        (analysis.NewRows.Count, analysis.AlreadyPresent, analysis.Rejected, analysis.Parsed.PendingLines.Count).ShouldBe((4, 0, 0, 1));
        analysis.Parsed.FooterAgrees.ShouldBeTrue();
        var outcome = await importer.CommitAsync(analysis, false, Finance, Rina);
        outcome.Succeeded.ShouldBeTrue();

        await using var db = test.CreateDbContext();
        var rows = await db.Mutations.OrderBy(m => m.TransactionTime).ToListAsync();
        rows.Select(m => (m.Amount, m.Direction)).ShouldBe([
            (180_500m, Direction.Credit), (10_000m, Direction.Debit), (750_000m, Direction.Debit), (1_325_000m, Direction.Credit)]);
        rows.ShouldAllBe(m => m.TransactionTime >= new DateTime(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc) && m.TransactionTime < new DateTime(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc));
        rows.Where(m => m.Direction == Direction.Credit).Sum(m => m.Amount).ShouldBe(1_505_500m);
        rows.Where(m => m.Direction == Direction.Debit).Sum(m => m.Amount).ShouldBe(760_000m);
        rows.ShouldNotContain(m => m.Amount == 60_000m, "the PEND row is not booked yet");
        (await db.Accounts.SingleAsync()).LastKnownBalance.ShouldBe(2_745_500m);

        var history = await db.StatementImports.SingleAsync();
        (history.MoneyIn, history.MoneyOut, history.SkippedCount, history.NewCount).ShouldBe((1_505_500m, 760_000m, 1, 4));
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "statement.import");
        audit.After!.ShouldContain("\"layout\":\"klikbca\"");
        (await db.StatementImportMappings.SingleAsync()).Layout.ShouldBe("klikbca");
        (await importer.HistoryAsync(accountId)).ShouldHaveSingleItem().MoneyIn.ShouldBe(1_505_500m);
    }

    [Fact]
    public async Task A_flipped_direction_refuses_the_commit_even_with_valid_rows_only_and_stores_nothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);
        var flipped = KlikBca.Replace("BIAYA ADM,'0000,10000.00,DB", "BIAYA ADM,'0000,10000.00,CR");

        var analysis = await AnalyzeAsync(importer, accountId, Encoding.UTF8.GetBytes(flipped));
        analysis.Parsed.Contradictions.ShouldHaveSingleItem().Line.ShouldBe(8);
        (await importer.CommitAsync(analysis, false, Finance, Rina)).Refusal.ShouldBe(ImportRefusal.DirectionContradicted);
        (await importer.CommitAsync(analysis, true, Finance, Rina)).Refusal.ShouldBe(ImportRefusal.DirectionContradicted);

        await using var db = test.CreateDbContext();
        (await db.Mutations.CountAsync()).ShouldBe(0);
        (await db.StatementImports.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_footer_that_disagrees_with_the_rows_refuses_the_commit()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);
        var wrong = KlikBca.Replace("Mutasi Debet,=,760000.00,2", "Mutasi Debet,=,770000.00,2");

        var analysis = await AnalyzeAsync(importer, accountId, Encoding.UTF8.GetBytes(wrong));
        analysis.Parsed.Contradictions.ShouldBeEmpty();
        (await importer.CommitAsync(analysis, false, Finance, Rina)).Refusal.ShouldBe(ImportRefusal.FooterMismatch);
        await using var db = test.CreateDbContext();
        (await db.Mutations.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Overdraft_balances_are_stored_below_zero_and_become_the_account_balance()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test, "1234567890");
        const string text = """
            Tanggal;Keterangan;Debet;Kredit;Saldo
            01/11/2026;SETORAN;;500,00;500,00
            02/11/2026;TARIK TUNAI;2.000,00;;(1.500,00)
            03/11/2026;BIAYA ADM;10.000,00;;11.500,00 DB
            """;
        var analysis = await AnalyzeAsync(importer, accountId, Encoding.UTF8.GetBytes(text));
        analysis.Parsed.Contradictions.ShouldBeEmpty();
        (await importer.CommitAsync(analysis, false, Finance, Rina)).Succeeded.ShouldBeTrue();

        await using var db = test.CreateDbContext();
        (await db.Mutations.OrderBy(m => m.TransactionTime).Select(m => m.BalanceAfter).ToListAsync()).ShouldBe([500m, -1_500m, -11_500m]);
        (await db.Accounts.SingleAsync()).LastKnownBalance.ShouldBe(-11_500m);
    }

    [Fact]
    public async Task A_year_less_file_without_period_asks_for_the_year_and_imports_with_it()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test);
        var noPeriod = KlikBca.Replace("Periode,=,01/10/2026 - 31/10/2026\n", "");
        var loaded = await importer.LoadAsync(accountId, Encoding.UTF8.GetBytes(noPeriod), "mutasi.csv");

        var ex = await Should.ThrowAsync<StatementMappingException>(() => importer.AnalyzeAsync(loaded, loaded.Mapping));
        ex.Problem.ShouldBe(MappingProblem.YearNeeded);

        var analysis = await importer.AnalyzeAsync(loaded, loaded.Mapping with { Year = 2026 });
        analysis.NewRows.Select(r => r.LocalTime.Year).Distinct().ShouldBe([2026]);
        (await importer.CommitAsync(analysis, false, Finance, Rina)).New.ShouldBe(4);
    }

    [Fact]
    public async Task The_last_preset_mapping_with_its_extra_description_is_remembered_for_the_account()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (importer, accountId) = await SetUpAsync(test, "1370012345678");
        var kopra = StatementSamples.Sample("mandiri-kopra.csv");
        var analysis = await AnalyzeAsync(importer, accountId, kopra, "Acc_Statement.csv");
        (await importer.CommitAsync(analysis, false, Finance, Rina)).New.ShouldBe(4);

        var remembered = await importer.RememberedMappingAsync(accountId);
        (remembered!.Layout, remembered.ExtraDescription, remembered.Credit).ShouldBe(("mandiri-kopra", "AdditionalDesc", "Credit Amount"));
        var next = await importer.LoadAsync(accountId, kopra, "Acc_Statement_2.csv");
        next.MappingRemembered.ShouldBeTrue();
        (await importer.AnalyzeAsync(next, next.Mapping)).AlreadyPresent.ShouldBe(4);
    }

    [Fact]
    public async Task Every_preset_sample_is_imported_with_its_money_in_and_out()
    {
        foreach (var (name, moneyIn, moneyOut) in new[]
                 {
                     ("klikbca-bisnis.csv", 7_250_000m, 1_250_000m), ("mandiri-kopra.csv", 4_375_500.50m, 7_512_500m), ("mandiri-mcm.csv", 4_150_250m, 875_000m),
                     ("bri.csv", 2_735_000m, 1_500_000m), ("bni.csv", 450_000m, 623_300m),
                 })
        {
            await using var test = await TestDatabase.CreateAsync();
            var (importer, accountId) = await SetUpAsync(test);
            var analysis = await AnalyzeAsync(importer, accountId, StatementSamples.Sample(name), name);
            analysis.Rejected.ShouldBe(0, name);
            analysis.Parsed.IsBlocked.ShouldBeFalse(name);
            (await importer.CommitAsync(analysis, false, Finance, Rina)).Succeeded.ShouldBeTrue(name);
            await using var db = test.CreateDbContext();
            (await db.Mutations.Where(m => m.Direction == Direction.Credit).Select(m => m.Amount).ToListAsync()).Sum().ShouldBe(moneyIn, name);
            (await db.Mutations.Where(m => m.Direction == Direction.Debit).Select(m => m.Amount).ToListAsync()).Sum().ShouldBe(moneyOut, name);
        }
    }
}
