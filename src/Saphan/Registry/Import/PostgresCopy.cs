using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Saphan.Registry.Sources;
using Saphan.Storage;

namespace Saphan.Registry.Import;

/// <summary>
/// Binary COPY (<see cref="BulkCopy"/>) of new source-record versions and rejects into PostgreSQL, inside the batch's EF
/// transaction.
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
        await using var copy = await BulkCopy.BeginAsync(db, BulkCopy.Command<SourceRecord>(db, RecordProperties), ct);
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
            copy.Text(r.CitizenId?.Digits);
            copy.Text(r.OtherId);
            copy.Text(r.Title);
            copy.Text(r.GivenName);
            copy.Text(r.FamilyName);
            copy.Text(r.Nickname);
            copy.Write((int)r.Sex, NpgsqlDbType.Integer);
            if (r.BirthDate is { } born) copy.Write(born, NpgsqlDbType.Date);
            else copy.WriteNull();
            copy.Write((int)r.BirthDatePrecision, NpgsqlDbType.Integer);
            copy.Text(r.HouseNumber);
            copy.Text(r.Moo);
            copy.Text(r.Soi);
            copy.Text(r.Road);
            copy.Text(r.SubdistrictCode);
            copy.Text(r.DistrictCode);
            copy.Text(r.Postcode);
            copy.Text(r.Phone);
            if (r.HasDisabilityCard is { } card) copy.Write(card, NpgsqlDbType.Boolean);
            else copy.WriteNull();
            copy.Write(r.Problems, NpgsqlDbType.Text);
        }
        await copy.CompleteAsync(ct);
    }

    public static async Task RejectsAsync(SaphanDb db, IReadOnlyList<ImportReject> rejects, CancellationToken ct)
    {
        if (rejects.Count == 0) return;
        await using var copy = await BulkCopy.BeginAsync(db, BulkCopy.Command<ImportReject>(db, RejectProperties), ct);
        foreach (var r in rejects)
        {
            copy.StartRow();
            copy.Write(r.ImportRunId, NpgsqlDbType.Bigint);
            copy.Write(r.Line, NpgsqlDbType.Bigint);
            copy.Write(r.ReasonTh, NpgsqlDbType.Text);
            copy.Write(r.ReasonEn, NpgsqlDbType.Text);
            copy.Write(r.Raw, NpgsqlDbType.Text);
            copy.Text(r.RecordKey);
            copy.Write(r.RowRejected, NpgsqlDbType.Boolean);
        }
        await copy.CompleteAsync(ct);
    }
}
