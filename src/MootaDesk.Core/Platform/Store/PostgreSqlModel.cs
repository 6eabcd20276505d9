using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Platform.Store;

/// <summary>
/// What only the PostgreSQL model has. SQLite's text index is FTS5 tables made by hand-written SQL in its migration
/// (MutationTextSearchIndex); on PostgreSQL the same filter (<see cref="MutationTextSearch"/>) is served by pg_trgm GIN
/// indexes, which the model declares, so the PostgreSQL migrations carry no hand-written SQL for it.
/// </summary>
internal static class PostgreSqlModel
{
    public static void Apply(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Mutation>(b =>
        {
            b.HasIndex(x => x.Description, "IX_Mutations_Description_Trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
            b.HasIndex(x => x.Counterparty, "IX_Mutations_Counterparty_Trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        });
        builder.Entity<MutationNote>(b =>
            b.HasIndex(x => x.Text, "IX_MutationNotes_Text_Trgm").HasMethod("gin").HasOperators("gin_trgm_ops"));
    }
}
