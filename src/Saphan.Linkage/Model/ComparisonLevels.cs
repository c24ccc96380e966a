namespace Saphan.Linkage.Model;

/// <summary>The fields the model compares. The order is the order of the explanation.</summary>
public enum LinkField
{
    GivenName,
    FamilyName,
    BirthDate,
    CitizenId,
    OtherId,
    Sex,
    Address,
    Phone,
}

/// <summary>
/// Comparison levels. Every field uses level 0 for "missing on either side" (contributes weight 0) and
/// higher numbers for the better agreements listed per field in <see cref="ComparisonLevels"/>.
/// </summary>
public static class ComparisonLevels
{
    public const int FieldCount = 8;
    public const int MaxLevels = 6;
    public const byte Missing = 0;

    // Names
    public const byte NameExact = 1;
    public const byte NamePhonetic = 2;
    public const byte NameJaroWinklerHigh = 3;
    public const byte NameJaroWinklerMid = 4;
    public const byte NameOther = 5;

    // Date of birth
    public const byte DateExact = 1;
    public const byte DateEraShift = 2;
    public const byte DateDayMonthSwap = 3;
    public const byte DateSameYearMonth = 4;
    public const byte DateYearWithinOne = 5;
    public const byte DateOther = 6;

    // Identifiers
    public const byte IdExact = 1;
    public const byte IdOneDigit = 2;
    public const byte IdTransposed = 3;
    public const byte IdOther = 4;

    // Sex
    public const byte SexSame = 1;
    public const byte SexDifferent = 2;

    // Address
    public const byte AddressSubdistrictHouse = 1;
    public const byte AddressSubdistrict = 2;
    public const byte AddressDistrict = 3;
    public const byte AddressOther = 4;

    // Phone
    public const byte PhoneExact = 1;
    public const byte PhoneOther = 2;

    /// <summary>Jaro–Winkler bands on normalised names.</summary>
    public const double JaroWinklerHigh = 0.92;
    public const double JaroWinklerMid = 0.85;

    /// <summary>Number of levels of a field, counting "missing".</summary>
    public static int LevelCount(LinkField field) => field switch
    {
        LinkField.GivenName or LinkField.FamilyName => 6,
        LinkField.BirthDate => 7,
        LinkField.CitizenId or LinkField.OtherId => 5,
        LinkField.Sex => 3,
        LinkField.Address => 5,
        LinkField.Phone => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>A short English name of a level, for explanations and reports.</summary>
    public static string Describe(LinkField field, int level)
    {
        if (level == Missing) return "missing";
        return field switch
        {
            LinkField.GivenName or LinkField.FamilyName => level switch
            {
                NameExact => "exact",
                NamePhonetic => "phonetic",
                NameJaroWinklerHigh => "jw>=0.92",
                NameJaroWinklerMid => "jw>=0.85",
                _ => "different",
            },
            LinkField.BirthDate => level switch
            {
                DateExact => "exact",
                DateEraShift => "year+-543",
                DateDayMonthSwap => "day/month swapped",
                DateSameYearMonth => "same year and month",
                DateYearWithinOne => "year+-1",
                _ => "different",
            },
            LinkField.CitizenId or LinkField.OtherId => level switch
            {
                IdExact => "exact",
                IdOneDigit => "one digit off",
                IdTransposed => "adjacent digits transposed",
                _ => "different",
            },
            LinkField.Sex => level == SexSame ? "same" : "different",
            LinkField.Address => level switch
            {
                AddressSubdistrictHouse => "same subdistrict and house number",
                AddressSubdistrict => "same subdistrict",
                AddressDistrict => "same district",
                _ => "different",
            },
            LinkField.Phone => level == PhoneExact ? "exact" : "different",
            _ => level.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>
/// The level hit by each field for one pair, packed 3 bits per field into an int (so a pair is 4 bytes
/// and patterns can be counted in a dictionary for expectation–maximisation).
/// </summary>
public readonly record struct ComparisonVector(int Packed)
{
    public int this[LinkField field] => (Packed >> (3 * (int)field)) & 7;

    public int Level(int field) => (Packed >> (3 * field)) & 7;

    public static int Pack(int given, int family, int date, int id, int other, int sex, int address, int phone) =>
        given | family << 3 | date << 6 | id << 9 | other << 12 | sex << 15 | address << 18 | phone << 21;

    public override string ToString()
    {
        var parts = new string[ComparisonLevels.FieldCount];
        for (var f = 0; f < ComparisonLevels.FieldCount; f++)
        {
            parts[f] = $"{(LinkField)f}={ComparisonLevels.Describe((LinkField)f, Level(f))}";
        }
        return string.Join(", ", parts);
    }
}
