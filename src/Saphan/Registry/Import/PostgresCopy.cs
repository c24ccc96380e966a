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
/// Values are written synchronously: Npgsql buffers them and touches the socket only every few kilobytes, and awaiting
/// thirty values a row cost more than the writing.
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
            copy.StartRow();
            copy.Write(r.SourceId, NpgsqlDbType.Integer);
            copy.Write(r.RecordKey, NpgsqlDbType.Text);
            copy.Write(r.Version, NpgsqlDbType.Integer);
            copy.Write(r.ContentHash, NpgsqlDbType.Text);
            copy.Write(r.RawJson, NpgsqlDbType.Text);
            copy.Write(r.ImportRunId, NpgsqlDbType.Bigint);
            copy.Write(r.FileName, NpgsqlDbType.Text);
            copy.Write(r.Line, NpgsqlDbType.Bigint);
            copy.Write(r.ImportedAt, NpgsqlDbType.TimestampTz);
            copy.Write(r.ImportedBy, NpgsqlDbType.Text);
            Text(copy, r.CitizenId?.Digits);
            Text(copy, r.OtherId);
            Text(copy, r.Title);
            Text(copy, r.GivenName);
            Text(copy, r.FamilyName);
            Text(copy, r.Nickname);
            copy.Write((int)r.Sex, NpgsqlDbType.Integer);
            if (r.BirthDate is { } born) copy.Write(born, NpgsqlDbType.Date);
            else copy.WriteNull();
            copy.Write((int)r.BirthDatePrecision, NpgsqlDbType.Integer);
            Text(copy, r.HouseNumber);
            Text(copy, r.Moo);
            Text(copy, r.Soi);
            Text(copy, r.Road);
            Text(copy, r.SubdistrictCode);
            Text(copy, r.DistrictCode);
            Text(copy, r.Postcode);
            Text(copy, r.Phone);
            if (r.HasDisabilityCard is { } card) copy.Write(card, NpgsqlDbType.Boolean);
            else copy.WriteNull();
            copy.Write(r.Problems, NpgsqlDbType.Text);
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
            copy.StartRow();
            copy.Write(r.ImportRunId, NpgsqlDbType.Bigint);
            copy.Write(r.Line, NpgsqlDbType.Bigint);
            copy.Write(r.ReasonTh, NpgsqlDbType.Text);
            copy.Write(r.ReasonEn, NpgsqlDbType.Text);
            copy.Write(r.Raw, NpgsqlDbType.Text);
            Text(copy, r.RecordKey);
            copy.Write(r.RowRejected, NpgsqlDbType.Boolean);
        }
        await copy.CompleteAsync(ct);
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

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
