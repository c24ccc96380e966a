using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Saphan.Storage;

namespace Saphan.Registry.Import;

/// <summary>
/// Inserts a batch into SQLite with one prepared INSERT run per row, inside the batch's EF transaction: ten times faster than
/// EF's change tracker for thousands of rows (no tracking, no RETURNING of keys nobody reads). Columns and value conversions
/// come from the EF model, so the rows are stored exactly as EF would store them.
/// </summary>
internal static class SqliteInsert
{
    public static async Task WriteAsync<T>(SaphanDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToArray();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Batches are inserted inside their transaction.");
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(table) + "\""))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        var parameters = properties.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), DBNull.Value))).ToArray();
        var readers = properties.Select(p => (Get: p.GetGetter(), Convert: p.GetTypeMapping().Converter)).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < readers.Length; i++)
            {
                var value = readers[i].Get.GetClrValue(row);
                if (value is not null && readers[i].Convert is { } converter) value = converter.ConvertToProvider(value);
                parameters[i].Value = value ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
