using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;
using Saphan.Synthetic;

namespace Saphan.Linkage.Tests;

/// <summary>Small generated populations shared by tests (generated once per process: the generator is deterministic).</summary>
internal static class TestData
{
    private static readonly Lazy<(List<LinkRecord> Records, Dictionary<string, string> Truth)> small = new(() => Generate(3000, 3, 11));

    /// <summary>About 5,000 records of 3,000 people from three sources, with the default noise.</summary>
    public static List<LinkRecord> SmallRecords => small.Value.Records;

    /// <summary>"source\u001Frecord_id" → person id.</summary>
    public static Dictionary<string, string> SmallTruth => small.Value.Truth;

    public static (List<LinkRecord> Records, Dictionary<string, string> Truth) Generate(int people, int sources, int seed, NoiseOptions? noise = null)
    {
        var records = new List<LinkRecord>();
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (s, id, r) in AgencyFiles.Records(people, sources, seed, noise))
        {
            var record = ToLinkRecord(AgencyFiles.SourceName(s), id, r);
            records.Add(record);
            truth[Saphan.Linkage.Evaluation.PairwiseEvaluation.Key(record.Source, id)] = r.PersonId;
        }
        return (records, truth);
    }

    public static LinkRecord ToLinkRecord(string source, string id, NoisyRecord r) => r.ToLinkRecord(source, id);

    public static LinkRecord Person(string source, string id, string given, string family, string? citizenId, DateOnly? birth,
        Sex sex = Sex.Female, string house = "12/3", string subdistrict = "100101", string? phone = null) => new()
        {
            Source = source,
            RecordId = id,
            GivenName = given,
            FamilyName = family,
            CitizenId = citizenId is null ? null : CitizenId.Parse(citizenId),
            Sex = sex,
            BirthDate = birth is { } d ? PartialDate.From(d) : null,
            Address = new AddressParts { HouseNumber = house, SubdistrictCode = subdistrict, DistrictCode = subdistrict[..4] },
            Phone = phone,
        };

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "saphan-linkage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void WriteMapping(string dir, params SourceMapping[] sources) =>
        new LinkageMapping { Sources = sources }.Save(Path.Combine(dir, "mapping.json"));
}
