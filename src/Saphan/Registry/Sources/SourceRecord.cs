using Saphan.Linkage;
using Saphan.Linkage.Normalisation;

namespace Saphan.Registry.Sources;

/// <summary>
/// One version of one agency record (ข้อมูลต้นทาง), exactly as imported: the raw row, what was read from it, and where it
/// came from (file, line, time, who). Never changed or deleted: a later file's change to the same record adds a version.
/// </summary>
public sealed class SourceRecord
{
    private SourceRecord() { }

    public long Id { get; private set; }
    public int SourceId { get; private set; }

    /// <summary>The record's key within its source (the agency's own ID for the row).</summary>
    public string RecordKey { get; private set; } = "";

    public int Version { get; private set; }

    /// <summary>SHA-256 of the raw row's content (hex); an identical row re-imported is recognised as unchanged.</summary>
    public string ContentHash { get; private set; } = "";

    /// <summary>The row as given, column name → text (JSON).</summary>
    public string RawJson { get; private set; } = "";

    public long ImportRunId { get; private set; }
    public string FileName { get; private set; } = "";
    public long Line { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }
    public string ImportedBy { get; private set; } = "";

    // What was read from the row (normalised), for linkage, search and "which source said what".
    public CitizenId? CitizenId { get; private set; }
    public string? OtherId { get; private set; }
    public string? Title { get; private set; }
    public string? GivenName { get; private set; }
    public string? FamilyName { get; private set; }
    public string? Nickname { get; private set; }
    public Sex Sex { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public DatePrecision BirthDatePrecision { get; private set; }
    public string? HouseNumber { get; private set; }
    public string? Moo { get; private set; }
    public string? Soi { get; private set; }
    public string? Road { get; private set; }
    public string? SubdistrictCode { get; private set; }
    public string? DistrictCode { get; private set; }
    public string? Postcode { get; private set; }
    public string? Phone { get; private set; }
    public bool? HasDisabilityCard { get; private set; }

    /// <summary>
    /// Problems found when reading the row (kept, not fatal), as "field:code" separated by ';'. Saphan's own entries add
    /// notes in the same form: a correction's reason, and the fields it corrects (<see cref="Corrects"/>).
    /// </summary>
    public string Problems { get; private set; } = "";

    /// <summary>The note a PDPA correction (s.35) records for each field it states, e.g. "birthDate:corrected".</summary>
    public static string CorrectedNote(string field) => field + ":corrected";

    /// <summary>
    /// Whether this record is a correction the data subject asked for that states <paramref name="field"/>
    /// (a <see cref="Linkage.Normalisation.FieldNames"/> name). The normaliser never writes such a note, so an agency row cannot claim it.
    /// </summary>
    public bool Corrects(string field) => Problems.Split(';').Contains(CorrectedNote(field), StringComparer.Ordinal);

    public static SourceRecord Create(int sourceId, string recordKey, int version, string contentHash, string rawJson, LinkRecord read,
        string? nickname, bool? hasDisabilityCard, IEnumerable<string> problems, long importRunId, string fileName, long line, DateTimeOffset importedAt, string importedBy)
    {
        var birth = read.BirthDate;
        return new SourceRecord
        {
            SourceId = sourceId, RecordKey = recordKey, Version = version, ContentHash = contentHash, RawJson = rawJson,
            ImportRunId = importRunId, FileName = fileName, Line = line, ImportedAt = importedAt, ImportedBy = importedBy,
            CitizenId = read.CitizenId, OtherId = read.OtherId, Title = read.Title, GivenName = read.GivenName, FamilyName = read.FamilyName,
            Nickname = nickname, Sex = read.Sex,
            // A partial date is stored as its first day with its precision, so that it can be compared and shown honestly.
            BirthDate = birth is { } b ? new DateOnly(b.Year, b.Month ?? 1, b.Day ?? 1) : null,
            BirthDatePrecision = birth?.Precision ?? DatePrecision.Day,
            HouseNumber = read.Address?.HouseNumber, Moo = read.Address?.Moo, Soi = read.Address?.Soi, Road = read.Address?.Road,
            SubdistrictCode = read.Address?.SubdistrictCode, DistrictCode = read.Address?.DistrictCode ?? read.Address?.SubdistrictCode?[..4],
            Postcode = read.Address?.Postcode, Phone = read.Phone, HasDisabilityCard = hasDisabilityCard,
            Problems = string.Join(';', problems),
        };
    }

    /// <summary>The record as the linkage engine compares it.</summary>
    public LinkRecord ToLinkRecord(string sourceCode) => new()
    {
        Source = sourceCode,
        RecordId = RecordKey,
        CitizenId = CitizenId,
        OtherId = OtherId,
        Title = Title,
        GivenName = GivenName,
        FamilyName = FamilyName,
        Sex = Sex,
        BirthDate = BirthDate is { } d ? PartialDate.From(d, BirthDatePrecision) : null,
        Address = new AddressParts
        {
            HouseNumber = HouseNumber, Moo = Moo, Soi = Soi, Road = Road, SubdistrictCode = SubdistrictCode, DistrictCode = DistrictCode, Postcode = Postcode,
        },
        Phone = Phone,
    };
}
