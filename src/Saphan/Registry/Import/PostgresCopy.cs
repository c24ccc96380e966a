using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using Saphan.Registry.Sources;
using Saphan.Storage;

namespace Saphan.Registry.Import;

/// <summary>
/// Binary COPY of new source-record versions and rejects into PostgreSQL, inside the batch's EF transaction — the
/// fastest way into PostgreSQL (no per-row statement, no text parsing on the server). Column names come from the EF
/// model; a property added to the entities without being written here is caught on the first batch, not silently lost.
/// </summary>
internal static class PostgresCopy
{
    private static readonly string[] RecordProperties =
    [
        nameof(SourceRecord.SourceId), nameof(SourceRecord.RecordKey), nameof(SourceRecord.Version), nameof(SourceRecord.ContentHash),
        nameof(SourceRecord.RawJson), nameof(SourceRecord.ImportRunId), nameof(SourceRecord.FileName), nameof(SourceRecord.Line),
        nameof(SourceRecord.ImportedAt), nameof(SourceRecord.ImportedBy), nameof(SourceRecord.CitizenId), nameof(SourceRecord.OtherId),
        nameof(SourceRecord.Title), nameof(SourceRecord.GivenName), nameof(SourceRecord.FamilyName), nameof(SourceRecord.Nickname),
        nameof(SourceRecord.Sex), nameof(SourceRecord.BirthDate), nameof(SourceRecord.BirthDatePrecision), nameof(SourceRecord.HouseNumber),
        nameof(SourceRecord.Moo), nameof(SourceRecord.Soi), nameof(SourceRecord.Road), nameof(SourceRecord.SubdistrictCode),
        nameof(SourceRecord.DistrictCode), nameof(SourceRecord.Postcode), nameof(SourceRecord.Phone), nameof(SourceRecord.HasDisabilityCard),
        nameof(SourceRecord.Problems),
    ];

    private static readonly string[] RejectProperties =
    [
        nameof(ImportReject.ImportRunId), nameof(ImportReject.Line), nameof(ImportReject.ReasonTh), nameof(ImportReject.ReasonEn),
        nameof(ImportReject.Raw), nameof(ImportReject.RecordKey), nameof(ImportReject.RowRejected),
    ];

    public static async Task SourceRecordsAsync(SaphanDb db, IReadOnlyList<SourceRecord> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(CopyCommand<SourceRecord>(db, RecordProperties), ct);
        foreach (var r in records)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.SourceId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.RecordKey, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Version, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.ContentHash, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.RawJson, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.ImportRunId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.FileName, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Line, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.ImportedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.ImportedBy, NpgsqlDbType.Text, ct);
            await Text(copy, r.CitizenId?.Digits, ct);
            await Text(copy, r.OtherId, ct);
            await Text(copy, r.Title, ct);
            await Text(copy, r.GivenName, ct);
            await Text(copy, r.FamilyName, ct);
            await Text(copy, r.Nickname, ct);
            await copy.WriteAsync((int)r.Sex, NpgsqlDbType.Integer, ct);
            if (r.BirthDate is { } born) await copy.WriteAsync(born, NpgsqlDbType.Date, ct);
            else await copy.WriteNullAsync(ct);
            await copy.WriteAsync((int)r.BirthDatePrecision, NpgsqlDbType.Integer, ct);
            await Text(copy, r.HouseNumber, ct);
            await Text(copy, r.Moo, ct);
            await Text(copy, r.Soi, ct);
            await Text(copy, r.Road, ct);
            await Text(copy, r.SubdistrictCode, ct);
            await Text(copy, r.DistrictCode, ct);
            await Text(copy, r.Postcode, ct);
            await Text(copy, r.Phone, ct);
            if (r.HasDisabilityCard is { } card) await copy.WriteAsync(card, NpgsqlDbType.Boolean, ct);
            else await copy.WriteNullAsync(ct);
            await copy.WriteAsync(r.Problems, NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    public static async Task RejectsAsync(SaphanDb db, IReadOnlyList<ImportReject> rejects, CancellationToken ct)
    {
        if (rejects.Count == 0) return;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(CopyCommand<ImportReject>(db, RejectProperties), ct);
        foreach (var r in rejects)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.ImportRunId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.Line, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.ReasonTh, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.ReasonEn, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Raw, NpgsqlDbType.Text, ct);
            await Text(copy, r.RecordKey, ct);
            await copy.WriteAsync(r.RowRejected, NpgsqlDbType.Boolean, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static ValueTask Text(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? new ValueTask(copy.WriteNullAsync(ct)) : new ValueTask(copy.WriteAsync(value, NpgsqlDbType.Text, ct));

    /// <summary>COPY table (columns…) FROM STDIN (FORMAT BINARY), checked against the model: every stored property but the key.</summary>
    internal static string CopyCommand<T>(SaphanDb db, string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var stored = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (!stored.SequenceEqual(properties.Order(StringComparer.Ordinal)))
            throw new InvalidOperationException($"The COPY of {typeof(T).Name} writes [{string.Join(", ", properties)}] but the model stores [{string.Join(", ", stored)}].");
        var columns = properties.Select(p => "\"" + entity.FindProperty(p)!.GetColumnName(table) + "\"");
        return $"COPY \"{table.Name}\" ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";
    }
}
