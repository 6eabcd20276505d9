using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>
/// The text filter through the trigram index: same answers as the LIKE scan it replaces, whichever way the query is
/// read, with the index kept in step by the triggers.
/// </summary>
public class MutationTextSearchTests
{
    /// <summary>
    /// The ids the filter matches, read three ways: with the mutations written since the last indexing still pending,
    /// driven from the caught-up index (any number of candidates), and by the plain scan (no candidates allowed). All
    /// must agree; that is the promise of the index.
    /// </summary>
    private static async Task<long[]> IdsAsync(TestDatabase test, MutationFilter filter, Viewer? viewer = null)
    {
        var pending = await ReadAsync(test, filter, viewer ?? Finance, 1_000_000);
        await IndexNewMutationsAsync(test);
        var viaIndex = await ReadAsync(test, filter, viewer ?? Finance, 1_000_000);
        var viaScan = await ReadAsync(test, filter, viewer ?? Finance, 0);
        viaIndex.ShouldBe(viaScan, $"index and scan disagree for '{filter.Text}'");
        pending.ShouldBe(viaScan, $"unindexed mutations were missed for '{filter.Text}'");
        var page = await new MutationQueries(test, test.Clock).PageAsync(filter, viewer ?? Finance, 0, 500);
        page.Select(r => r.Id).Order().ShouldBe(viaIndex);
        return viaIndex;
    }

    private static async Task IndexNewMutationsAsync(TestDatabase test)
    {
        await using var db = test.CreateDbContext();
        await MutationTextSearch.IndexNewMutationsAsync(db);
    }

    private static async Task<long> IndexedThroughAsync(TestDatabase test)
    {
        await using var db = test.CreateDbContext();
        return await db.Database.SqlQueryRaw<long>("""SELECT "IndexedThroughId" AS "Value" FROM "MutationSearchIndexState" """).SingleAsync();
    }

    private static async Task<long[]> ReadAsync(TestDatabase test, MutationFilter filter, Viewer viewer, int candidateLimit)
    {
        await using var db = test.CreateDbContext();
        var q = await MutationSearch.ApplyAsync(db, filter, viewer, test.Clock, candidateLimit);
        return (await q.Select(m => m.Id).ToListAsync()).Order().ToArray();
    }

    private static Task<long[]> TextAsync(TestDatabase test, string text, Viewer? viewer = null) =>
        IdsAsync(test, new MutationFilter { Text = text }, viewer);

    /// <summary>FTS5's own check that, once the newest mutations are indexed, the index holds exactly what the tables hold.</summary>
    private static async Task IndexesMatchTheTablesAsync(TestDatabase test)
    {
        await IndexNewMutationsAsync(test);
        await using var db = test.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rank) VALUES ('integrity-check', 1)""");
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MutationNoteSearchIndex" ("MutationNoteSearchIndex", rank) VALUES ('integrity-check', 1)""");
    }

    [Fact]
    public async Task A_substring_anywhere_in_the_description_matches_in_any_case()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var budi = await MutationAsync(test, a, test.Clock.UtcNow, 150_000m, description: "BI-FAST CR BIF TRANSFER DR 014 BUDI SANTOSO");
        await MutationAsync(test, a, test.Clock.UtcNow, 20_000m, description: "QRIS CR 123456 NMID ID1023123456789 SITI AMINAH");

        (await TextAsync(test, "fast cr bif")).ShouldBe([budi]);
        (await TextAsync(test, "udi sant")).ShouldBe([budi]);
        (await TextAsync(test, "Budi Santoso")).ShouldBe([budi]);
        (await TextAsync(test, "  santoso  ")).ShouldBe([budi]);
        // Words in any order, however spaced.
        (await TextAsync(test, "budi  santoso")).ShouldBe([budi]);
        (await TextAsync(test, "santoso budi")).ShouldBe([budi]);
        (await TextAsync(test, "santoso siti")).ShouldBeEmpty();
        (await TextAsync(test, "santosa")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_counterparty_is_searched_even_when_the_description_does_not_carry_the_name()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var hit = await MutationAsync(test, a, test.Clock.UtcNow, 150_000m, description: "SETORAN TUNAI", counterparty: "CV MAJU JAYA");
        await MutationAsync(test, a, test.Clock.UtcNow, 150_000m, description: "SETORAN TUNAI", counterparty: "PT SUMBER REJEKI");

        (await TextAsync(test, "maju jaya")).ShouldBe([hit]);
        (await TextAsync(test, "setoran")).Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_current_note_matches_and_an_edited_notes_old_text_no_longer_does()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var m = await MutationAsync(test, a, test.Clock.UtcNow, 150_000m, description: "TRSF E-BANKING CR");
        await MutationAsync(test, a, test.Clock.UtcNow, 90_000m, description: "TRSF E-BANKING CR");
        var commands = new TagMutationsCommand(test, test.Clock);

        var added = await commands.AddNoteAsync([m], "Pelunasan invoice Bu Ratna", Finance, FinanceActor);
        (await TextAsync(test, "bu ratna")).ShouldBe([m]);

        await commands.EditNoteAsync(added.NoteIds[0], "Pelunasan invoice Pak Joko", Finance, FinanceActor);
        (await TextAsync(test, "bu ratna")).ShouldBeEmpty();
        (await TextAsync(test, "pak joko")).ShouldBe([m]);
        (await TextAsync(test, "pelunasan")).ShouldBe([m]);
        await IndexesMatchTheTablesAsync(test);
    }

    [Fact]
    public async Task A_note_removed_by_undo_no_longer_matches()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var m = await MutationAsync(test, a, test.Clock.UtcNow, 150_000m);
        var commands = new TagMutationsCommand(test, test.Clock);

        var added = await commands.AddNoteAsync([m], "Titipan ongkir", Finance, FinanceActor);
        (await TextAsync(test, "ongkir")).ShouldBe([m]);
        await commands.UndoAsync(added, Finance, FinanceActor);
        (await TextAsync(test, "ongkir")).ShouldBeEmpty();
        await IndexesMatchTheTablesAsync(test);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("BUDI\" OR \"SITI")]
    [InlineData("budi OR siti")]
    [InlineData("NEAR(budi siti)")]
    [InlineData("budi*")]
    [InlineData("-budi")]
    [InlineData("^budi")]
    [InlineData("Description:budi")]
    [InlineData("{Description}: budi")]
    [InlineData("'; DROP TABLE Mutations; --")]
    [InlineData("100%")]
    [InlineData("a_b")]
    [InlineData("C:\\temp")]
    [InlineData("x\0y")]
    public async Task Quotes_and_query_syntax_in_the_text_are_plain_characters(string text)
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        await MutationAsync(test, a, test.Clock.UtcNow, 1m, description: "BUDI SANTOSO");
        await MutationAsync(test, a, test.Clock.UtcNow, 2m, description: "SITI AMINAH");
        var exact = await MutationAsync(test, a, test.Clock.UtcNow, 3m, description: "REF " + text + " END");

        (await TextAsync(test, text)).ShouldBe([exact]);
        await using var db = test.CreateDbContext();
        (await db.Mutations.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task Like_wildcards_typed_by_the_user_match_only_themselves()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var percent = await MutationAsync(test, a, test.Clock.UtcNow, 1m, description: "DISKON 100% LUNAS");
        var underscore = await MutationAsync(test, a, test.Clock.UtcNow, 2m, description: "REF A_B");
        await MutationAsync(test, a, test.Clock.UtcNow, 3m, description: "DISKON 1000 LUNAS");
        await MutationAsync(test, a, test.Clock.UtcNow, 4m, description: "REF AXB");

        (await TextAsync(test, "100%")).ShouldBe([percent]);
        (await TextAsync(test, "a_b")).ShouldBe([underscore]);
        (await TextAsync(test, "0% l")).ShouldBe([percent]);
    }

    [Fact]
    public async Task Texts_shorter_than_three_characters_still_match_by_scanning()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var bu = await MutationAsync(test, a, test.Clock.UtcNow, 1m, description: "BUDI");
        var x = await MutationAsync(test, a, test.Clock.UtcNow, 2m, description: "QRIS", counterparty: "TOKO X");

        (await TextAsync(test, "bu")).ShouldBe([bu]);
        (await TextAsync(test, "x")).ShouldBe([x]);
        (await TextAsync(test, "q")).ShouldBe([x]);
    }

    [Fact]
    public async Task Letters_beyond_ASCII_keep_LIKEs_exact_case()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var cafe = await MutationAsync(test, a, test.Clock.UtcNow, 1m, description: "KOPI CAFÉ");

        (await TextAsync(test, "kopi cafÉ")).ShouldBe([cafe]);
        // LIKE folds only ASCII letters; the index folds é and É together and would have matched on its own.
        (await TextAsync(test, "café")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Mutations_written_after_the_index_was_built_are_found_and_changes_follow_them()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        (await TextAsync(test, "rahayu")).ShouldBeEmpty();

        var later = await MutationAsync(test, a, test.Clock.UtcNow, 1m, description: "TRSF DARI DEWI RAHAYU");
        (await TextAsync(test, "rahayu")).ShouldBe([later]);

        await using (var db = test.CreateDbContext())
        {
            var m = await db.Mutations.SingleAsync(x => x.Id == later);
            m.Description = "TRSF DARI DEWI LESTARI";
            m.Counterparty = "DEWI LESTARI";
            await db.SaveChangesAsync();
        }
        (await TextAsync(test, "rahayu")).ShouldBeEmpty();
        (await TextAsync(test, "lestari")).ShouldBe([later]);

        await using (var db = test.CreateDbContext())
            await db.Mutations.Where(x => x.Id == later).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ReconciliationStatus.Resolved));
        (await TextAsync(test, "lestari")).ShouldBe([later]);

        await using (var db = test.CreateDbContext())
            await db.Mutations.Where(x => x.Id == later).ExecuteDeleteAsync();
        (await TextAsync(test, "lestari")).ShouldBeEmpty();
        await IndexesMatchTheTablesAsync(test);
    }

    [Fact]
    public async Task Deleting_a_mutation_takes_its_notes_out_of_the_index_too()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var m = await MutationAsync(test, a, test.Clock.UtcNow, 1m, note: "Catatan yang ikut terhapus");
        await using (var db = test.CreateDbContext())
            await db.Mutations.Where(x => x.Id == m).ExecuteDeleteAsync();

        (await TextAsync(test, "ikut terhapus")).ShouldBeEmpty();
        await IndexesMatchTheTablesAsync(test);
    }

    [Fact]
    public async Task Mutations_stored_by_the_ingestor_in_bulk_are_searchable()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        var batch = Enumerable.Range(0, 30).Select(i => new IncomingMutation
        {
            Source = MutationSource.Import, SourceId = "row-" + i, TransactionTimeUtc = test.Clock.UtcNow.AddMinutes(-i),
            Description = $"TRSF E-BANKING CR 2111/FTSCY/WS{10000 + i} 150000.00 PELANGGAN {i:D3}", Amount = 150_000m + i,
            Direction = Direction.Credit, Account = new IncomingAccount("bank-1", "bca", "0123456789", "TOKO"),
            Note = i == 7 ? "dibayar lewat kurir" : null,
        }).ToList();

        var result = await ingestor.IngestAllOrNothingAsync(batch, Actor.System);

        result.New.ShouldBe(30);
        (await TextAsync(test, "pelanggan 012")).ShouldBe([result.NewMutationIds[12]]);
        (await TextAsync(test, "WS10029")).ShouldBe([result.NewMutationIds[29]]);
        (await TextAsync(test, "lewat kurir")).ShouldBe([result.NewMutationIds[7]]);
        (await TextAsync(test, "pelanggan")).Length.ShouldBe(30);
        await IndexesMatchTheTablesAsync(test);
    }

    [Fact]
    public async Task CS_never_finds_a_debit_by_its_text()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var credit = await MutationAsync(test, a, test.Clock.UtcNow, 150_000m, description: "TRSF DARI PT SUMBER MAKMUR");
        var debit = await MutationAsync(test, a, test.Clock.UtcNow, 7_000_000m, Direction.Debit, "TRSF KE PT SUMBER MAKMUR", note: "gaji sumber");

        (await TextAsync(test, "sumber", Finance)).ShouldBe([credit, debit]);
        (await TextAsync(test, "sumber", Cs)).ShouldBe([credit]);
        (await TextAsync(test, "TRSF KE", Cs)).ShouldBeEmpty();
        (await IdsAsync(test, MutationFilter.Parse("arah=debit&q=sumber"), Cs)).ShouldBeEmpty();
        (await new MutationQueries(test, test.Clock).CountAsync(new MutationFilter { Text = "gaji" }, Cs)).Value.ShouldBe(0);
    }

    [Fact]
    public async Task Counts_agree_with_the_rows()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        for (var i = 0; i < 7; i++) await MutationAsync(test, a, test.Clock.UtcNow.AddMinutes(-i), 1_000m + i, description: $"QRIS CR {i} ANDI PRATAMA");
        await MutationAsync(test, a, test.Clock.UtcNow, 5m, description: "QRIS CR", note: "dari andi pratama juga");
        var queries = new MutationQueries(test, test.Clock);

        (await queries.CountAsync(new MutationFilter { Text = "andi pratama" }, Finance)).ShouldBe(new CappedCount(8, false));
        (await queries.ExactCountAsync(new MutationFilter { Text = "andi pratama" }, Finance)).ShouldBe(8);
        (await queries.IdsAsync(new MutationFilter { Text = "andi pratama" }, Finance)).Count.ShouldBe(8);
        (await queries.CountAsync(new MutationFilter { Text = "zzqx" }, Finance)).ShouldBe(new CappedCount(0, false));
    }

    [Fact]
    public async Task Mutations_not_yet_indexed_are_searched_without_the_index_until_an_ingest_indexes_them()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var written = await MutationAsync(test, a, test.Clock.UtcNow, 1m, description: "TRSF DARI RINA KUSUMA");
        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        // Two transfers of different amounts: a statement row of the webhook's amount would be that same transaction.
        IncomingMutation Incoming(MutationSource source, string id, decimal amount) => new()
        {
            Source = source, SourceId = id, TransactionTimeUtc = test.Clock.UtcNow, Description = "BI-FAST CR RINA KUSUMA",
            Amount = amount, Direction = Direction.Credit, AccountId = a.Id,
        };

        // A webhook batch leaves its rows waiting until IndexBatchSize of them have gathered; they are found all the same.
        var webhook = await ingestor.IngestAsync([Incoming(MutationSource.Webhook, "w-1", 20_000m)], Actor.System);
        (await IndexedThroughAsync(test)).ShouldBe(0);
        (await ReadAsync(test, new MutationFilter { Text = "rina kusuma" }, Finance, 1_000_000)).ShouldBe([written, webhook.NewMutationIds[0]]);

        // A statement import indexes at once, and with it everything still waiting.
        var import = await ingestor.IngestAllOrNothingAsync([Incoming(MutationSource.Import, "i-1", 30_000m)], Actor.System);
        (await IndexedThroughAsync(test)).ShouldBe(import.NewMutationIds[0]);
        (await ReadAsync(test, new MutationFilter { Text = "rina kusuma" }, Finance, 1_000_000))
            .ShouldBe([written, webhook.NewMutationIds[0], import.NewMutationIds[0]]);
        await using (var db = test.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rank) VALUES ('integrity-check', 1)""");
    }

    [Fact]
    public async Task Deleting_the_newest_mutation_lowers_the_mark_and_leaves_the_index_whole()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        await MutationAsync(test, a, test.Clock.UtcNow, 1m, description: "PERTAMA");
        var newest = await MutationAsync(test, a, test.Clock.UtcNow, 2m, description: "TERAKHIR");
        await IndexNewMutationsAsync(test);
        (await IndexedThroughAsync(test)).ShouldBe(newest);

        await using (var db = test.CreateDbContext())
            await db.Mutations.Where(m => m.Id == newest).ExecuteDeleteAsync();
        (await IndexedThroughAsync(test)).ShouldBe(newest - 1);

        var next = await MutationAsync(test, a, test.Clock.UtcNow, 3m, description: "PENGGANTI");
        next.ShouldBeGreaterThan(newest); // AUTOINCREMENT: an id is never handed out twice
        (await TextAsync(test, "pengganti")).ShouldBe([next]);
        (await TextAsync(test, "terakhir")).ShouldBeEmpty();
        await IndexesMatchTheTablesAsync(test);
    }

    [Fact]
    public async Task Editing_or_deleting_a_mutation_not_yet_indexed_leaves_the_index_whole()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var indexed = await MutationAsync(test, a, test.Clock.UtcNow, 1m, description: "SUDAH DIINDEKS");
        await IndexNewMutationsAsync(test);
        var pendingEdited = await MutationAsync(test, a, test.Clock.UtcNow, 2m, description: "BELUM DIINDEKS LAMA");
        var pendingDeleted = await MutationAsync(test, a, test.Clock.UtcNow, 3m, description: "BELUM DIINDEKS HAPUS");
        await MutationAsync(test, a, test.Clock.UtcNow, 4m, description: "BELUM DIINDEKS TETAP");

        await using (var db = test.CreateDbContext())
        {
            await db.Mutations.Where(m => m.Id == pendingEdited).ExecuteUpdateAsync(s => s.SetProperty(m => m.Description, "BELUM DIINDEKS BARU"));
            await db.Mutations.Where(m => m.Id == pendingDeleted).ExecuteDeleteAsync();
            await db.Mutations.Where(m => m.Id == indexed).ExecuteUpdateAsync(s => s.SetProperty(m => m.Counterparty, "NAMA BARU"));
        }

        (await TextAsync(test, "diindeks lama")).ShouldBeEmpty();
        (await TextAsync(test, "belum diindeks baru")).ShouldBe([pendingEdited]);
        (await TextAsync(test, "hapus")).ShouldBeEmpty();
        (await TextAsync(test, "nama baru")).ShouldBe([indexed]);
        await IndexesMatchTheTablesAsync(test);
    }

    [Fact]
    public async Task The_index_and_its_triggers_exist_after_all_migrations_and_go_away_with_the_migration()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var before = await MutationAsync(test, a, test.Clock.UtcNow, 1m, description: "DITULIS SEBELUM INDEKS", note: "catatan lama");

        (await SearchObjectsAsync(test)).ShouldBe([
            "MutationNoteSearchIndex", "MutationNoteSearchIndex_Delete", "MutationNoteSearchIndex_Insert", "MutationNoteSearchIndex_Update",
            "MutationSearchIndex", "MutationSearchIndexState", "MutationSearchIndex_Delete", "MutationSearchIndex_Update"]);

        // This migration's own Down and Up on the finished schema, so later migrations' Down steps play no part.
        var migration = new Core.Data.Migrations.MutationTextSearchIndex();
        await RunAsync(test, migration.DownOperations);
        (await SearchObjectsAsync(test)).ShouldBeEmpty();
        var written = await MutationAsync(test, a, test.Clock.UtcNow, 2m, description: "DITULIS TANPA INDEKS");

        await RunAsync(test, migration.UpOperations);
        (await SearchObjectsAsync(test)).Count.ShouldBe(8);
        (await TextAsync(test, "sebelum indeks")).ShouldBe([before]);
        (await TextAsync(test, "tanpa indeks")).ShouldBe([written]);
        (await TextAsync(test, "catatan lama")).ShouldBe([before]);
        await IndexesMatchTheTablesAsync(test);
    }

    private static async Task RunAsync(TestDatabase test, IReadOnlyList<MigrationOperation> operations)
    {
        await using var db = test.CreateDbContext();
        var commands = db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.Model);
        await db.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, db.GetService<IRelationalConnection>());
    }

    private static async Task<List<string>> SearchObjectsAsync(TestDatabase test)
    {
        await using var db = test.CreateDbContext();
        return await db.Database.SqlQueryRaw<string>("""
                SELECT name AS Value FROM sqlite_master
                WHERE (type = 'table' AND name IN ('MutationSearchIndex', 'MutationNoteSearchIndex', 'MutationSearchIndexState')) OR (type = 'trigger' AND name LIKE '%SearchIndex%')
                ORDER BY name
                """).ToListAsync();
    }
}
