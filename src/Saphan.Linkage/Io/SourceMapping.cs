using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Io;

/// <summary>
/// The mapping file of <c>saphan link</c>: for each agency file, its source name, encoding, date convention, and
/// which column holds which field. Column names are matched exactly (after trimming) against the header.
/// </summary>
public sealed record LinkageMapping
{
    public IReadOnlyList<SourceMapping> Sources { get; init; } = [];

    /// <summary>
    /// Where subdistrict and district names are matched to DOPA codes: a folder holding <c>bangkok_districts.csv</c> and
    /// <c>bangkok_subdistricts.csv</c> (relative to the mapping file), or "none" to compare place names as text
    /// (data from outside Bangkok, FEBRL). Absent: the caller's default (<c>saphan link</c>: the repository's data/geography).
    /// </summary>
    public string? Gazetteer { get; init; }

    /// <summary>The folder of the mapping file it was loaded from; relative paths in the mapping are resolved against it.</summary>
    [JsonIgnore]
    public string? BaseDirectory { get; init; }

    /// <summary>True when the mapping says "none": place names are compared as text whatever the caller's default.</summary>
    [JsonIgnore]
    public bool WithoutGazetteer => string.Equals(Gazetteer?.Trim(), "none", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of the gazetteer folder the mapping names; null when it names none (or says "none").</summary>
    [JsonIgnore]
    public string? GazetteerFolder => Gazetteer is null || WithoutGazetteer
        ? null
        : Path.GetFullPath(Gazetteer.Trim(), BaseDirectory ?? Directory.GetCurrentDirectory());

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static LinkageMapping Load(string path)
    {
        using var stream = File.OpenRead(path);
        var mapping = JsonSerializer.Deserialize<LinkageMapping>(stream, Json) ?? throw new InvalidDataException($"Empty mapping file {path}.");
        return mapping with { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) };
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json), new UTF8Encoding(false));

    /// <summary>The mapping for an input file: the one whose <see cref="SourceMapping.File"/> is the file's name, else the n-th.</summary>
    public SourceMapping? For(string filePath, int position)
    {
        var name = Path.GetFileName(filePath);
        var byName = Sources.FirstOrDefault(s => s.File is not null && string.Equals(Path.GetFileName(s.File), name, StringComparison.OrdinalIgnoreCase));
        if (byName is not null) return byName;
        return Sources.Any(s => s.File is not null) || position >= Sources.Count ? null : Sources[position];
    }
}

/// <summary>One agency file's description.</summary>
public sealed record SourceMapping
{
    /// <summary>The source (agency dataset) name written to the output, e.g. "bma-dusit".</summary>
    public required string Source { get; init; }

    /// <summary>The input file this mapping applies to (its file name); optional when files are given in mapping order.</summary>
    public string? File { get; init; }

    /// <summary>utf-8 (a BOM is accepted and skipped), utf-8-bom, tis-620, windows-874 (TIS-620 and Windows-874 are read alike).</summary>
    public string Encoding { get; init; } = "utf-8";

    public string Delimiter { get; init; } = ",";

    /// <summary>The separator character <see cref="Delimiter"/> names: "," by default, "tab" (or \t) for tab-separated files.</summary>
    public char Separator => SeparatorOf(Delimiter);

    /// <summary>
    /// The line (CSV) or row (Excel) that holds the column names, counting from 1. Agency files often put a title, a date and
    /// a blank line above the table; the lines above the header are not read, and rows keep their line numbers in the file.
    /// </summary>
    public int HeaderLine { get; init; } = 1;

    public static char SeparatorOf(string? delimiter) => delimiter switch { "\\t" or "\t" or "tab" => '\t', { Length: 1 } d => d[0], _ => ',' };

    /// <summary>thai (d/m/y, two-digit years BE), dmy-ce, mdy-ce. Four-digit years above 2400 are BE in every convention.</summary>
    public string DateConvention { get; init; } = "thai";

    /// <summary>The column holding the record's key within the source.</summary>
    public required string RecordId { get; init; }

    public ColumnMapping Columns { get; init; } = new();

    internal DateConvention ParsedDateConvention => DateConvention.ToLowerInvariant() switch
    {
        "thai" or "be" or "dmy-be" or "dmy" => Normalisation.DateConvention.Thai,
        "dmy-ce" or "ce" => Normalisation.DateConvention.DayMonthYearCe,
        "mdy-ce" or "mdy" => Normalisation.DateConvention.MonthDayYearCe,
        _ => throw new InvalidDataException($"Unknown date convention '{DateConvention}' for source {Source} (use thai, dmy-ce or mdy-ce)."),
    };

    internal Encoding ParsedEncoding => TextEncodings.Get(Encoding);
}

/// <summary>Header names of the columns holding each field; leave out what the file does not have.</summary>
public sealed record ColumnMapping
{
    public string? Title { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }

    /// <summary>Title, given and family name in one cell ("นางสาวสมหญิง ใจดี").</summary>
    public string? FullName { get; init; }

    public string? CitizenId { get; init; }
    public string? OtherId { get; init; }
    public string? Sex { get; init; }
    public string? BirthDate { get; init; }
    public string? HouseNumber { get; init; }
    public string? Moo { get; init; }
    public string? Soi { get; init; }
    public string? Road { get; init; }

    /// <summary>Subdistrict (แขวง) as a 6-digit code or a name.</summary>
    public string? Subdistrict { get; init; }

    /// <summary>District (เขต) as a 4-digit code or a name.</summary>
    public string? District { get; init; }

    public string? Postcode { get; init; }

    /// <summary>A whole address in one cell ("12/3 ม.4 ซ.สุขุมวิท 5 แขวงคลองเตย เขตคลองเตย 10110").</summary>
    public string? Address { get; init; }

    public string? Phone { get; init; }

    /// <summary>A nickname or street name (ชื่อเล่น). Not compared by the linkage engine; the registry keeps and searches it.</summary>
    public string? Nickname { get; init; }

    /// <summary>Whether the person holds a disability card (บัตรประจำตัวคนพิการ): yes/no in Thai or English. Registry only.</summary>
    public string? DisabilityCard { get; init; }

    internal IEnumerable<(string Field, string Column)> All()
    {
        (string, string?)[] all =
        [
            ("title", Title), ("givenName", GivenName), ("familyName", FamilyName), ("fullName", FullName), ("citizenId", CitizenId),
            ("otherId", OtherId), ("sex", Sex), ("birthDate", BirthDate), ("houseNumber", HouseNumber), ("moo", Moo), ("soi", Soi),
            ("road", Road), ("subdistrict", Subdistrict), ("district", District), ("postcode", Postcode), ("address", Address), ("phone", Phone),
        ];
        foreach (var (f, c) in all) if (c is not null) yield return (f, c);
    }
}

/// <summary>The encodings agency files come in. TIS-620 needs the code-pages provider, registered here once.</summary>
public static class TextEncodings
{
    static TextEncodings() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Get(string name) => name.Trim().ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => new UTF8Encoding(false),
        "utf-8-bom" or "utf8-bom" or "utf-8-sig" => new UTF8Encoding(true),
        "tis-620" or "tis620" or "windows-874" or "cp874" or "874" => Encoding.GetEncoding(874),
        _ => throw new InvalidDataException($"Unknown encoding '{name}' (use utf-8, utf-8-bom, tis-620 or windows-874)."),
    };

    /// <summary>Windows-874 (a superset of TIS-620), for writing TIS-620 files.</summary>
    public static Encoding Tis620 => Encoding.GetEncoding(874);

    public static bool IsThaiSingleByte(Encoding encoding) => encoding.CodePage == 874;
}
