namespace Saphan.Geography;

/// <summary>
/// An address as people write it, from its parts: in Thai "12/3 หมู่ 4 ซอย 32 ถนนสุขุมวิท แขวงคลองตัน เขตคลองเตย 10110",
/// in English "12/3, Moo 4, Soi 32, สุขุมวิท Road, Khlong Tan, Khlong Toei 10110" (soi and road names stay as written:
/// there is no official romanisation of them). Place codes become names (<see cref="PlaceNames"/>); the district
/// follows from the subdistrict when only that is known. Agency files give soi and road with or without their word
/// (ซอย, ซ., ตรอก, ถนน, ถ.), so the word is taken off before it is put back once.
/// </summary>
public static class AddressText
{
    /// <summary>An address read from an agency row: a place the gazetteer did not know keeps the name it was written with.</summary>
    public static string Format(Saphan.Linkage.AddressParts address, bool thai)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Format(address.HouseNumber, address.Moo, address.Soi, address.Road, address.SubdistrictCode, address.DistrictCode, address.Postcode, thai,
            address.SubdistrictName, address.DistrictName);
    }

    public static string Format(string? houseNumber, string? moo, string? soi, string? road, string? subdistrictCode, string? districtCode,
        string? postcode, bool thai, string? subdistrictAsWritten = null, string? districtAsWritten = null)
    {
        var district = districtCode is { Length: > 0 } ? districtCode : subdistrictCode is { Length: 6 } s ? s[..4] : null;
        var subdistrictName = subdistrictCode is { Length: > 0 } ? PlaceNames.Subdistrict(subdistrictCode, thai) : Clean(subdistrictAsWritten) ?? "";
        var districtName = district is not null ? PlaceNames.District(district, thai) : Clean(districtAsWritten) ?? "";
        string?[] parts =
        [
            Clean(houseNumber),
            Word(moo, ["หมู่ที่", "หมู่", "ม."], thai ? "หมู่" : "Moo", before: true),
            Soi(soi, thai),
            thai ? Word(road, ["ถนน", "ถ."], "ถนน", before: true, joined: true) : Word(road, ["ถนน", "ถ."], "Road", before: false),
            Place(subdistrictName, thai ? "แขวง" : null),
            Place(districtName, thai ? "เขต" : null),
        ];
        var text = string.Join(thai ? " " : ", ", parts.Where(p => p is not null));
        var code = Clean(postcode);
        return code is null ? text : text.Length == 0 ? code : text + " " + code;
    }

    private static string? Soi(string? soi, bool thai)
    {
        var value = Clean(soi);
        if (value is null) return null;
        var trok = value.StartsWith("ตรอก", StringComparison.Ordinal);
        var name = Strip(value, trok ? ["ตรอก"] : ["ซอย", "ซ."]);
        if (name.Length == 0) return null;
        return thai ? (trok ? "ตรอก" : "ซอย") + Gap(name) + name : (trok ? "Trok " : "Soi ") + name;
    }

    private static string? Word(string? value, string[] prefixes, string word, bool before, bool joined = false)
    {
        var clean = Clean(value);
        if (clean is null) return null;
        var name = Strip(clean, prefixes);
        if (name.Length == 0) return null;
        return before ? word + (joined ? Gap(name) : " ") + name : name + " " + word;
    }

    private static string? Place(string name, string? word) => name.Length == 0 ? null : word is null ? name : word + Gap(name) + name;

    // Thai writes the word against a name (ซอยอารีย์, แขวงคลองตัน) and leaves a space before a number (ซอย 32).
    private static string Gap(string name) => char.IsAsciiDigit(name[0]) ? " " : "";

    private static string Strip(string value, string[] prefixes)
    {
        foreach (var p in prefixes)
            if (value.StartsWith(p, StringComparison.Ordinal)) return value[p.Length..].Trim();
        return value;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
