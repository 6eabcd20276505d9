using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MootaDesk.Core.Platform.Store;

/// <summary>
/// Table and column names for hand-written SQL, read from the EF model and delimited by the provider (<c>"Mutations"</c>
/// on SQLite and PostgreSQL), so raw SQL cannot drift from the model when an entity or property is renamed or mapped anew.
/// </summary>
public static class ModelNames
{
    /// <summary>The delimited table name of <typeparamref name="T"/>, e.g. <c>"MutationTags"</c>.</summary>
    public static string Table<T>(this DbContext db) where T : class =>
        Delimit(db, Entity<T>(db).GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table."));

    /// <summary>The delimited column of <typeparamref name="T"/>'s property <paramref name="property"/> (use <c>nameof</c>).</summary>
    public static string Column<T>(this DbContext db, string property) where T : class
    {
        var entity = Entity<T>(db);
        var p = entity.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return Delimit(db, p.GetColumnName(table) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} has no column."));
    }

    private static IEntityType Entity<T>(DbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    private static string Delimit(DbContext db, string name) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(name);
}
