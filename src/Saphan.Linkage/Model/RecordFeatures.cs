namespace Saphan.Linkage.Model;

/// <summary>
/// A record's comparison-ready features, computed once when the record enters a <see cref="RecordTable"/>
/// (or once per probe in incremental matching), so that the pair loop does no parsing or allocation.
/// </summary>
public struct RecordFeatures
{
    /// <summary>Normalised given name (interned in the table), or null.</summary>
    public string? Given;
    public string? Family;

    /// <summary>Index of the name in the table's name dictionary; -1 when missing, -2 when unknown to the table.</summary>
    public int GivenId;
    public int FamilyId;
    public NameCodes GivenCodes;
    public NameCodes FamilyCodes;

    /// <summary>Birth date packed as year·10000 + month·100 + day, unknown parts 0; 0 when missing.</summary>
    public int BirthDate;

    /// <summary>The 13 digits of a Thai ID when it has 13 digits (even with a bad check digit: typos are what we compare).</summary>
    public string? CitizenId;
    public string? OtherId;
    public Sex Sex;

    /// <summary>Place ids from the table's place dictionary; 0 when missing, -1 when unknown to the table.</summary>
    public int Subdistrict;
    public int District;
    public string? House;
    public string? Phone;
    public int SourceIndex;
    public char GivenInitial;

    public static int PackDate(int year, int? month, int? day) => year * 10000 + (month ?? 0) * 100 + (day ?? 0);
}
