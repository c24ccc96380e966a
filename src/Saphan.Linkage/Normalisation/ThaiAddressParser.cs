namespace Saphan.Linkage.Normalisation;

/// <summary>
/// A Thai address split into its parts, with names as written (normalised) and, when a gazetteer matched them, DOPA codes.
/// </summary>
public sealed record ThaiAddress
{
    /// <summary>บ้านเลขที่: "12/3", "99/1-2".</summary>
    public string? HouseNumber { get; init; }

    /// <summary>หมู่ (village number), digits only.</summary>
    public string? Moo { get; init; }

    /// <summary>หมู่บ้าน (a housing estate's name), when given.</summary>
    public string? Village { get; init; }

    /// <summary>อาคาร / ชั้น / ห้อง and anything else that is not a known part.</summary>
    public string? Building { get; init; }

    /// <summary>ซอย without its prefix ("ลาดพร้าว 15"); a ตรอก keeps its word ("ตรอกสาเก").</summary>
    public string? Soi { get; init; }

    /// <summary>ถนน without its prefix ("พระราม 4").</summary>
    public string? Road { get; init; }

    /// <summary>แขวง / ตำบล without its prefix, as written.</summary>
    public string? SubdistrictName { get; init; }

    /// <summary>เขต / อำเภอ without its prefix, as written.</summary>
    public string? DistrictName { get; init; }

    /// <summary>"กรุงเทพมหานคร" for any of its spellings (กทม., กรุงเทพฯ, Bangkok); other provinces as written.</summary>
    public string? Province { get; init; }

    public string? Postcode { get; init; }

    /// <summary>DOPA 6-digit code, when the gazetteer matched the subdistrict.</summary>
    public string? SubdistrictCode { get; init; }

    /// <summary>DOPA 4-digit code, when the gazetteer matched the district (or the subdistrict implied it).</summary>
    public string? DistrictCode { get; init; }

    /// <summary>The parts for the linkage model.</summary>
    public AddressParts ToAddressParts() => new()
    {
        HouseNumber = HouseNumber,
        Moo = Moo,
        Soi = Soi,
        Road = Road,
        SubdistrictCode = SubdistrictCode,
        DistrictCode = DistrictCode,
        SubdistrictName = SubdistrictName,
        DistrictName = DistrictName,
        Postcode = Postcode,
    };
}

/// <summary>
/// Splits a one-cell Thai address ("12/3 หมู่ 4 ซ.ลาดพร้าว 15 ถ.ลาดพร้าว แขวงจอมพล เขตจตุจักร กทม. 10900"), glued or spaced,
/// full words or abbreviations, into a <see cref="ThaiAddress"/>; with a <see cref="Gazetteer"/>, the subdistrict and district are
/// matched to DOPA codes (the district is inferred from the subdistrict when it is missing).
/// </summary>
public static class ThaiAddressParser
{
    private enum Part { House, Moo, Village, Building, Soi, Trok, Road, Subdistrict, District, Province, Bangkok, Postcode }

    // Longest first where one is a prefix of another (หมู่บ้าน before หมู่, กรุงเทพมหานคร before กรุงเทพ).
    private static readonly (string Word, Part Part)[] Keywords =
    [
        ("บ้านเลขที่", Part.House), ("เลขที่", Part.House),
        ("หมู่บ้าน", Part.Village), ("ม.บ้าน", Part.Village),
        ("หมู่ที่", Part.Moo), ("หมู่", Part.Moo), ("ม.", Part.Moo),
        ("อาคาร", Part.Building), ("ชั้น", Part.Building), ("ห้อง", Part.Building),
        ("ซอย", Part.Soi), ("ซ.", Part.Soi), ("ตรอก", Part.Trok),
        ("ถนน", Part.Road), ("ถ.", Part.Road),
        ("แขวง", Part.Subdistrict), ("ตำบล", Part.Subdistrict), ("ต.", Part.Subdistrict),
        ("เขต", Part.District), ("อำเภอ", Part.District), ("อ.", Part.District),
        ("จังหวัด", Part.Province), ("จ.", Part.Province),
        ("กรุงเทพมหานคร", Part.Bangkok), ("กรุงเทพฯ", Part.Bangkok), ("กรุงเทพ", Part.Bangkok), ("กทม.", Part.Bangkok), ("กทม", Part.Bangkok),
        ("รหัสไปรษณีย์", Part.Postcode), ("ปณ.", Part.Postcode),
    ];

    // Keywords by first letter: the scan tries keywords at every position, so this keeps it to one lookup for most letters.
    private static readonly Dictionary<char, (string Word, Part Part)[]> KeywordsByFirstChar = Keywords
        .GroupBy(k => k.Word[0])
        .ToDictionary(g => g.Key, g => g.ToArray());

    private const string BangkokTh = "กรุงเทพมหานคร";

    /// <summary>Splits <paramref name="text"/>; never throws on content. Unknown words before the first keyword go to <see cref="ThaiAddress.Building"/>.</summary>
    public static ThaiAddress Parse(string? text, Gazetteer? gazetteer = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return new ThaiAddress();
        var normal = ThaiText.Normalise(text);
        var (withoutPostcode, postcode) = TakePostcode(normal);
        var english = TakeEnglishBangkok(ref withoutPostcode);

        var segments = new List<(Part Part, int Start, int End, int ValueStart)>();
        for (var i = 0; i < withoutPostcode.Length;)
        {
            if (TryKeyword(withoutPostcode, i, out var part, out var length) && !IsPartOfPlaceName(withoutPostcode, segments, i, part))
            {
                segments.Add((part, i, -1, i + length));
                i += length;
            }
            else
            {
                i++;
            }
        }

        string? house = null, moo = null, village = null, soi = null, road = null, sub = null, district = null, province = english;
        var building = new List<string>();

        var firstStart = segments.Count > 0 ? segments[0].Start : withoutPostcode.Length;
        var lead = withoutPostcode[..firstStart].Trim();
        if (lead.Length > 0)
        {
            var (number, rest) = SplitHouseNumber(lead);
            house = number;
            if (rest.Length > 0) building.Add(rest);
        }

        for (var s = 0; s < segments.Count; s++)
        {
            var end = s + 1 < segments.Count ? segments[s + 1].Start : withoutPostcode.Length;
            var value = withoutPostcode[segments[s].ValueStart..end].Trim(' ', ',', '.');
            switch (segments[s].Part)
            {
                case Part.House:
                    var (number, rest) = SplitHouseNumber(value);
                    house ??= number;
                    if (rest.Length > 0) building.Add(rest);
                    break;
                case Part.Moo:
                    var (mooNumber, mooRest) = LeadingDigits(value);
                    moo ??= mooNumber;
                    if (mooRest.Length > 0) building.Add(mooRest);
                    break;
                case Part.Village:
                    village ??= NullIfEmpty(value);
                    break;
                case Part.Building:
                    var word = withoutPostcode[segments[s].Start..segments[s].ValueStart];
                    building.Add(word + value);
                    break;
                case Part.Soi:
                    soi ??= NullIfEmpty(value);
                    break;
                case Part.Trok:
                    soi ??= value.Length == 0 ? null : "ตรอก" + value;
                    break;
                case Part.Road:
                    road ??= NullIfEmpty(value);
                    break;
                case Part.Subdistrict:
                    sub ??= NullIfEmpty(value);
                    break;
                case Part.District:
                    district ??= NullIfEmpty(value);
                    break;
                case Part.Province:
                    province ??= IsBangkok(value) ? BangkokTh : NullIfEmpty(value);
                    break;
                case Part.Bangkok:
                    province = BangkokTh;
                    // Text after กทม. that is not a postcode is kept, not lost.
                    if (value.Length > 0) building.Add(value);
                    break;
                case Part.Postcode:
                    var (code, _) = LeadingDigits(value);
                    postcode ??= code is { Length: 5 } ? code : null;
                    break;
            }
        }

        string? subCode = null, districtCode = null;
        if (gazetteer is not null)
        {
            if (district is null && sub is null) InferPlaceNames(gazetteer, ref road, ref soi, ref sub, ref district);
            var d = gazetteer.MatchDistrict(district);
            var sd = gazetteer.MatchSubdistrict(sub, d?.Code, postcode);
            districtCode = d?.Code ?? sd?.DistrictCode;
            subCode = sd?.Code;
        }

        return new ThaiAddress
        {
            HouseNumber = house,
            Moo = moo,
            Village = village,
            Building = building.Count == 0 ? null : string.Join(' ', building),
            Soi = soi,
            Road = road,
            SubdistrictName = sub,
            DistrictName = district,
            Province = province,
            Postcode = postcode,
            SubdistrictCode = subCode,
            DistrictCode = districtCode,
        };
    }

    /// <summary>
    /// "… ถ.พหลโยธิน ลาดยาว จตุจักร": without แขวง/เขต words, the last words of the road (or soi) are tried as
    /// district and subdistrict names, and taken off the road when they match.
    /// </summary>
    private static void InferPlaceNames(Gazetteer gazetteer, ref string? road, ref string? soi, ref string? sub, ref string? district)
    {
        ref var host = ref road;
        if (host is null) host = ref soi;
        if (host is null) return;
        var words = host.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2) return;
        var d = gazetteer.MatchDistrict(words[^1]);
        if (d is null) return;
        district = words[^1];
        var keep = words.Length - 1;
        if (words.Length >= 3 && gazetteer.MatchSubdistrict(words[^2], d.Code) is not null)
        {
            sub = words[^2];
            keep--;
        }
        host = string.Join(' ', words[..keep]);
    }

    /// <summary>
    /// Subdistrict names hold words that are keywords elsewhere (แขวงถนนพญาไท, แขวงคลองถนน, แขวงทุ่งสองห้อง). After แขวง or เขต,
    /// a keyword of a part written before them (house, moo, soi, road, building) only counts when it stands apart from a name
    /// already begun; otherwise it is part of the name.
    /// </summary>
    private static bool IsPartOfPlaceName(string text, List<(Part Part, int Start, int End, int ValueStart)> segments, int i, Part part)
    {
        if (segments.Count == 0 || segments[^1].Part is not (Part.Subdistrict or Part.District) || part > Part.Road) return false;
        var nameSoFar = text.AsSpan(segments[^1].ValueStart, i - segments[^1].ValueStart).Trim();
        return nameSoFar.IsEmpty || text[i - 1] is not (' ' or ',');
    }

    private static bool TryKeyword(string text, int i, out Part part, out int length)
    {
        part = default;
        length = 0;
        if (!KeywordsByFirstChar.TryGetValue(text[i], out var candidates)) return false;
        foreach (var (word, p) in candidates)
        {
            if (string.CompareOrdinal(text, i, word, 0, word.Length) != 0) continue;
            // One-letter abbreviations (ม. ซ. ถ. ต. อ. จ.) do not count in the middle of a longer dotted abbreviation (ร.พ.ต.).
            if (word.Length == 2 && word[1] == '.' && i > 0 && text[i - 1] == '.') continue;
            // A keyword followed by a vowel or tone mark is the start of another word (ชั้นนำ is fine, but หมู่ี is not หมู่).
            var end = i + word.Length;
            if (end < text.Length && ThaiText.IsThaiCombining(text[end]) && !word.EndsWith('.')) continue;
            part = p;
            length = word.Length;
            return true;
        }
        part = default;
        length = 0;
        return false;
    }

    /// <summary>Takes a 5-digit postcode at the end (or anywhere, standing alone) off the text.</summary>
    private static (string Remainder, string? Postcode) TakePostcode(string text)
    {
        var t = text.TrimEnd(' ', '.', ',');
        var i = t.Length;
        while (i > 0 && char.IsAsciiDigit(t[i - 1])) i--;
        if (t.Length - i == 5 && (i == 0 || !char.IsAsciiDigit(t[i - 1])) && (i == 0 || t[i - 1] != '/'))
        {
            return (t[..i].TrimEnd(' ', ','), t[i..]);
        }
        return (text, null);
    }

    private static string? TakeEnglishBangkok(ref string text)
    {
        foreach (var name in (ReadOnlySpan<string>)["Bangkok", "BKK"])
        {
            var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                text = (text[..at] + text[(at + name.Length)..]).Trim(' ', ',');
                return BangkokTh;
            }
        }
        return null;
    }

    private static bool IsBangkok(string value) =>
        value.StartsWith("กรุงเทพ", StringComparison.Ordinal) || value.StartsWith("กทม", StringComparison.Ordinal);

    /// <summary>"12/3" or "99/1-2" at the start; the rest (a building name) is returned apart.</summary>
    private static (string? Number, string Remainder) SplitHouseNumber(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || (i > 0 && text[i] is '/' or '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            i++;
        }
        if (i == 0) return (null, text.Trim());
        return (text[..i], text[i..].Trim(' ', ','));
    }

    private static (string? Digits, string Remainder) LeadingDigits(string text)
    {
        var t = text.TrimStart();
        var i = 0;
        while (i < t.Length && char.IsAsciiDigit(t[i])) i++;
        return i == 0 ? (null, t.Trim()) : (t[..i], t[i..].Trim(' ', ','));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
