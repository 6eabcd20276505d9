using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Platform.Store;

/// <summary>
/// An INSERT of one entity type written from the EF model: the table, the columns (every mapped property but the key) and
/// each value's conversion (money in sen, enums as numbers, dates in UTC) are the ones EF itself uses, so a hot path that
/// skips the change tracker (a statement of 100,000 rows, a webhook Moota waits on, a sweep's checklist) still stores rows
/// exactly as EF would, and a renamed column cannot leave a second, hand-written list behind.
/// </summary>
public sealed class ModelInsert
{
    private readonly string _table;
    private readonly (string Column, IClrPropertyGetter Getter, ValueConverter? Converter)[] _columns;
    private readonly string? _returning;

    private ModelInsert(IEntityType entity, bool returnKey, IReadOnlyCollection<string> leftOut)
    {
        _table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} is not mapped to a table.");
        foreach (var name in leftOut)
            if (entity.FindProperty(name) is not { IsNullable: true })
                throw new ArgumentException($"{entity.DisplayName()}.{name} is not a nullable mapped property, so it cannot be left to its default.", nameof(leftOut));
        _columns = entity.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsShadowProperty() && !leftOut.Contains(p.Name))
            .Select(p => (p.GetColumnName(), p.GetGetter(), p.GetTypeMapping().Converter)).ToArray();
        _returning = returnKey ? entity.FindPrimaryKey()!.Properties.Single().GetColumnName() : null;
    }

    /// <summary>
    /// The insert for <typeparamref name="T"/> in <paramref name="db"/>'s model; <paramref name="returnKey"/> adds RETURNING the
    /// generated key; <paramref name="leftOut"/> names nullable properties a new row never has (they stay NULL), so a writer of
    /// tens of thousands of rows does not bind them row after row.
    /// </summary>
    /// <exception cref="ArgumentException">A left-out name is not a nullable mapped property of <typeparamref name="T"/>.</exception>
    public static ModelInsert For<T>(DbContext db, bool returnKey = false, params string[] leftOut) where T : class =>
        new(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."), returnKey, leftOut);

    /// <summary>
    /// A command inserting <paramref name="rows"/> rows per execution (parameters @p{row}_{column}), on the context's connection and
    /// inside its current transaction. The caller opens the connection, binds each row with <see cref="Bind"/> and disposes the command.
    /// </summary>
    public DbCommand CreateCommand(DbContext db, int rows = 1)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new string[_columns.Length];
            for (var c = 0; c < _columns.Length; c++)
            {
                // '@' names: both Microsoft.Data.Sqlite and Npgsql read them ('$' is SQLite's only).
                names[c] = $"@p{r}_{c}";
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[c];
                command.Parameters.Add(parameter);
            }
            values.Add("(" + string.Join(", ", names) + ")");
        }
        command.CommandText = $"INSERT INTO \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Column}\""))}) VALUES {string.Join(", ", values)}"
                              + (_returning is null ? "" : $" RETURNING \"{_returning}\"");
        return command;
    }

    /// <summary>Sets the parameters of row <paramref name="row"/> (0-based) of <paramref name="command"/> from <paramref name="entity"/>.</summary>
    public void Bind(DbCommand command, int row, object entity)
    {
        var offset = row * _columns.Length;
        for (var c = 0; c < _columns.Length; c++)
        {
            var (_, getter, converter) = _columns[c];
            var value = getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
            command.Parameters[offset + c].Value = value ?? DBNull.Value;
        }
    }
}
