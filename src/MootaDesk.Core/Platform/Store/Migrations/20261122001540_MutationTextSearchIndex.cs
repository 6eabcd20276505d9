using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Data.Migrations
{
    /// <summary>
    /// Trigram full-text indexes for the Mutasi text filter (docs/decisions/011-fts5-trigram-text-search.md).
    /// Both are external-content FTS5 tables: they store only the index and read text from Mutations / MutationNotes,
    /// so every change must reach them with the exact old values. Nothing ranks results, so they keep no per-row column
    /// sizes (columnsize=0: a smaller index and a rebuild about 15 % faster).
    ///
    /// Mutations have no insert trigger: any trigger on an insert makes SQLite journal each statement, and an FTS5 table
    /// touched in such a transaction writes a new segment at every statement, which together cut webhook processing by
    /// a sixth to a third. The index instead holds exactly the mutations with Id ≤ MutationSearchIndexState.IndexedThroughId;
    /// newer rows are searched without it until the ingest transaction that stored them indexes them in one statement
    /// (MutationTextSearch.IndexNewMutationsAsync). Mutations.Id is AUTOINCREMENT, so a new row is always above the mark;
    /// a delete still lowers the mark to the remaining max(Id), which keeps that true for a table without it. Updates and
    /// deletes, which are rare, use triggers.
    ///
    /// Notes are written far less often and keep plain triggers. They are indexed whether or not they are superseded; the
    /// query keeps only current ones, which lets 'rebuild' restore the index from the table alone.
    ///
    /// A later migration that rebuilds either table (EF's SQLite table rebuild) drops these triggers and must recreate
    /// them; a test checks they exist after all migrations.
    /// </summary>
    public partial class MutationTextSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "MutationSearchIndex" USING fts5(
                    "Description", "Counterparty", content='Mutations', content_rowid='Id', tokenize='trigram', columnsize=0)
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "MutationNoteSearchIndex" USING fts5(
                    "Text", content='MutationNotes', content_rowid='Id', tokenize='trigram', columnsize=0)
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "MutationSearchIndexState" (
                    "Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1),
                    "IndexedThroughId" INTEGER NOT NULL)
                """);
            migrationBuilder.Sql("""INSERT INTO "MutationSearchIndexState" ("Id", "IndexedThroughId") VALUES (1, 0)""");

            // Only a real text change re-indexes: status, tags, notes and order references change far more often.
            migrationBuilder.Sql("""
                CREATE TRIGGER "MutationSearchIndex_Update" AFTER UPDATE OF "Id", "Description", "Counterparty" ON "Mutations"
                WHEN old."Id" IS NOT new."Id" OR old."Description" IS NOT new."Description" OR old."Counterparty" IS NOT new."Counterparty" BEGIN
                    INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rowid, "Description", "Counterparty")
                    SELECT 'delete', old."Id", old."Description", old."Counterparty" FROM "MutationSearchIndexState" WHERE old."Id" <= "IndexedThroughId";
                    INSERT INTO "MutationSearchIndex" (rowid, "Description", "Counterparty")
                    SELECT new."Id", new."Description", new."Counterparty" FROM "MutationSearchIndexState" WHERE new."Id" <= "IndexedThroughId";
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MutationSearchIndex_Delete" AFTER DELETE ON "Mutations" BEGIN
                    INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rowid, "Description", "Counterparty")
                    SELECT 'delete', old."Id", old."Description", old."Counterparty" FROM "MutationSearchIndexState" WHERE old."Id" <= "IndexedThroughId";
                    UPDATE "MutationSearchIndexState" SET "IndexedThroughId" = MIN("IndexedThroughId", IFNULL((SELECT MAX("Id") FROM "Mutations"), 0));
                END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "MutationNoteSearchIndex_Insert" AFTER INSERT ON "MutationNotes" BEGIN
                    INSERT INTO "MutationNoteSearchIndex" (rowid, "Text") VALUES (new."Id", new."Text");
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MutationNoteSearchIndex_Delete" AFTER DELETE ON "MutationNotes" BEGIN
                    INSERT INTO "MutationNoteSearchIndex" ("MutationNoteSearchIndex", rowid, "Text") VALUES ('delete', old."Id", old."Text");
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MutationNoteSearchIndex_Update" AFTER UPDATE OF "Id", "Text" ON "MutationNotes"
                WHEN old."Id" IS NOT new."Id" OR old."Text" IS NOT new."Text" BEGIN
                    INSERT INTO "MutationNoteSearchIndex" ("MutationNoteSearchIndex", rowid, "Text") VALUES ('delete', old."Id", old."Text");
                    INSERT INTO "MutationNoteSearchIndex" (rowid, "Text") VALUES (new."Id", new."Text");
                END
                """);

            // Existing rows, read once from the content tables. A 64 MB pending-data buffer (default 1 MB) writes far fewer
            // segments to merge: 4–5 s instead of 9 s per million mutations. Everyday writes are small, so it goes back after.
            migrationBuilder.Sql("""INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rank) VALUES ('hashsize', 67108864)""");
            migrationBuilder.Sql("""INSERT INTO "MutationSearchIndex" ("MutationSearchIndex") VALUES ('rebuild')""");
            migrationBuilder.Sql("""INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rank) VALUES ('hashsize', 1048576)""");
            migrationBuilder.Sql("""UPDATE "MutationSearchIndexState" SET "IndexedThroughId" = IFNULL((SELECT MAX("Id") FROM "Mutations"), 0)""");
            migrationBuilder.Sql("""INSERT INTO "MutationNoteSearchIndex" ("MutationNoteSearchIndex") VALUES ('rebuild')""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "MutationNoteSearchIndex_Update" """);
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "MutationNoteSearchIndex_Delete" """);
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "MutationNoteSearchIndex_Insert" """);
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "MutationSearchIndex_Delete" """);
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "MutationSearchIndex_Update" """);
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "MutationSearchIndexState" """);
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "MutationNoteSearchIndex" """);
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "MutationSearchIndex" """);
        }
    }
}
