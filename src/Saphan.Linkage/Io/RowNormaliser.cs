using System.Text.RegularExpressions;
using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Io;

/// <summary>The raw text of one row's mapped fields (null when the column is absent or the cell empty).</summary>
public sealed class RawRow
{
    public string? RecordId, Title, GivenName, FamilyName, FullName, CitizenId, OtherId, Sex, BirthDate;
    public string? HouseNumber, Moo, Soi, Road, Subdistrict, District, Postcode, Address, Phone;
}

/// <summary>
/// Turns the raw fields of one agency row into a <see cref="LinkRecord"/>, using the shared Thai parsers
/// (names and titles, dates, citizen IDs). Field problems do not lose the row: the field is left out of the
/// comparison and the problem is reported.
/// </summary>
public static partial class RowNormaliser
{
    public static LinkRecord? Normalise(string source, RawRow raw, DateConvention convention, string file, long line, List<Reject> problems)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var recordId = raw.RecordId?.Trim();
        if (string.IsNullOrEmpty(recordId))
        {
            problems.Add(Reasons.NoRecordId(file, line));
            return null;
        }

        var name = raw.FullName is { Length: > 0 } full && raw.GivenName is null && raw.FamilyName is null
            ? ThaiName.Parse(full)
            : ThaiName.Parse(raw.Title, raw.GivenName, raw.FamilyName);

        CitizenId? citizenId = null;
        if (!string.IsNullOrWhiteSpace(raw.CitizenId))
        {
            var id = Normalisation.CitizenId.Parse(raw.CitizenId);
            if (id.Problem is CitizenIdProblem.WrongLength or CitizenIdProblem.NotDigits)
            {
                problems.Add(Reasons.BadCitizenId(file, line, recordId, id.Problem, raw.CitizenId));
            }
            citizenId = id;
        }

        PartialDate? birth = null;
        if (!string.IsNullOrWhiteSpace(raw.BirthDate))
        {
            if (ThaiDateParser.TryParse(raw.BirthDate, convention, out var date, out var problem)) birth = date;
            else if (problem != DateProblem.Empty) problems.Add(Reasons.BadDate(file, line, recordId, problem, raw.BirthDate));
        }

        var otherId = string.IsNullOrWhiteSpace(raw.OtherId) ? null : raw.OtherId.Trim();
        if (name.GivenName is null && name.FamilyName is null && citizenId is not { Digits.Length: 13 } && otherId is null)
        {
            problems.Add(Reasons.NoIdentity(file, line, recordId));
            return null;
        }

        var sex = ParseSex(raw.Sex);
        if (sex == Linkage.Sex.Unknown) sex = name.SexHint;

        return new LinkRecord
        {
            Source = source,
            RecordId = recordId,
            CitizenId = citizenId,
            OtherId = otherId,
            Title = name.Title,
            GivenName = name.GivenName,
            FamilyName = name.FamilyName,
            Sex = sex,
            BirthDate = birth,
            Address = ParseAddress(raw),
            Phone = string.IsNullOrWhiteSpace(raw.Phone) ? null : raw.Phone.Trim(),
        };
    }

    public static Sex ParseSex(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Linkage.Sex.Unknown;
        return text.Trim().ToLowerInvariant() switch
        {
            "ชาย" or "ช" or "ช." or "m" or "male" or "1" or "ผู้ชาย" => Linkage.Sex.Male,
            "หญิง" or "ญ" or "ญ." or "f" or "female" or "2" or "ผู้หญิง" => Linkage.Sex.Female,
            _ => Linkage.Sex.Unknown,
        };
    }

    /// <summary>
    /// Address parts from separate columns, or from one address cell.
    /// REVIEW: subdistrict and district names are kept as "name:" keys until the shared gazetteer
    /// (Normalisation/ThaiAddressParser) lands; 6- and 4-digit codes are used as they are.
    /// </summary>
    public static AddressParts? ParseAddress(RawRow raw)
    {
        string? house = raw.HouseNumber, moo = raw.Moo, soi = raw.Soi, road = raw.Road;
        string? sub = raw.Subdistrict, dist = raw.District, post = raw.Postcode;
        if (!string.IsNullOrWhiteSpace(raw.Address))
        {
            var text = ThaiText.Normalise(raw.Address);
            house ??= Match(HouseRegex(), text);
            moo ??= Match(MooRegex(), text);
            soi ??= Match(SoiRegex(), text);
            road ??= Match(RoadRegex(), text);
            sub ??= Match(SubdistrictRegex(), text);
            dist ??= Match(DistrictRegex(), text);
            post ??= Match(PostcodeRegex(), text);
        }
        if (house is null && sub is null && dist is null && post is null) return null;
        var districtKey = PlaceKey(dist, 4, DistrictPrefixes);
        var subKey = PlaceKey(sub, 6, SubdistrictPrefixes);
        if (subKey is not null && subKey.StartsWith("name:", StringComparison.Ordinal) && districtKey is not null)
        {
            // A subdistrict name is only unique within its district.
            subKey = districtKey + "/" + subKey;
        }
        return new AddressParts
        {
            HouseNumber = Clean(house),
            Moo = Clean(moo),
            Soi = Clean(soi),
            Road = Clean(road),
            SubdistrictCode = subKey,
            DistrictCode = districtKey,
            Postcode = Clean(post),
        };
    }

    private static readonly string[] SubdistrictPrefixes = ["แขวง", "ตำบล", "ต."];
    private static readonly string[] DistrictPrefixes = ["เขต", "อำเภอ", "อ."];

    private static string? PlaceKey(string? value, int codeLength, string[] prefixes)
    {
        var text = Clean(value);
        if (text is null) return null;
        if (text.Length == codeLength && text.All(char.IsAsciiDigit)) return text;
        foreach (var p in prefixes)
        {
            if (text.StartsWith(p, StringComparison.Ordinal))
            {
                text = text[p.Length..].Trim();
                break;
            }
        }
        return text.Length == 0 ? null : "name:" + text.Replace(" ", "", StringComparison.Ordinal);
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var t = ThaiText.Normalise(value);
        return t.Length == 0 ? null : t;
    }

    private static string? Match(Regex regex, string text)
    {
        var m = regex.Match(text);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^\s*(?:บ้านเลขที่\s*|เลขที่\s*)?(\d+(?:/\d+)?)")]
    private static partial Regex HouseRegex();

    [GeneratedRegex(@"(?:ม\.|หมู่(?:ที่)?)\s*(\d+)")]
    private static partial Regex MooRegex();

    [GeneratedRegex(@"(?:ซ\.|ซอย)\s*([^\s]+(?:\s\d+)?)")]
    private static partial Regex SoiRegex();

    [GeneratedRegex(@"(?:ถ\.|ถนน)\s*([^\s]+)")]
    private static partial Regex RoadRegex();

    [GeneratedRegex(@"(?:แขวง|ตำบล|ต\.)\s*([^\s]+)")]
    private static partial Regex SubdistrictRegex();

    [GeneratedRegex(@"(?:เขต|อำเภอ|อ\.)\s*([^\s]+)")]
    private static partial Regex DistrictRegex();

    [GeneratedRegex(@"\b(\d{5})\s*$")]
    private static partial Regex PostcodeRegex();
}
