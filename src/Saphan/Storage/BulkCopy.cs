using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Saphan.Storage;

/// <summary>
/// Binary COPY into PostgreSQL for the writers that store many rows at once (import batches, rights verdicts, audit rows):
/// no per-row statement and no text parsing on the server. The column list comes from the EF model and is checked against
/// it, so a property added to an entity without being written is caught on the first COPY, not silently lost.
/// </summary>
internal static class BulkCopy
{
    /// <summary>COPY table (columns…) FROM STDIN (FORMAT BINARY), checked against the model: every stored property but the key.</summary>
    public static string Command<T>(SaphanDb db, string[] properties) => $"COPY {Target<T>(db, properties)} FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// INSERT INTO table (columns…) SELECT * FROM unnest($1, $2, …): a few rows in one prepared statement, one array parameter
    /// a column (a COPY costs the server more than a short insert). Checked against the model like <see cref="Command{T}"/>.
    /// </summary>
    public static string InsertFromArrays<T>(SaphanDb db, string[] properties) =>
        $"INSERT INTO {Target<T>(db, properties)} SELECT * FROM unnest({string.Join(", ", properties.Select((_, i) => "$" + (i + 1)))})";

    /// <summary>"table" ("column", …) for the properties, which must be every stored property of the entity but its key.</summary>
    private static string Target<T>(SaphanDb db, string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var stored = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (!stored.SequenceEqual(properties.Order(StringComparer.Ordinal)))
            throw new InvalidOperationException($"The COPY of {typeof(T).Name} writes [{string.Join(", ", properties)}] but the model stores [{string.Join(", ", stored)}].");
        var columns = properties.Select(p => "\"" + entity.FindProperty(p)!.GetColumnName(table) + "\"");
        return $"\"{table.Name}\" ({string.Join(", ", columns)})";
    }

    /// <summary>Starts a COPY on the context's connection (inside its transaction, if one is open).</summary>
    public static Task<NpgsqlBinaryImporter> BeginAsync(SaphanDb db, string command, CancellationToken ct) =>
        ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(command, ct);

    public static void Text(this NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }
}
