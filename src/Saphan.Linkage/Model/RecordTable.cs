using System.Runtime.InteropServices;
using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Model;

/// <summary>
/// All records of a linkage run as comparison-ready features in one growable array, with the name and place
/// dictionaries that make exact comparison an integer test and give the term frequencies of names.
/// Records are referred to by their index (an int) everywhere else.
/// </summary>
/// <remarks>Not thread-safe while records are added; read-only use afterwards is safe from many threads.</remarks>
public sealed class RecordTable
{
    private RecordFeatures[] features;
    private string[] recordIds;
    private readonly List<string> sources = [];
    private readonly Dictionary<string, int> sourceIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> nameIndex = new(StringComparer.Ordinal);
    private readonly List<string> names = [];
    private readonly List<NameCodes> nameCodes = [];
    private int[] givenCounts = new int[1024];
    private int[] familyCounts = new int[1024];
    private readonly Dictionary<string, int> placeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);

    public RecordTable(int capacity = 1024)
    {
        features = new RecordFeatures[Math.Max(16, capacity)];
        recordIds = new string[features.Length];
    }

    public int Count { get; private set; }

    public IReadOnlyList<string> Sources => sources;

    public ref readonly RecordFeatures this[int index] => ref features[index];

    /// <summary>The features as a span (for the pair loop).</summary>
    public ReadOnlySpan<RecordFeatures> Features => features.AsSpan(0, Count);

    public string SourceOf(int index) => sources[features[index].SourceIndex];

    public string RecordIdOf(int index) => recordIds[index];

    public string NameOf(int nameId) => names[nameId];

    /// <summary>How many records carry this given name (term frequency numerator).</summary>
    public int GivenCount(int nameId) => nameId >= 0 ? givenCounts[nameId] : 0;

    public int FamilyCount(int nameId) => nameId >= 0 ? familyCounts[nameId] : 0;

    /// <summary>Adds a record and returns its index.</summary>
    public int Add(LinkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Count == features.Length)
        {
            var size = features.Length * 2;
            Array.Resize(ref features, size);
            Array.Resize(ref recordIds, size);
        }
        var f = Featurise(record, addToDictionaries: true);
        if (f.GivenId >= 0) givenCounts[f.GivenId]++;
        if (f.FamilyId >= 0) familyCounts[f.FamilyId]++;
        features[Count] = f;
        recordIds[Count] = record.RecordId;
        return Count++;
    }

    /// <summary>Features of a record that is not (yet) in the table, e.g. a probe in incremental matching. Thread-safe.</summary>
    public RecordFeatures Probe(LinkRecord record) => Featurise(record, addToDictionaries: false);

    private RecordFeatures Featurise(LinkRecord record, bool addToDictionaries)
    {
        var f = new RecordFeatures
        {
            SourceIndex = SourceId(record.Source, addToDictionaries),
            BirthDate = record.BirthDate is { } d ? RecordFeatures.PackDate(d.Year, d.Month, d.Day) : 0,
            CitizenId = record.CitizenId is { } id && id.Digits.Length == 13 ? Intern(id.Digits, addToDictionaries) : null,
            OtherId = DigitsOrText(record.OtherId),
            Sex = record.Sex,
            Phone = PhoneKey(record.Phone),
        };
        var given = NameKeys.Normalise(record.GivenName);
        var family = NameKeys.Normalise(record.FamilyName);
        (f.Given, f.GivenId, f.GivenCodes) = Name(given, addToDictionaries);
        (f.Family, f.FamilyId, f.FamilyCodes) = Name(family, addToDictionaries);
        f.GivenInitial = NameKeys.Initial(f.Given);
        if (record.Address is { } address)
        {
            var district = PlaceKey(address.DistrictCode, address.DistrictName, null);
            f.District = Place("d:", district, addToDictionaries);
            f.Subdistrict = Place("s:", PlaceKey(address.SubdistrictCode, address.SubdistrictName, district), addToDictionaries);
            var house = HouseKey(address.HouseNumber);
            f.House = house is null ? null : Intern(house, addToDictionaries);
        }
        return f;
    }

    private int SourceId(string source, bool add)
    {
        if (sourceIndex.TryGetValue(source, out var i)) return i;
        if (!add) return -1;
        sources.Add(source);
        sourceIndex[source] = sources.Count - 1;
        return sources.Count - 1;
    }

    private (string?, int, NameCodes) Name(string? normalised, bool add)
    {
        if (normalised is null) return (null, -1, default);
        if (nameIndex.TryGetValue(normalised, out var id)) return (names[id], id, nameCodes[id]);
        var codes = NameKeys.Codes(normalised);
        if (!add) return (normalised, -2, codes);
        id = names.Count;
        names.Add(normalised);
        nameCodes.Add(codes);
        nameIndex[normalised] = id;
        if (id == givenCounts.Length)
        {
            Array.Resize(ref givenCounts, id * 2);
            Array.Resize(ref familyCounts, id * 2);
        }
        return (normalised, id, codes);
    }

    /// <summary>
    /// The DOPA code when the gazetteer matched the place; else the name's comparison key, a subdistrict's within its
    /// district (a subdistrict name is only unique there); null when neither is known.
    /// </summary>
    private static string? PlaceKey(string? code, string? name, string? withinDistrict)
    {
        if (!string.IsNullOrWhiteSpace(code)) return code.Trim();
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = "name:" + ThaiText.ComparisonKey(name);
        return withinDistrict is null ? key : withinDistrict + "/" + key;
    }

    private int Place(string kind, string? code, bool add)
    {
        if (string.IsNullOrWhiteSpace(code)) return 0;
        var key = kind + code;
        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(placeIndex, key);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slot)) return slot;
        if (!add) return -1;
        var id = placeIndex.Count + 1;
        placeIndex[key] = id;
        return id;
    }

    private string Intern(string value, bool add)
    {
        if (strings.TryGetValue(value, out var interned)) return interned;
        if (add) strings[value] = value;
        return value;
    }

    private static string? DigitsOrText(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var id = CitizenId.Parse(value);
        return id.Problem == CitizenIdProblem.NotDigits ? value.Trim().ToUpperInvariant() : id.Digits;
    }

    /// <summary>Phones compared on their last nine digits, so +66 8x… and 08x… agree.</summary>
    internal static string? PhoneKey(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        Span<char> digits = stackalloc char[Math.Min(phone.Length, 32)];
        var n = 0;
        foreach (var c in phone)
        {
            if (n == digits.Length) break;
            if (c is >= '0' and <= '9') digits[n++] = c;
            else if (c is >= '๐' and <= '๙') digits[n++] = (char)('0' + (c - '๐'));
        }
        if (n < 8) return null;
        return new string(digits[Math.Max(0, n - 9)..n]);
    }

    internal static string? HouseKey(string? house)
    {
        if (string.IsNullOrWhiteSpace(house)) return null;
        Span<char> buffer = stackalloc char[Math.Min(house.Length, 32)];
        var n = 0;
        foreach (var c in house)
        {
            if (n == buffer.Length) break;
            if (char.IsWhiteSpace(c)) continue;
            buffer[n++] = c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : char.ToLowerInvariant(c);
        }
        return n == 0 ? null : new string(buffer[..n]);
    }
}
