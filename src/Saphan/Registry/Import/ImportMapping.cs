using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;

namespace Saphan.Registry.Import;

/// <summary>
/// The column mapping of an import: the linkage library's <see cref="SourceMapping"/> (record key column, field columns,
/// date convention, delimiter), stored as JSON on the run and as the source's profile, and guessed from header names.
/// </summary>
public static class ImportMapping
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The fields a column can be mapped to, in the order the wizard shows them.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "recordId", "title", "givenName", "familyName", "fullName", "citizenId", "otherId", "sex", "birthDate",
        "houseNumber", "moo", "soi", "road", "subdistrict", "district", "postcode", "address", "phone", "nickname", "disabilityCard",
    ];

    public static string ToJson(SourceMapping mapping) => JsonSerializer.Serialize(mapping, Json);

    public static SourceMapping FromJson(string json) =>
        JsonSerializer.Deserialize<SourceMapping>(json, Json) ?? throw new InvalidDataException("empty mapping");

    /// <summary>
    /// Reads a mapping file for <c>saphan import</c>: one source's mapping, or the mapping file of <c>saphan link</c> /
    /// <c>saphan generate</c> (a list of sources), from which the entry for <paramref name="dataFile"/> is taken.
    /// </summary>
    public static SourceMapping Load(string path, string dataFile, string sourceCode)
    {
        var json = File.ReadAllText(path, Encoding.UTF8);
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        SourceMapping? mapping;
        if (doc.RootElement.TryGetProperty("sources", out _) || doc.RootElement.TryGetProperty("Sources", out _))
        {
            var all = JsonSerializer.Deserialize<LinkageMapping>(json, Json) ?? new LinkageMapping();
            mapping = all.For(dataFile, 0) ?? (all.Sources.Count == 1 ? all.Sources[0] : null);
            if (mapping is null) throw new InvalidDataException($"no entry for {Path.GetFileName(dataFile)} in {path}");
        }
        else
        {
            mapping = JsonSerializer.Deserialize<SourceMapping>(json, Json);
        }
        return (mapping ?? throw new InvalidDataException($"empty mapping file {path}")) with { Source = sourceCode };
    }

    public static string? Column(SourceMapping mapping, string field)
    {
        var c = mapping.Columns;
        return field switch
        {
            "recordId" => mapping.RecordId is { Length: > 0 } r ? r : null,
            "title" => c.Title, "givenName" => c.GivenName, "familyName" => c.FamilyName, "fullName" => c.FullName,
            "citizenId" => c.CitizenId, "otherId" => c.OtherId, "sex" => c.Sex, "birthDate" => c.BirthDate,
            "houseNumber" => c.HouseNumber, "moo" => c.Moo, "soi" => c.Soi, "road" => c.Road, "subdistrict" => c.Subdistrict,
            "district" => c.District, "postcode" => c.Postcode, "address" => c.Address, "phone" => c.Phone,
            "nickname" => c.Nickname, "disabilityCard" => c.DisabilityCard,
            _ => throw new ArgumentException($"unknown field {field}", nameof(field)),
        };
    }

    public static SourceMapping WithColumn(SourceMapping mapping, string field, string? column)
    {
        column = string.IsNullOrWhiteSpace(column) ? null : column;
        var c = mapping.Columns;
        return field switch
        {
            "recordId" => mapping with { RecordId = column ?? "" },
            "title" => mapping with { Columns = c with { Title = column } },
            "givenName" => mapping with { Columns = c with { GivenName = column } },
            "familyName" => mapping with { Columns = c with { FamilyName = column } },
            "fullName" => mapping with { Columns = c with { FullName = column } },
            "citizenId" => mapping with { Columns = c with { CitizenId = column } },
            "otherId" => mapping with { Columns = c with { OtherId = column } },
            "sex" => mapping with { Columns = c with { Sex = column } },
            "birthDate" => mapping with { Columns = c with { BirthDate = column } },
            "houseNumber" => mapping with { Columns = c with { HouseNumber = column } },
            "moo" => mapping with { Columns = c with { Moo = column } },
            "soi" => mapping with { Columns = c with { Soi = column } },
            "road" => mapping with { Columns = c with { Road = column } },
            "subdistrict" => mapping with { Columns = c with { Subdistrict = column } },
            "district" => mapping with { Columns = c with { District = column } },
            "postcode" => mapping with { Columns = c with { Postcode = column } },
            "address" => mapping with { Columns = c with { Address = column } },
            "phone" => mapping with { Columns = c with { Phone = column } },
            "nickname" => mapping with { Columns = c with { Nickname = column } },
            "disabilityCard" => mapping with { Columns = c with { DisabilityCard = column } },
            _ => throw new ArgumentException($"unknown field {field}", nameof(field)),
        };
    }

    public static DateConvention DateConventionOf(SourceMapping mapping) => mapping.DateConvention.Trim().ToLowerInvariant() switch
    {
        "thai" or "be" or "dmy-be" or "dmy" or "" => DateConvention.Thai,
        "dmy-ce" or "ce" => DateConvention.DayMonthYearCe,
        "mdy-ce" or "mdy" => DateConvention.MonthDayYearCe,
        _ => throw new ImportRefusedException(new ImportProblem($"ไม่รู้จักรูปแบบวันที่ '{mapping.DateConvention}' (ใช้ thai, dmy-ce หรือ mdy-ce)",
            $"unknown date convention '{mapping.DateConvention}' (use thai, dmy-ce or mdy-ce)")),
    };

    // Header words agencies use, compared after lower-casing and dropping spaces, '_', '-', '.' and '/'.
    private static readonly (string Field, string[] Names)[] Synonyms =
    [
        ("recordId", ["เลขที่ทะเบียน", "รหัสทะเบียน", "เลขทะเบียน", "รหัส", "รหัสผู้รับ", "รหัสบุคคล", "เลขที่", "ref", "id", "recordid", "caseno", "caseid", "regno", "registerno", "key"]),
        ("fullName", ["ชื่อสกุล", "ชื่อนามสกุล", "ชื่อและนามสกุล", "ชื่อ-สกุล", "fullname", "name"]),
        ("title", ["คำนำหน้า", "คำนำหน้าชื่อ", "คำนำ", "prefix", "title"]),
        ("givenName", ["ชื่อ", "ชื่อจริง", "firstname", "givenname", "fname"]),
        ("familyName", ["นามสกุล", "สกุล", "lastname", "surname", "familyname", "lname"]),
        ("citizenId", ["เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "เลขบัตรประจำตัวประชาชน", "เลขประจำตัว13หลัก", "เลขบัตร", "citizenid", "nationalid", "pid", "cid", "idcard", "idno"]),
        ("otherId", ["เลขหนังสือเดินทาง", "หนังสือเดินทาง", "เลขประจำตัวอื่น", "passport", "passportno", "otherid"]),
        ("sex", ["เพศ", "sex", "gender"]),
        ("birthDate", ["วันเกิด", "วันเดือนปีเกิด", "วดปเกิด", "วันที่เกิด", "dob", "birthdate", "dateofbirth", "birthday"]),
        ("houseNumber", ["บ้านเลขที่", "เลขที่บ้าน", "houseno", "housenumber"]),
        ("moo", ["หมู่", "หมู่ที่", "moo"]),
        ("soi", ["ซอย", "soi", "lane"]),
        ("road", ["ถนน", "road", "street"]),
        ("subdistrict", ["แขวง", "ตำบล", "แขวงตำบล", "khwaeng", "subdistrict", "tambon"]),
        ("district", ["เขต", "อำเภอ", "เขตอำเภอ", "khet", "district", "amphoe"]),
        ("postcode", ["รหัสไปรษณีย์", "postcode", "zipcode", "zip", "postalcode"]),
        ("address", ["ที่อยู่", "ที่อยู่ปัจจุบัน", "ที่อยู่ตามทะเบียนบ้าน", "address"]),
        ("phone", ["โทรศัพท์", "เบอร์โทร", "เบอร์โทรศัพท์", "โทร", "หมายเลขโทรศัพท์", "มือถือ", "mobile", "phone", "tel", "telephone"]),
        ("nickname", ["ชื่อเล่น", "ชื่อที่ใช้เรียก", "ฉายา", "nickname", "nick", "alias", "aka"]),
        ("disabilityCard", ["บัตรคนพิการ", "มีบัตรคนพิการ", "บัตรประจำตัวคนพิการ", "บัตรผู้พิการ", "disabilitycard", "disabled", "disability"]),
    ];

    /// <summary>
    /// A mapping for <paramref name="header"/>: the source's saved profile where its columns are all in this header,
    /// otherwise each field guessed from the header names (exact synonym first, then a header containing a synonym).
    /// A full-name column is only used when there are no separate name columns.
    /// </summary>
    public static SourceMapping Guess(string sourceCode, IReadOnlyList<string> header, string? savedProfile)
    {
        if (savedProfile is { Length: > 0 })
        {
            try
            {
                var saved = FromJson(savedProfile) with { Source = sourceCode };
                if (Fields.All(f => Column(saved, f) is not { } col || header.Contains(col, StringComparer.Ordinal))) return saved;
            }
            catch (JsonException)
            {
                // A damaged profile is ignored; the guess below replaces it when this import completes.
            }
        }
        var mapping = new SourceMapping { Source = sourceCode, RecordId = "" };
        var used = new HashSet<int>();
        var keys = header.Select(Key).ToArray();
        foreach (var (field, names) in Synonyms)
        {
            var i = Array.FindIndex(keys, k => names.Contains(k, StringComparer.Ordinal));
            if (i < 0 || !used.Add(i)) continue;
            mapping = WithColumn(mapping, field, header[i]);
        }
        // Then headers that contain a synonym ("วันเกิด (พ.ศ.)"): the longest synonym decides, so that
        // "รหัสไปรษณีย์ผู้รับ" is a postcode and not a record key because it contains "รหัส".
        for (var i = 0; i < keys.Length; i++)
        {
            if (used.Contains(i)) continue;
            var best = Synonyms
                .Where(s => Column(mapping, s.Field) is null)
                .SelectMany(s => s.Names.Where(n => n.Length >= 3 && keys[i].Contains(n, StringComparison.Ordinal)).Select(n => (s.Field, n.Length)))
                .OrderByDescending(x => x.Length)
                .FirstOrDefault();
            if (best.Field is null) continue;
            mapping = WithColumn(mapping, best.Field, header[i]);
            used.Add(i);
        }
        if (mapping.Columns.FullName is not null && (mapping.Columns.GivenName is not null || mapping.Columns.FamilyName is not null))
            mapping = WithColumn(mapping, "fullName", null);
        return mapping;
    }

    private static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in ThaiText.Normalise(name).ToLowerInvariant())
            if (c is not (' ' or '_' or '-' or '.' or '/' or '(' or ')' or ':')) sb.Append(c);
        return sb.ToString();
    }
}
