using System.Globalization;
using System.Text;
using Saphan.Linkage;
using Saphan.Linkage.Io;

namespace Saphan.Synthetic;

/// <summary>How an agency writes its file: header names, encoding, date format, one name cell or three.</summary>
public enum AgencyShape
{
    /// <summary>BMA district social-welfare export: UTF-8, English headers, ISO dates in CE, separate name columns.</summary>
    BmaDistrict,

    /// <summary>MSDHS older-persons register: TIS-620, Thai headers, d/m/yyyy in BE, full name and whole address in one cell each.</summary>
    OlderPersons,

    /// <summary>MSDHS disability register: UTF-8 with BOM, Thai month abbreviations and BE years, sex as 1/2.</summary>
    Disability,
}

/// <summary>The files written by <see cref="AgencyFiles.Write"/>.</summary>
public sealed record GeneratedFiles(IReadOnlyList<string> Files, string TruthFile, string MappingFile, long Records, int People);

/// <summary>
/// Writes a synthetic population as several agency-shaped CSV files, with a ground-truth file
/// (source, record_id, person_id) and the mapping file that <c>saphan link</c> needs to read them.
/// </summary>
public static class AgencyFiles
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static AgencyShape ShapeOf(int sourceIndex) => (AgencyShape)(sourceIndex % 3);

    public static string SourceName(int sourceIndex)
    {
        var baseName = ShapeOf(sourceIndex) switch
        {
            AgencyShape.BmaDistrict => "bma_district",
            AgencyShape.OlderPersons => "msdhs_older",
            _ => "msdhs_disability",
        };
        return sourceIndex < 3 ? baseName : baseName + "_" + (sourceIndex / 3 + 1).ToString(Invariant);
    }

    /// <summary>
    /// Every record of every source, in person order, deterministic in (seed, people, sources, noise).
    /// Source s's record ids are "&lt;prefix&gt;&lt;n&gt;" numbered in output order.
    /// </summary>
    public static IEnumerable<(int Source, string RecordId, NoisyRecord Record)> Records(int people, int sources, int seed, NoiseOptions? noise = null)
    {
        var model = new NoiseModel(noise);
        var population = new SyntheticPopulation(seed);
        var next = new long[sources];
        foreach (var person in population.People(people))
        {
            var rng = new DeterministicRandom(seed, 5_000_000_000L + long.Parse(person.PersonId.AsSpan(1), Invariant));
            for (var s = 0; s < sources; s++)
            {
                if (!rng.Chance(model.Options.Coverage)) continue;
                var copies = rng.Chance(model.Options.DuplicateInSource) ? 2 : 1;
                for (var c = 0; c < copies; c++)
                {
                    var id = Prefix(s) + (++next[s]).ToString("0000000", Invariant);
                    yield return (s, id, model.Apply(person, rng));
                }
            }
        }
    }

    /// <summary>Writes the files into <paramref name="outDir"/> and returns their paths.</summary>
    public static GeneratedFiles Write(string outDir, int people, int sources, int seed, NoiseOptions? noise = null)
    {
        Directory.CreateDirectory(outDir);
        var writers = new CsvOut[sources];
        var paths = new string[sources];
        var mappings = new SourceMapping[sources];
        for (var s = 0; s < sources; s++)
        {
            var shape = ShapeOf(s);
            paths[s] = Path.Combine(outDir, SourceName(s) + ".csv");
            writers[s] = new CsvOut(paths[s], shape switch
            {
                AgencyShape.OlderPersons => TextEncodings.Tis620,
                AgencyShape.Disability => new UTF8Encoding(true),
                _ => new UTF8Encoding(false),
            });
            writers[s].Line(Header(shape));
            mappings[s] = Mapping(s, Path.GetFileName(paths[s]));
        }
        var truthPath = Path.Combine(outDir, "truth.csv");
        long records = 0;
        using (var truth = new CsvOut(truthPath))
        {
            truth.Line("source", "record_id", "person_id");
            foreach (var (s, id, r) in Records(people, sources, seed, noise))
            {
                writers[s].Line(Row(ShapeOf(s), id, r));
                truth.Line(SourceName(s), id, r.PersonId);
                records++;
            }
        }
        foreach (var w in writers) w.Dispose();
        var mappingPath = Path.Combine(outDir, "mapping.json");
        new LinkageMapping { Sources = mappings }.Save(mappingPath);
        return new GeneratedFiles(paths, truthPath, mappingPath, records, people);
    }

    /// <summary>The mapping entry that reads source <paramref name="sourceIndex"/>'s file.</summary>
    public static SourceMapping Mapping(int sourceIndex, string file) => ShapeOf(sourceIndex) switch
    {
        AgencyShape.BmaDistrict => new SourceMapping
        {
            Source = SourceName(sourceIndex), File = file, Encoding = "utf-8", DateConvention = "dmy-ce", RecordId = "case_no",
            Columns = new ColumnMapping
            {
                Title = "prefix", GivenName = "first_name", FamilyName = "last_name", CitizenId = "citizen_id", Sex = "gender",
                BirthDate = "dob", HouseNumber = "house_no", Soi = "soi", Road = "road", Subdistrict = "khwaeng", District = "khet", Phone = "mobile",
            },
        },
        AgencyShape.OlderPersons => new SourceMapping
        {
            Source = SourceName(sourceIndex), File = file, Encoding = "tis-620", DateConvention = "thai", RecordId = "เลขที่ทะเบียน",
            Columns = new ColumnMapping { FullName = "ชื่อ-สกุล", CitizenId = "เลขประจำตัวประชาชน", Sex = "เพศ", BirthDate = "วันเกิด", Address = "ที่อยู่", Phone = "โทรศัพท์" },
        },
        _ => new SourceMapping
        {
            Source = SourceName(sourceIndex), File = file, Encoding = "utf-8-bom", DateConvention = "thai", RecordId = "ref",
            Columns = new ColumnMapping
            {
                Title = "คำนำหน้า", GivenName = "ชื่อ", FamilyName = "นามสกุล", CitizenId = "pid", Sex = "sex", BirthDate = "birth_date",
                HouseNumber = "บ้านเลขที่", Subdistrict = "แขวง", District = "เขต", Phone = "phone",
            },
        },
    };

    private static string Prefix(int s) => ShapeOf(s) switch
    {
        AgencyShape.BmaDistrict => "B",
        AgencyShape.OlderPersons => "E",
        _ => "D",
    } + (s < 3 ? "" : (s / 3 + 1).ToString(Invariant));

    private static string[] Header(AgencyShape shape) => shape switch
    {
        AgencyShape.BmaDistrict => ["case_no", "prefix", "first_name", "last_name", "citizen_id", "gender", "dob", "house_no", "soi", "road", "khwaeng", "khet", "mobile"],
        AgencyShape.OlderPersons => ["เลขที่ทะเบียน", "ชื่อ-สกุล", "เลขประจำตัวประชาชน", "เพศ", "วันเกิด", "ที่อยู่", "โทรศัพท์"],
        _ => ["ref", "คำนำหน้า", "ชื่อ", "นามสกุล", "pid", "sex", "birth_date", "บ้านเลขที่", "แขวง", "เขต", "phone"],
    };

    private static string?[] Row(AgencyShape shape, string id, NoisyRecord r) => shape switch
    {
        AgencyShape.BmaDistrict =>
        [
            id, r.Title, r.GivenName, r.FamilyName, r.CitizenId is null ? null : Dashed(r.CitizenId),
            r.Sex == Sex.Male ? "M" : "F", Date(r, buddhist: false, iso: true), r.Address.HouseNumber, r.Address.Soi, r.Address.Road,
            r.Address.Subdistrict.Name, r.Address.Subdistrict.DistrictName, r.Phone,
        ],
        AgencyShape.OlderPersons =>
        [
            id, (r.Title ?? "") + r.GivenName + " " + r.FamilyName, r.CitizenId, r.Sex == Sex.Male ? "ชาย" : "หญิง",
            Date(r, buddhist: true, iso: false), r.Address.OneLine, r.Phone is null ? null : Dashed(r.Phone),
        ],
        _ =>
        [
            id, r.Title, r.GivenName, r.FamilyName, r.CitizenId, r.Sex == Sex.Male ? "1" : "2", ThaiMonthDate(r),
            r.Address.HouseNumber, "แขวง" + r.Address.Subdistrict.Name, "เขต" + r.Address.Subdistrict.DistrictName, r.Phone,
        ],
    };

    private static string Dashed(string digits) => digits.Length == 13
        ? $"{digits[0]}-{digits[1..5]}-{digits[5..10]}-{digits[10..12]}-{digits[12]}"
        : digits.Length == 10 ? $"{digits[..3]}-{digits[3..6]}-{digits[6..]}" : digits;

    private static int Year(NoisyRecord r, bool buddhist)
    {
        var d = r.BirthDate!.Value;
        // Era confusion: the other era's year in this column (the reader's "> 2400 is BE" rule should undo it).
        return buddhist ^ r.WrongEra ? d.Year + 543 : d.Year;
    }

    private static string? Date(NoisyRecord r, bool buddhist, bool iso)
    {
        if (r.BirthDate is not { } d) return null;
        var y = Year(r, buddhist).ToString("0000", Invariant);
        if (r.YearOnly) return y;
        var (day, month) = r.DayMonthSwapped ? (d.Month, d.Day) : (d.Day, d.Month);
        return iso ? $"{y}-{month:00}-{day:00}" : $"{day}/{month}/{y}";
    }

    private static readonly string[] MonthAbbreviations = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];

    private static string? ThaiMonthDate(NoisyRecord r)
    {
        if (r.BirthDate is not { } d) return null;
        var y = Year(r, buddhist: true).ToString("0000", Invariant);
        if (r.YearOnly) return y;
        // With a month name there is no day/month ambiguity; a swap here writes the month's day as the day.
        var (day, month) = r.DayMonthSwapped ? (d.Month, d.Day) : (d.Day, d.Month);
        return $"{day} {MonthAbbreviations[month - 1]} {y}";
    }
}
