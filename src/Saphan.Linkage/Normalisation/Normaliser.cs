namespace Saphan.Linkage.Normalisation;

/// <summary>The raw text of one source record's fields, as read from a file or a form. Null or blank means absent.</summary>
public sealed record RawPerson
{
    public required string Source { get; init; }
    public required string RecordId { get; init; }
    public string? CitizenId { get; init; }
    public string? OtherId { get; init; }
    public string? Title { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }

    /// <summary>A whole name in one cell, used when neither given nor family name is given.</summary>
    public string? FullName { get; init; }

    public string? Sex { get; init; }
    public string? BirthDate { get; init; }

    /// <summary>A whole address in one cell; the separate address fields below win over what is parsed from it.</summary>
    public string? Address { get; init; }

    public string? HouseNumber { get; init; }
    public string? Moo { get; init; }
    public string? Soi { get; init; }
    public string? Road { get; init; }

    /// <summary>แขวง: a name (with or without the prefix) or a 6-digit code.</summary>
    public string? Subdistrict { get; init; }

    /// <summary>เขต: a name (with or without the prefix) or a 4-digit code.</summary>
    public string? District { get; init; }

    public string? Postcode { get; init; }
    public string? Phone { get; init; }
}

/// <summary>What became of a field with a problem.</summary>
public enum FieldProblemSeverity
{
    /// <summary>The value is kept for linkage but is doubtful (a bad check digit, a title that contradicts the sex).</summary>
    Flagged,

    /// <summary>The value could not be used and the field is left empty (an impossible date, a phone number with letters).</summary>
    Dropped,

    /// <summary>The record has nothing to link on; the caller should reject it.</summary>
    Rejected,
}

/// <summary>
/// One problem found in one field, with a stable code (e.g. "birthDate.monthOutOfRange") and messages for officers in Thai and English.
/// </summary>
public sealed record FieldProblem(string Field, string Code, string MessageTh, string MessageEn)
{
    public FieldProblemSeverity Severity { get; init; } = FieldProblemSeverity.Flagged;

    /// <summary>The offending raw value, shortened to 40 characters.</summary>
    public string? Value { get; init; }
}

/// <summary>A normalised record and the problems found on the way.</summary>
public sealed record NormalisedRecord(LinkRecord Record, IReadOnlyList<FieldProblem> Problems)
{
    /// <summary>False when the record has no name and no identifier: nothing to link on.</summary>
    public bool IsLinkable
    {
        get
        {
            foreach (var p in Problems)
            {
                if (p.Severity == FieldProblemSeverity.Rejected) return false;
            }
            return true;
        }
    }
}

/// <summary>
/// The entry point from raw field strings to a <see cref="LinkRecord"/>: names and titles, citizen and other IDs, sex, date of birth,
/// address (matched to the gazetteer when one is given) and phone. A bad field never loses the record; it is reported
/// as a <see cref="FieldProblem"/> and, when unusable, left out. Thread-safe; one instance serves a whole file.
/// </summary>
public sealed class Normaliser
{
    private readonly DateConvention convention;
    private readonly Gazetteer? gazetteer;
    private readonly DateOnly? today;

    /// <param name="convention">How the source writes dates; <see cref="DateConvention.Thai"/> when null.</param>
    /// <param name="gazetteer">Districts and subdistricts for DOPA codes; without it addresses keep no codes.</param>
    /// <param name="today">When given, birth dates after it are dropped and ages over 120 flagged.</param>
    public Normaliser(DateConvention? convention = null, Gazetteer? gazetteer = null, DateOnly? today = null)
    {
        this.convention = convention ?? DateConvention.Thai;
        this.gazetteer = gazetteer;
        this.today = today;
    }

    public NormalisedRecord Normalise(RawPerson raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var problems = new List<FieldProblem>();

        var name = ParseName(raw, problems);
        var (citizenId, otherId) = ParseIds(raw, problems);
        var sex = ParseSexField(raw.Sex, name.SexHint, problems);
        var birthDate = ParseBirthDate(raw.BirthDate, problems);
        var address = ParseAddress(raw, problems);
        var phone = ParsePhone(raw.Phone, problems);

        // An ID that is not 13 digits is kept for the officer but never compared, so it is nothing to link on.
        if (name.GivenName is null && name.FamilyName is null && citizenId is not { Digits.Length: 13 } && otherId is null)
        {
            problems.Add(new FieldProblem(FieldNames.Record, "record.noIdentity",
                "ไม่มีชื่อและไม่มีเลขประจำตัว จึงจับคู่ไม่ได้", "no name and no identifier: nothing to link on")
            { Severity = FieldProblemSeverity.Rejected });
        }

        var record = new LinkRecord
        {
            Source = raw.Source,
            RecordId = raw.RecordId,
            CitizenId = citizenId,
            OtherId = otherId,
            Title = name.Title,
            GivenName = name.GivenName,
            FamilyName = name.FamilyName,
            Sex = sex,
            BirthDate = birthDate,
            Address = address,
            Phone = phone,
        };
        return new NormalisedRecord(record, problems);
    }

    /// <summary>
    /// ชาย/หญิง, ช/ญ, เพศชาย, ผู้หญิง, M/F, male/female, 1/2 (DOPA codes). Blank, "-", ไม่ระบุ, unknown, U give Unknown and are recognised;
    /// anything else is Unknown and not recognised.
    /// </summary>
    public static Sex ParseSex(string? text, out bool recognised)
    {
        recognised = true;
        if (string.IsNullOrWhiteSpace(text)) return Sex.Unknown;
        var t = ThaiText.Normalise(text).Trim('.', ' ').ToLowerInvariant();
        switch (t)
        {
            case "ชาย" or "ช" or "เพศชาย" or "ผู้ชาย" or "m" or "male" or "1" or "man" or "boy":
                return Sex.Male;
            case "หญิง" or "ญ" or "เพศหญิง" or "ผู้หญิง" or "f" or "female" or "2" or "woman" or "girl":
                return Sex.Female;
            case "" or "-" or "ไม่ระบุ" or "ไม่ทราบ" or "unknown" or "u" or "0" or "9" or "n/a":
                return Sex.Unknown;
            default:
                recognised = false;
                return Sex.Unknown;
        }
    }

    private static PersonName ParseName(RawPerson raw, List<FieldProblem> problems)
    {
        var split = !string.IsNullOrWhiteSpace(raw.GivenName) || !string.IsNullOrWhiteSpace(raw.FamilyName);
        var fromColumns = split || string.IsNullOrWhiteSpace(raw.FullName);
        var name = fromColumns
            ? ThaiName.Parse(raw.Title, raw.GivenName, raw.FamilyName)
            : ThaiName.Parse(raw.Title is { Length: > 0 } title ? title + " " + raw.FullName : raw.FullName!);

        if (name.GivenName is null && name.FamilyName is null)
        {
            var hadText = !string.IsNullOrWhiteSpace(raw.GivenName) || !string.IsNullOrWhiteSpace(raw.FamilyName) || !string.IsNullOrWhiteSpace(raw.FullName);
            problems.Add(new FieldProblem(FieldNames.Name, "name.missing",
                hadText ? "มีแต่คำนำหน้า ไม่มีชื่อ" : "ไม่มีชื่อ-นามสกุล",
                hadText ? "a title but no name" : "no name")
            { Value = Shorten(raw.FullName ?? raw.GivenName) });
        }
        else if (name.FamilyName is null)
        {
            problems.Add(new FieldProblem(FieldNames.FamilyName, "name.familyMissing", "ไม่มีนามสกุล", "no family name"));
        }
        if (HasDigit(name.GivenName) || HasDigit(name.FamilyName))
        {
            problems.Add(new FieldProblem(FieldNames.Name, "name.hasDigits", "ชื่อหรือนามสกุลมีตัวเลข", "the name contains digits")
            { Value = Shorten(name.GivenName + " " + name.FamilyName) });
        }
        if (fromColumns ? name.HasUnknownTitle : !string.IsNullOrWhiteSpace(raw.Title) && !ThaiTitle.TryParse(raw.Title, out _))
        {
            problems.Add(new FieldProblem(FieldNames.Title, "title.unknown", "ไม่รู้จักคำนำหน้านี้ (เก็บไว้ตามที่เขียน)", "unknown title (kept as written)")
            { Value = Shorten(raw.Title) });
        }
        return name;
    }

    private static (CitizenId? CitizenId, string? OtherId) ParseIds(RawPerson raw, List<FieldProblem> problems)
    {
        CitizenId? citizenId = null;
        string? otherId = null;

        if (!string.IsNullOrWhiteSpace(raw.OtherId))
        {
            var other = OtherIdentifier.Classify(raw.OtherId);
            if (other.Kind == OtherIdentifierKind.ThaiCitizenNumber && string.IsNullOrWhiteSpace(raw.CitizenId))
            {
                // A Thai ID typed in the wrong column is still the person's ID.
                citizenId = Normalisation.CitizenId.Parse(other.Value);
            }
            else if (other.Value.Length > 0)
            {
                otherId = other.Value;
                if (other.Kind == OtherIdentifierKind.Unknown)
                {
                    problems.Add(new FieldProblem(FieldNames.OtherId, "otherId.unrecognised",
                        "เลขประจำตัวอื่นมีรูปแบบที่ไม่รู้จัก (เก็บไว้ตามที่เขียน)", "other identifier has an unknown format (kept as written)")
                    { Value = Shorten(raw.OtherId) });
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(raw.CitizenId))
        {
            var id = Normalisation.CitizenId.Parse(raw.CitizenId);
            if (id.Problem == CitizenIdProblem.NotDigits)
            {
                var other = OtherIdentifier.Classify(raw.CitizenId);
                if (other.Kind == OtherIdentifierKind.PassportLike && otherId is null)
                {
                    otherId = other.Value;
                    problems.Add(new FieldProblem(FieldNames.CitizenId, "citizenId.passportLike",
                        "ช่องเลขประจำตัวประชาชนมีตัวอักษร ดูเหมือนเลขหนังสือเดินทาง จึงย้ายไปเป็นเลขประจำตัวอื่น",
                        "the citizen ID field has letters and looks like a passport number: moved to the other identifier")
                    { Severity = FieldProblemSeverity.Dropped, Value = Shorten(raw.CitizenId) });
                }
                else
                {
                    problems.Add(new FieldProblem(FieldNames.CitizenId, "citizenId.notDigits",
                        "เลขประจำตัวประชาชนมีอักขระที่ไม่ใช่ตัวเลข (ไม่ใช้เทียบ)", "the citizen ID has characters that are not digits (not compared)")
                    { Severity = FieldProblemSeverity.Dropped, Value = Shorten(raw.CitizenId) });
                }
            }
            else
            {
                citizenId = id;
            }
        }

        if (citizenId is { } cid)
        {
            var problem = cid.Problem switch
            {
                CitizenIdProblem.WrongLength => new FieldProblem(FieldNames.CitizenId, "citizenId.wrongLength",
                    $"เลขประจำตัวประชาชนมี {cid.Digits.Length} หลัก ไม่ใช่ 13 (เก็บไว้แต่ไม่ใช้เทียบ)",
                    $"the citizen ID has {cid.Digits.Length} digits, not 13 (kept, not compared)"),
                CitizenIdProblem.StartsWithZero => new FieldProblem(FieldNames.CitizenId, "citizenId.startsWithZero",
                    "เลขประจำตัวขึ้นต้นด้วย 0: ออกให้ผู้ไม่มีสถานะทางทะเบียน (เก็บไว้และทำเครื่องหมาย)",
                    "the ID starts with 0: issued to people without Thai registration status (kept and flagged)"),
                CitizenIdProblem.BadCheckDigit => new FieldProblem(FieldNames.CitizenId, "citizenId.badCheckDigit",
                    "เลขตรวจสอบหลักที่ 13 ไม่ถูกต้อง อาจพิมพ์ผิด (เก็บไว้และทำเครื่องหมาย)",
                    "the check digit (13th) is wrong, probably a typo (kept and flagged)"),
                _ when OtherIdentifier.IsNonThaiStatus(cid) => new FieldProblem(FieldNames.CitizenId, "citizenId.nonThaiStatus",
                    "เลขขึ้นต้นด้วย 6 หรือ 7: บุคคลที่ไม่มีสัญชาติไทย", "the ID starts with 6 or 7: a person without Thai nationality"),
                _ => null,
            };
            if (problem is not null) problems.Add(problem with { Value = cid.Masked });
        }
        return (citizenId, otherId);
    }

    private static Sex ParseSexField(string? text, Sex hint, List<FieldProblem> problems)
    {
        var sex = ParseSex(text, out var recognised);
        if (!recognised)
        {
            problems.Add(new FieldProblem(FieldNames.Sex, "sex.unrecognised", "อ่านเพศไม่ได้ (ใช้คำนำหน้าแทน)", "unreadable sex (the title's hint is used)")
            { Severity = FieldProblemSeverity.Dropped, Value = Shorten(text) });
        }
        if (sex == Sex.Unknown) return hint;
        if (hint != Sex.Unknown && hint != sex)
        {
            problems.Add(new FieldProblem(FieldNames.Sex, "sex.conflictsWithTitle", "เพศไม่ตรงกับคำนำหน้า", "the sex does not match the title")
            { Value = Shorten(text) });
        }
        return sex;
    }

    private PartialDate? ParseBirthDate(string? text, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!ThaiDateParser.TryParse(text, convention, out var date, out var problem))
        {
            if (problem == DateProblem.Empty) return null;
            var (th, en) = DateMessages(problem);
            problems.Add(new FieldProblem(FieldNames.BirthDate, "birthDate." + CamelCase(problem.ToString()), th + " (ใช้ระเบียนโดยไม่มีวันเกิด)", en + " (linked without a birth date)")
            { Severity = FieldProblemSeverity.Dropped, Value = Shorten(text) });
            return null;
        }
        if (today is { } now)
        {
            var earliestPossible = new DateOnly(date.Year, date.Month ?? 1, date.Day ?? 1);
            if (earliestPossible > now)
            {
                problems.Add(new FieldProblem(FieldNames.BirthDate, "birthDate.inFuture",
                    "วันเกิดอยู่ในอนาคต (อาจสับสน พ.ศ. กับ ค.ศ.)", "the birth date is in the future (perhaps BE and CE confused)")
                { Severity = FieldProblemSeverity.Dropped, Value = Shorten(text) });
                return null;
            }
            if (now.Year - date.Year > 120)
            {
                problems.Add(new FieldProblem(FieldNames.BirthDate, "birthDate.tooOld",
                    "อายุเกิน 120 ปี (อาจสับสน พ.ศ. กับ ค.ศ.)", "older than 120 years (perhaps BE and CE confused)")
                { Value = Shorten(text) });
            }
        }
        return date;
    }

    /// <summary>Thai and English reasons for each <see cref="DateProblem"/>.</summary>
    public static (string Th, string En) DateMessages(DateProblem problem) => problem switch
    {
        DateProblem.Empty => ("ไม่มีวันเกิด", "no birth date"),
        DateProblem.MonthOutOfRange => ("วันเกิดผิด: เดือนเกิน 12", "impossible birth date: month above 12"),
        DateProblem.DayOutOfRange => ("วันเกิดผิด: วันที่เกิน 31", "impossible birth date: day above 31"),
        DateProblem.DayNotInMonth => ("วันเกิดผิด: เดือนนี้ไม่มีวันที่นี้", "impossible birth date: the month has no such day"),
        DateProblem.NotALeapYear => ("วันเกิดผิด: 29 กุมภาพันธ์ในปีที่ไม่ใช่ปีอธิกสุรทิน", "impossible birth date: 29 February in a common year"),
        DateProblem.YearOutOfRange => ("วันเกิดผิด: ปีอยู่นอกช่วงที่เป็นไปได้", "impossible birth date: year out of range"),
        _ => ("อ่านวันเกิดไม่ได้", "unreadable birth date"),
    };

    private AddressParts? ParseAddress(RawPerson raw, List<FieldProblem> problems)
    {
        var parsed = string.IsNullOrWhiteSpace(raw.Address) ? new ThaiAddress() : ThaiAddressParser.Parse(raw.Address);
        var subName = StripPrefix(Clean(raw.Subdistrict), SubdistrictPrefixes) ?? parsed.SubdistrictName;
        var districtName = StripPrefix(Clean(raw.District), DistrictPrefixes) ?? parsed.DistrictName;
        if (subName is null && districtName is null && gazetteer is not null && (parsed.Road ?? parsed.Soi) is not null)
        {
            // Place names without แขวง/เขต at the end of the road are only found by trying them against the gazetteer.
            parsed = ThaiAddressParser.Parse(raw.Address, gazetteer);
            (subName, districtName) = (parsed.SubdistrictName, parsed.DistrictName);
        }
        var postcode = Clean(raw.Postcode) ?? parsed.Postcode;
        var house = Clean(raw.HouseNumber) ?? parsed.HouseNumber;
        var moo = Clean(raw.Moo) ?? parsed.Moo;
        var soi = StripPrefix(Clean(raw.Soi), SoiPrefixes) ?? parsed.Soi;
        var road = StripPrefix(Clean(raw.Road), RoadPrefixes) ?? parsed.Road;
        if (house is null && moo is null && soi is null && road is null && subName is null && districtName is null && postcode is null) return null;

        if (postcode is not null && (postcode.Length != 5 || !postcode.All(char.IsAsciiDigit)))
        {
            problems.Add(new FieldProblem(FieldNames.Postcode, "address.badPostcode", "รหัสไปรษณีย์ไม่ใช่ตัวเลข 5 หลัก", "the postcode is not 5 digits")
            { Severity = FieldProblemSeverity.Dropped, Value = Shorten(postcode) });
            postcode = null;
        }

        string? districtCode = null, subCode = null;
        if (gazetteer is not null)
        {
            // An unknown place keeps its name (compared as text by the linkage) and is flagged, not dropped.
            var district = gazetteer.MatchDistrict(districtName);
            if (districtName is not null && district is null)
            {
                problems.Add(new FieldProblem(FieldNames.District, "address.districtUnknown",
                    "ไม่พบเขตนี้ในทะเบียนพื้นที่ (เก็บชื่อไว้ตามที่เขียน)", "district not found in the gazetteer (kept as written)")
                { Value = Shorten(districtName) });
            }
            var sub = gazetteer.MatchSubdistrict(subName, district?.Code, postcode);
            if (subName is not null && sub is null)
            {
                problems.Add(new FieldProblem(FieldNames.Subdistrict, "address.subdistrictUnknown",
                    (district is null ? "ไม่พบแขวงนี้ในทะเบียนพื้นที่" : "ไม่พบแขวงนี้ในเขตที่ระบุ") + " (เก็บชื่อไว้ตามที่เขียน)",
                    (district is null ? "subdistrict not found in the gazetteer" : "subdistrict not found in the given district") + " (kept as written)")
                { Value = Shorten(subName) });
            }
            else if (sub is not null && district is not null && sub.DistrictCode != district.Code)
            {
                problems.Add(new FieldProblem(FieldNames.Subdistrict, "address.subdistrictNotInDistrict",
                    "แขวงนี้ไม่อยู่ในเขตที่ระบุ", "the subdistrict is not in the given district") { Value = Shorten(subName) });
            }
            districtCode = district?.Code ?? sub?.DistrictCode;
            subCode = sub?.Code;
            if (sub?.Postcode is { } expected && postcode is not null && postcode != expected)
            {
                problems.Add(new FieldProblem(FieldNames.Postcode, "address.postcodeMismatch",
                    $"รหัสไปรษณีย์ไม่ตรงกับแขวง (ควรเป็น {expected})", $"the postcode does not match the subdistrict (expected {expected})")
                { Value = postcode });
            }
        }
        else
        {
            // Without a gazetteer only codes written as codes are kept.
            districtCode = districtName is { Length: 4 } d && d.All(char.IsAsciiDigit) ? d : null;
            subCode = subName is { Length: 6 } s && s.All(char.IsAsciiDigit) ? s : null;
        }

        return new AddressParts
        {
            HouseNumber = house,
            Moo = moo,
            Soi = soi,
            Road = road,
            SubdistrictCode = subCode,
            DistrictCode = districtCode,
            SubdistrictName = subName,
            DistrictName = districtName,
            Postcode = postcode,
        };
    }

    private static readonly string[] SubdistrictPrefixes = ["แขวง", "ตำบล", "ต."];
    private static readonly string[] DistrictPrefixes = ["เขต", "อำเภอ", "อ."];
    private static readonly string[] SoiPrefixes = ["ซอย", "ซ."];
    private static readonly string[] RoadPrefixes = ["ถนน", "ถ."];

    /// <summary>Digits only; +66 / 66 becomes 0; the first of several numbers; an extension (ต่อ, ext) dropped.</summary>
    private static string? ParsePhone(string? text, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normal = ThaiText.Normalise(text);
        var cut = normal.Length;
        foreach (var stop in (ReadOnlySpan<string>)[",", ";", "/", "ต่อ", "ext", "x"])
        {
            var at = normal.IndexOf(stop, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && at < cut) cut = at;
        }
        Span<char> digits = stackalloc char[16];
        var n = 0;
        var letters = false;
        foreach (var c in normal.AsSpan(0, cut))
        {
            if (char.IsAsciiDigit(c)) { if (n < digits.Length) digits[n++] = c; }
            else if (char.IsLetter(c)) letters = true;
        }
        var number = new string(digits[..n]);
        if (number.StartsWith("66", StringComparison.Ordinal) && number.Length is 10 or 11) number = "0" + number[2..];
        if (letters || number.Length is not (9 or 10) || number[0] != '0')
        {
            problems.Add(new FieldProblem(FieldNames.Phone, "phone.invalid", "หมายเลขโทรศัพท์ไม่ถูกต้อง (ต้องเป็น 9–10 หลัก ขึ้นต้นด้วย 0)",
                "invalid phone number (9–10 digits starting with 0 expected)")
            { Severity = FieldProblemSeverity.Dropped, Value = Shorten(text) });
            return null;
        }
        return number;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var t = ThaiText.Normalise(value).Trim(' ', ',', '-');
        return t.Length == 0 ? null : t;
    }

    private static string? StripPrefix(string? value, string[] prefixes)
    {
        if (value is null) return null;
        foreach (var p in prefixes)
        {
            if (value.StartsWith(p, StringComparison.Ordinal)) return Clean(value[p.Length..]);
        }
        return value;
    }

    private static bool HasDigit(string? s) => s is not null && s.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string? Shorten(string? value) => value is null ? null : value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>The field names used in <see cref="FieldProblem.Field"/> (the same words as the CLI's mapping file).</summary>
public static class FieldNames
{
    public const string Record = "record";
    public const string CitizenId = "citizenId";
    public const string OtherId = "otherId";
    public const string Title = "title";
    public const string Name = "name";
    public const string FamilyName = "familyName";
    public const string Sex = "sex";
    public const string BirthDate = "birthDate";
    public const string Postcode = "postcode";
    public const string District = "district";
    public const string Subdistrict = "subdistrict";
    public const string Phone = "phone";
}
