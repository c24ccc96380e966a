using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Saphan.Linkage;
using Saphan.Registry.Sources;
using Saphan.Storage;

namespace Saphan.Registry.Registration;

/// <summary>
/// Records that Saphan's own users enter (a person registered at the district office or met in the field, a PDPA
/// correction) are agency records like imported ones: they belong to a source of Saphan's, keep who entered them and when,
/// and go through the same linkage. Registering a source and an "import run" of one row keeps every record's provenance alike.
/// </summary>
internal static class SaphanEntries
{
    public sealed record SourceDefinition(string Code, string NameTh, string NameEn, string Holds, string Purpose, LegalBasis Basis, string BasisNote);

    public static async Task<SourceRecord> AddAsync(SaphanDb db, SourceDefinition definition, string key, string rawJson, LinkRecord read,
        string? nickname, IEnumerable<string> notes, string by, DateTimeOffset now, CancellationToken ct)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Code == definition.Code, ct);
        if (source is null)
        {
            db.Sources.Add(source = Source.Register(definition.Code, definition.NameTh, definition.NameEn, "สะพาน (กทม. – พม.)", definition.Holds,
                definition.Purpose, definition.Basis, definition.BasisNote, "steward", now));
            await db.SaveChangesAsync(ct);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawJson)));
        var run = ImportRun.Start(source.Id, definition.Code, hash, "utf-8", "{}", by, now);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var record = SourceRecord.Create(source.Id, key, 1, hash, rawJson, read, nickname, null, notes,
            run.Id, definition.Code, 1, now, by);
        db.SourceRecords.Add(record);
        run.Commit(1, 1, 1, 0, 0, 0);
        run.Complete(now);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
