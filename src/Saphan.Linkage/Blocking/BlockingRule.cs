using Saphan.Linkage.Model;

namespace Saphan.Linkage.Blocking;

/// <summary>Computes a record's blocking key for one rule; 0 means "no key" (the record is not blocked by this rule).</summary>
public delegate ulong BlockingKey(in RecordFeatures record);

/// <summary>
/// One blocking rule: records with the same non-zero key become candidate pairs. The candidate pairs of a run
/// are the union over all rules, so each rule only needs to catch the matches the others miss.
/// </summary>
public sealed class BlockingRule(string name, string description, BlockingKey key)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public BlockingKey Key { get; } = key;

    public override string ToString() => Name;
}

/// <summary>The default rules, each aimed at a kind of noise the others do not survive.</summary>
public static class BlockingRules
{
    /// <summary>Same 13-digit citizen ID (survives every name and date error).</summary>
    public static readonly BlockingRule CitizenId = new("citizen_id", "same citizen ID",
        (in RecordFeatures r) => r.CitizenId is null ? 0 : Mix(1, Hash(r.CitizenId)));

    /// <summary>Same other identifier (passport, alien card; FEBRL's social security number).</summary>
    public static readonly BlockingRule OtherId = new("other_id", "same other identifier",
        (in RecordFeatures r) => r.OtherId is null ? 0 : Mix(2, Hash(r.OtherId)));

    /// <summary>Same family-name sound key and birth year (survives given-name changes and ID typos).</summary>
    public static readonly BlockingRule FamilySoundBirthYear = new("family_sound+birth_year", "family-name sound key and birth year",
        (in RecordFeatures r) => r.FamilyCodes[0] == 0 || r.BirthDate == 0 ? 0 : Mix(3, (ulong)(uint)r.FamilyCodes[0] << 16 ^ (ulong)(r.BirthDate / 10000)));

    /// <summary>
    /// Same given-name sound key, month and day of birth, any year: survives surname change at marriage and the
    /// 543-year BE/CE confusion.
    /// </summary>
    public static readonly BlockingRule GivenSoundBirthDay = new("given_sound+birth_month_day", "given-name sound key and birth month/day (any year)",
        (in RecordFeatures r) => r.GivenCodes[0] == 0 || r.BirthDate % 100 == 0 || r.BirthDate / 100 % 100 == 0
            ? 0
            : Mix(4, (ulong)(uint)r.GivenCodes[0] << 16 ^ (ulong)(r.BirthDate % 10000)));

    /// <summary>Same given- and family-name sound keys (survives wrong or missing dates and IDs).</summary>
    public static readonly BlockingRule GivenFamilySound = new("given_sound+family_sound", "given- and family-name sound keys",
        (in RecordFeatures r) => r.GivenCodes[0] == 0 || r.FamilyCodes[0] == 0 ? 0 : Mix(5, (ulong)(uint)r.GivenCodes[0] << 32 | (uint)r.FamilyCodes[0]));

    /// <summary>Same given-name skeleton and birth date (survives a family-name change plus a vowel typo in the given name).</summary>
    public static readonly BlockingRule GivenSkeletonBirthDate = new("given_skeleton+birth_date", "given-name consonant skeleton and full birth date",
        (in RecordFeatures r) => r.GivenCodes[1] == 0 || r.BirthDate % 100 == 0 ? 0 : Mix(6, (ulong)(uint)r.GivenCodes[1] << 32 | (uint)r.BirthDate));

    /// <summary>Same subdistrict, house number and given-name initial (survives name misspellings when the address is kept).</summary>
    public static readonly BlockingRule HouseGivenInitial = new("subdistrict+house+given_initial", "subdistrict, house number and given-name initial",
        (in RecordFeatures r) => r.Subdistrict <= 0 || r.House is null || r.GivenInitial == '\0'
            ? 0
            : Mix(7, (ulong)(uint)r.Subdistrict << 32 ^ (ulong)(uint)Hash(r.House) ^ (ulong)r.GivenInitial << 48));

    /// <summary>Same phone number.</summary>
    public static readonly BlockingRule Phone = new("phone", "same phone number",
        (in RecordFeatures r) => r.Phone is null ? 0 : Mix(8, Hash(r.Phone)));

    public static IReadOnlyList<BlockingRule> Default { get; } =
        [CitizenId, OtherId, FamilySoundBirthYear, GivenSoundBirthDay, GivenFamilySound, GivenSkeletonBirthDate, HouseGivenInitial, Phone];

    public static BlockingRule? Find(string name) => Default.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static ulong Hash(string s)
    {
        var h = 14695981039346656037ul;
        foreach (var c in s) h = (h ^ c) * 1099511628211ul;
        return h;
    }

    // A SplitMix64 finaliser with the rule number folded in; never returns 0 (0 means "no key").
    private static ulong Mix(ulong rule, ulong value)
    {
        var z = value + rule * 0x9E3779B97F4A7C15ul;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ul;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBul;
        z ^= z >> 31;
        return z == 0 ? 1 : z;
    }
}
