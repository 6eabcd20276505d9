using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Mutations;

/// <summary>
/// The Mutasi text filter: a case-insensitive substring of the description, the counterparty or a current note.
/// <see cref="Matches"/> (LIKE) defines the result. The trigram indexes of migration <c>MutationTextSearchIndex</c>
/// only find the rows worth checking: they fold case at least as widely as LIKE, so every LIKE match is among their
/// candidates, and rechecking the candidates with LIKE keeps the result exactly what it was before the index existed
/// (docs/decisions/011-fts5-trigram-text-search.md).
/// </summary>
public static class MutationTextSearch
{
    /// <summary>The trigram tokenizer matches nothing shorter than three characters.</summary>
    public const int MinIndexedLength = 3;

    /// <summary>
    /// Three Unicode characters or more. A NUL would end the FTS5 query string early inside SQLite and turn it into a
    /// syntax error, so such text (only ever from a hand-made URL) keeps the LIKE scan.
    /// </summary>
    public static bool CanUseIndex(string text) => !text.Contains('\0') && text.EnumerateRunes().Count() >= MinIndexedLength;

    /// <summary>The text as one FTS5 string: inside double quotes every character is literal, a quote is written twice.</summary>
    public static string ToFtsString(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// Ids of mutations whose description or counterparty, or one of whose current notes, contains the text (as the
    /// trigram index folds case), plus on SQLite every mutation stored since the index last caught up; an id may repeat.
    /// SQLite reads its FTS5 tables; PostgreSQL its pg_trgm GIN indexes, one per column, each arm on its own so the
    /// planner can use them (the filter's single OR across a note subquery cannot: it read every row for a word that is
    /// nowhere, docs/performance.md). The text is a bound parameter, never part of the SQL.
    /// </summary>
    public static IQueryable<long> CandidateIds(MootaDeskDbContext db, string text)
    {
        if (db.IsPostgreSql())
        {
            var pattern = "%" + EscapeLike(text) + "%";
            return db.Database.SqlQuery<long>($"""
                SELECT "Id" AS "Value" FROM "Mutations" WHERE "Description" ILIKE {pattern} ESCAPE '\'
                UNION ALL
                SELECT "Id" AS "Value" FROM "Mutations" WHERE "Counterparty" ILIKE {pattern} ESCAPE '\'
                UNION ALL
                SELECT "MutationId" AS "Value" FROM "MutationNotes" WHERE "Text" ILIKE {pattern} ESCAPE '\' AND NOT "IsSuperseded"
                """);
        }
        var query = ToFtsString(text);
        return db.Database.SqlQuery<long>($"""
            SELECT "rowid" AS "Value" FROM "MutationSearchIndex" WHERE "MutationSearchIndex" MATCH {query}
            UNION ALL
            SELECT "Id" AS "Value" FROM "Mutations" WHERE "Id" > (SELECT "IndexedThroughId" FROM "MutationSearchIndexState")
            UNION ALL
            SELECT "n"."MutationId" AS "Value" FROM "MutationNotes" AS "n"
            WHERE "n"."Id" IN (SELECT "rowid" FROM "MutationNoteSearchIndex" WHERE "MutationNoteSearchIndex" MATCH {query})
              AND NOT "n"."IsSuperseded"
            """);
    }

    /// <summary>
    /// How many mutations may wait unindexed before an ingest indexes them. Searching them without the index costs about
    /// 2 µs each; indexing 60 at a time (one webhook batch) meant a new index segment, and its merging, per batch.
    /// </summary>
    public const int IndexBatchSize = 1_000;

    /// <summary>
    /// Indexes the mutations stored since the last call, in one statement, once at least <paramref name="atLeast"/> are
    /// waiting; run inside the transaction that stored them (the ingestor does). Mutations have no insert trigger (it would
    /// slow every insert down, see migration MutationTextSearchIndex); until they are indexed, <see cref="CandidateIds"/>
    /// hands them to LIKE unindexed, so nothing is ever missed, only read a little more slowly.
    /// </summary>
    public static async Task IndexNewMutationsAsync(MootaDeskDbContext db, int atLeast = 1, CancellationToken ct = default)
    {
        // PostgreSQL's trigram indexes are ordinary indexes, kept by every insert.
        if (db.IsPostgreSql()) return;
        var waiting = await WaitingAsync(db, ct);
        if (waiting >= Math.Max(atLeast, 1)) await db.Database.ExecuteSqlRawAsync(IndexNewMutationsSql, ct);
    }

    /// <summary>
    /// Indexes waiting mutations in short transactions of at most <paramref name="chunk"/> rows each, until none wait:
    /// what the seeder leaves for the app to do, and the few a quiet day leaves under <see cref="IndexBatchSize"/>.
    /// Each chunk reads the mark inside its own write, so it never indexes a row an ingest indexed meanwhile.
    /// Returns how many rows it indexed.
    /// </summary>
    public static async Task<long> CatchUpAsync(MootaDeskDbContext db, int chunk = 200_000, CancellationToken ct = default)
    {
        if (db.IsPostgreSql()) return 0;
        long total = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // A 64 MB pending-data buffer for this transaction only (default 1 MB): far fewer segments to merge.
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rank) VALUES ('hashsize', 67108864)""", ct);
            var indexed = await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "MutationSearchIndex" (rowid, "Description", "Counterparty")
                SELECT "Id", "Description", "Counterparty" FROM "Mutations"
                WHERE "Id" > (SELECT "IndexedThroughId" FROM "MutationSearchIndexState")
                  AND "Id" <= (SELECT "IndexedThroughId" FROM "MutationSearchIndexState") + {0};
                """, [chunk], ct);
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE "MutationSearchIndexState"
                SET "IndexedThroughId" = MIN("IndexedThroughId" + {0}, MAX("IndexedThroughId", IFNULL((SELECT MAX("Id") FROM "Mutations"), 0)));
                """, [chunk], ct);
            var left = await WaitingAsync(db, ct);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rank) VALUES ('hashsize', 1048576)""", ct);
            await tx.CommitAsync(ct);
            total += indexed;
            if (left <= 0) return total;
        }
    }

    /// <summary>Ids are AUTOINCREMENT, so the gap from the mark to the newest id is (at most) the number of rows waiting.</summary>
    private static Task<long> WaitingAsync(MootaDeskDbContext db, CancellationToken ct) => db.Database.SqlQueryRaw<long>("""
        SELECT IFNULL((SELECT MAX("Id") FROM "Mutations"), 0) - "IndexedThroughId" AS "Value" FROM "MutationSearchIndexState"
        """).SingleAsync(ct);

    private const string IndexNewMutationsSql = """
        INSERT INTO "MutationSearchIndex" (rowid, "Description", "Counterparty")
        SELECT "Id", "Description", "Counterparty" FROM "Mutations" WHERE "Id" > (SELECT "IndexedThroughId" FROM "MutationSearchIndexState");
        UPDATE "MutationSearchIndexState" SET "IndexedThroughId" = MAX("IndexedThroughId", IFNULL((SELECT MAX("Id") FROM "Mutations"), 0));
        """;

    /// <summary>
    /// Whether the query can narrow by <see cref="CandidateIds"/> first: text of three characters or more (neither FTS5's
    /// trigram tokenizer nor pg_trgm can look up less). <paramref name="db"/> is kept for a store without a text index.
    /// </summary>
    public static bool UsesCandidateIds(MootaDeskDbContext db, string text) => CanUseIndex(text);

    /// <summary>
    /// The filter itself. SQLite's LIKE folds ASCII case, which is what bank descriptions are written in; on PostgreSQL
    /// the same LIKE runs as ILIKE (<see cref="CaseInsensitiveLike"/>), served by the trigram indexes of PostgreSqlModel.
    /// </summary>
    public static Expression<Func<Mutation, bool>> Matches(string text)
    {
        var pattern = "%" + EscapeLike(text) + "%";
        return m => EF.Functions.Like(m.Description, pattern, "\\")
                    || (m.Counterparty != null && EF.Functions.Like(m.Counterparty, pattern, "\\"))
                    || (m.HasNote && m.Notes.Any(n => !n.IsSuperseded && EF.Functions.Like(n.Text, pattern, "\\")));
    }

    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
