using static Saphan.Linkage.Model.ComparisonLevels;

namespace Saphan.Linkage.Model;

/// <summary>The comparison functions: which level each field of a pair hits. Symmetric in the pair order.</summary>
public static class Comparer
{
    public static ComparisonVector Compare(in RecordFeatures a, in RecordFeatures b) => new(ComparisonVector.Pack(
        CompareName(a.Given, a.GivenId, a.GivenCodes, b.Given, b.GivenId, b.GivenCodes),
        CompareName(a.Family, a.FamilyId, a.FamilyCodes, b.Family, b.FamilyId, b.FamilyCodes),
        CompareDate(a.BirthDate, b.BirthDate),
        CompareId(a.CitizenId, b.CitizenId),
        CompareId(a.OtherId, b.OtherId),
        CompareSex(a.Sex, b.Sex),
        CompareAddress(a, b),
        ComparePhone(a.Phone, b.Phone)));

    public static int CompareName(string? a, int idA, in NameCodes codesA, string? b, int idB, in NameCodes codesB)
    {
        if (a is null || b is null) return Missing;
        if (idA >= 0 && idA == idB) return NameExact;
        if (string.Equals(a, b, StringComparison.Ordinal)) return NameExact;
        if (NameKeys.AnyAgree(codesA, codesB)) return NamePhonetic;
        var jw = JaroWinkler.Similarity(a, b);
        return jw >= JaroWinklerHigh ? NameJaroWinklerHigh : jw >= JaroWinklerMid ? NameJaroWinklerMid : NameOther;
    }

    /// <summary>Convenience overload for two raw (normalised) names.</summary>
    public static int CompareName(string? a, string? b) =>
        CompareName(a, -1, NameKeys.Codes(a), b, -1, NameKeys.Codes(b));

    public static int CompareDate(int a, int b)
    {
        if (a == 0 || b == 0) return Missing;
        int ya = a / 10000, ma = a / 100 % 100, da = a % 100;
        int yb = b / 10000, mb = b / 100 % 100, db = b % 100;
        var yearGap = Math.Abs(ya - yb);
        var full = da != 0 && db != 0 && ma != 0 && mb != 0;
        if (full)
        {
            if (a == b) return DateExact;
            if (ma == mb && da == db && yearGap == 543) return DateEraShift;
            if (ya == yb && ma == db && da == mb) return DateDayMonthSwap;
            if (ya == yb && ma == mb) return DateSameYearMonth;
            return yearGap <= 1 ? DateYearWithinOne : DateOther;
        }
        // A partial date never reaches the full-date levels: a year alone says much less than a whole date.
        if (ya == yb && ma != 0 && ma == mb) return DateSameYearMonth;
        return yearGap <= 1 || yearGap == 543 ? DateYearWithinOne : DateOther;
    }

    public static int CompareId(string? a, string? b)
    {
        if (a is null || b is null) return Missing;
        if (a.Length != b.Length) return IdOther;
        var first = -1;
        var mismatches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) continue;
            if (++mismatches > 2) return IdOther;
            if (first < 0) first = i;
        }
        if (mismatches == 0) return IdExact;
        if (mismatches == 1) return IdOneDigit;
        return first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first] ? IdTransposed : IdOther;
    }

    public static int CompareSex(Sex a, Sex b)
    {
        if (a == Sex.Unknown || b == Sex.Unknown) return Missing;
        return a == b ? SexSame : SexDifferent;
    }

    public static int CompareAddress(in RecordFeatures a, in RecordFeatures b)
    {
        if (a.Subdistrict != 0 && b.Subdistrict != 0)
        {
            if (a.Subdistrict == b.Subdistrict && a.Subdistrict > 0)
            {
                return a.House is not null && string.Equals(a.House, b.House, StringComparison.Ordinal)
                    ? AddressSubdistrictHouse
                    : AddressSubdistrict;
            }
            return a.District > 0 && a.District == b.District ? AddressDistrict : AddressOther;
        }
        if (a.District != 0 && b.District != 0) return a.District > 0 && a.District == b.District ? AddressDistrict : AddressOther;
        return Missing;
    }

    public static int ComparePhone(string? a, string? b)
    {
        if (a is null || b is null) return Missing;
        return string.Equals(a, b, StringComparison.Ordinal) ? PhoneExact : PhoneOther;
    }
}
