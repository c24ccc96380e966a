using System.Collections.Frozen;

namespace Saphan.Geography;

/// <summary>
/// Names of Bangkok's districts (เขต) and subdistricts (แขวง) by code, in Thai or English, for showing. The reference
/// files are fixed (they are copied into the assembly and loaded into the database from there), so the names are read
/// once per process instead of by each page. A code that is not in them is shown as it is.
/// </summary>
public static class PlaceNames
{
    private static readonly Lazy<FrozenDictionary<string, (string Th, string En)>> Districts = new(() =>
        ReferenceGeography.Districts().ToFrozenDictionary(d => d.Code, d => (d.NameTh, d.NameEn), StringComparer.Ordinal));

    private static readonly Lazy<FrozenDictionary<string, Subdistrict>> SubdistrictsByCode = new(() =>
        ReferenceGeography.Subdistricts().ToFrozenDictionary(s => s.Code, StringComparer.Ordinal));

    /// <summary>The district's name ("ดุสิต" / "Dusit"); the code itself when unknown; "" for none.</summary>
    public static string District(string? code, bool thai) =>
        string.IsNullOrEmpty(code) ? "" : Districts.Value.TryGetValue(code, out var n) ? (thai ? n.Th : n.En) : code;

    /// <summary>The subdistrict's name ("วชิรพยาบาล" / "Wachiraphayaban"); the code itself when unknown; "" for none.</summary>
    public static string Subdistrict(string? code, bool thai) =>
        string.IsNullOrEmpty(code) ? "" : FindSubdistrict(code) is { } s ? (thai ? s.NameTh : s.NameEn) : code;

    /// <summary>The reference subdistrict (its district and postcode) for a code; null when the code is not one.</summary>
    public static Subdistrict? FindSubdistrict(string? code) => code is not null && SubdistrictsByCode.Value.TryGetValue(code, out var s) ? s : null;

    /// <summary>The subdistricts (แขวง) of one district, for a choice list, in Thai or English alphabetical order.</summary>
    public static IReadOnlyList<Subdistrict> SubdistrictsOf(string? districtCode, bool thai) =>
        SubdistrictsByCode.Value.Values.Where(s => s.DistrictCode == districtCode)
            .OrderBy(s => thai ? s.NameTh : s.NameEn, thai ? Localization.SaphanCultures.ThaiSort : StringComparer.OrdinalIgnoreCase).ToList();
}
