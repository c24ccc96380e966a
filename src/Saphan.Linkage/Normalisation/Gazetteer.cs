using System.Collections.Concurrent;

namespace Saphan.Linkage.Normalisation;

/// <summary>A district (เขต / อำเภอ) with its 4-digit DOPA code.</summary>
public sealed record GazetteerDistrict(string Code, string NameTh, string NameEn, string? Postcode = null);

/// <summary>A subdistrict (แขวง / ตำบล) with its 6-digit DOPA code, its district's code and its postcode.</summary>
public sealed record GazetteerSubdistrict(string Code, string NameTh, string NameEn, string DistrictCode, string? Postcode = null);

/// <summary>
/// Matches district and subdistrict names as agencies write them to DOPA codes: with or without the prefix
/// (เขต, แขวง, อำเภอ, ตำบล, อ., ต.), in Thai or English, after normalisation, and tolerant to small spelling
/// variants (ราษฎร์บูรณะ / ราษฏร์บูรณะ / ราษฎร์บูรณ). The lists come from the caller (the foundation's reference CSVs).
/// </summary>
/// <remarks>
/// Order of evaluation: exact comparison key, then the closest name within edit distance 1 (2 for names of 8 letters or more)
/// if it is the only one that close. A subdistrict is searched within its district when the district is known, because
/// subdistrict names repeat across districts (บางจาก, บางมด). Thread-safe after construction.
/// </remarks>
public sealed class Gazetteer
{
    private static readonly string[] DistrictPrefixes = ["เขต", "อำเภอ", "อ.", "khet", "amphoe", "district"];
    private static readonly string[] SubdistrictPrefixes = ["แขวง", "ตำบล", "ต.", "khwaeng", "tambon", "subdistrict"];

    private readonly List<GazetteerDistrict> districts;
    private readonly List<GazetteerSubdistrict> subdistricts;
    private readonly Dictionary<string, GazetteerDistrict> districtsByCode;
    private readonly Dictionary<string, GazetteerSubdistrict> subdistrictsByCode;
    private readonly (string Key, GazetteerDistrict Entry)[] districtKeys;
    private readonly (string Key, GazetteerSubdistrict Entry)[] subdistrictKeys;
    private readonly Dictionary<string, GazetteerDistrict[]> districtsByKey;
    private readonly Dictionary<string, GazetteerSubdistrict[]> subdistrictsByKey;

    // Agency files repeat a few hundred spellings a million times: answers are remembered, up to a bound so that a file of
    // junk cannot grow memory without limit.
    private const int RememberedLimit = 100_000;
    private readonly ConcurrentDictionary<string, GazetteerDistrict?> districtAnswers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string? DistrictCode, string? Postcode), GazetteerSubdistrict?> subdistrictAnswers = new();
    private int remembered;

    public Gazetteer(IEnumerable<GazetteerDistrict> districts, IEnumerable<GazetteerSubdistrict> subdistricts)
    {
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(subdistricts);
        this.districts = [.. districts];
        this.subdistricts = [.. subdistricts];
        districtsByCode = this.districts.ToDictionary(d => d.Code, StringComparer.Ordinal);
        subdistrictsByCode = this.subdistricts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        districtKeys = [.. this.districts.SelectMany(d => new[] { (Key(d.NameTh, DistrictPrefixes), d), (Key(d.NameEn, DistrictPrefixes), d) })];
        subdistrictKeys = [.. this.subdistricts.SelectMany(s => new[] { (Key(s.NameTh, SubdistrictPrefixes), s), (Key(s.NameEn, SubdistrictPrefixes), s) })];
        districtsByKey = ByKey(districtKeys);
        subdistrictsByKey = ByKey(subdistrictKeys);
    }

    public IReadOnlyList<GazetteerDistrict> Districts => districts;

    public IReadOnlyList<GazetteerSubdistrict> Subdistricts => subdistricts;

    /// <summary>
    /// Reads the foundation's reference files (<c>data/geography/bangkok_districts.csv</c> and <c>bangkok_subdistricts.csv</c>):
    /// columns district_code, name_th, name_en, postcodes; and subdistrict_code, name_th, name_en, district_code, postcode.
    /// </summary>
    public static Gazetteer LoadCsv(string districtsPath, string subdistrictsPath)
    {
        var districtRows = ReadCsv(districtsPath);
        var subdistrictRows = ReadCsv(subdistrictsPath);
        var districts = districtRows.Select(r => new GazetteerDistrict(
            r["district_code"], r["name_th"], r["name_en"],
            r.GetValueOrDefault("postcodes") is { Length: > 0 } p ? p.Split(';')[0] : null));
        var subdistricts = subdistrictRows.Select(r => new GazetteerSubdistrict(
            r["subdistrict_code"], r["name_th"], r["name_en"], r["district_code"],
            r.GetValueOrDefault("postcode") is { Length: > 0 } p ? p : null));
        return new Gazetteer(districts, subdistricts);
    }

    /// <summary>The file names <see cref="LoadFolder"/> reads.</summary>
    public const string DistrictsFile = "bangkok_districts.csv", SubdistrictsFile = "bangkok_subdistricts.csv";

    /// <summary><see cref="LoadCsv"/> of <see cref="DistrictsFile"/> and <see cref="SubdistrictsFile"/> in <paramref name="folder"/> (the repository's data/geography).</summary>
    public static Gazetteer LoadFolder(string folder) =>
        LoadCsv(Path.Combine(folder, DistrictsFile), Path.Combine(folder, SubdistrictsFile));

    /// <summary>True when <paramref name="folder"/> holds both files.</summary>
    public static bool IsFolder(string folder) =>
        File.Exists(Path.Combine(folder, DistrictsFile)) && File.Exists(Path.Combine(folder, SubdistrictsFile));

    public GazetteerDistrict? DistrictByCode(string code) => districtsByCode.GetValueOrDefault(code);

    public GazetteerSubdistrict? SubdistrictByCode(string code) => subdistrictsByCode.GetValueOrDefault(code);

    /// <summary>"เขตจตุจักร", "จตุจักร", "อ.จตุจักร", "Chatuchak", a 4-digit code; null when unknown or ambiguous.</summary>
    public GazetteerDistrict? MatchDistrict(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        if (districtAnswers.TryGetValue(name, out var known)) return known;
        return Remember(districtAnswers, name, FindDistrict(name));
    }

    private GazetteerDistrict? FindDistrict(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 4 && trimmed.All(char.IsAsciiDigit)) return DistrictByCode(trimmed);
        return Best(districtsByKey, districtKeys, Key(trimmed, DistrictPrefixes), static _ => true);
    }

    /// <summary>
    /// "แขวงลาดยาว", "ลาดยาว", "ต.ลาดยาว", "Lat Yao", a 6-digit code. Searched within <paramref name="districtCode"/> when given;
    /// without it a name shared by several districts is ambiguous unless <paramref name="postcode"/> tells them apart.
    /// </summary>
    public GazetteerSubdistrict? MatchSubdistrict(string? name, string? districtCode = null, string? postcode = null)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var question = (name, districtCode, postcode);
        if (subdistrictAnswers.TryGetValue(question, out var known)) return known;
        return Remember(subdistrictAnswers, question, FindSubdistrict(name, districtCode, postcode));
    }

    private T? Remember<TKey, T>(ConcurrentDictionary<TKey, T?> answers, TKey question, T? answer) where TKey : notnull where T : class
    {
        if (Volatile.Read(ref remembered) < RememberedLimit && Interlocked.Increment(ref remembered) <= RememberedLimit) answers.TryAdd(question, answer);
        return answer;
    }

    private GazetteerSubdistrict? FindSubdistrict(string name, string? districtCode, string? postcode)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 6 && trimmed.All(char.IsAsciiDigit)) return SubdistrictByCode(trimmed);
        var key = Key(trimmed, SubdistrictPrefixes);
        if (districtCode is not null)
        {
            var inDistrict = Best(subdistrictsByKey, subdistrictKeys, key, s => s.DistrictCode == districtCode);
            if (inDistrict is not null) return inDistrict;
        }
        if (postcode is not null)
        {
            var byPostcode = Best(subdistrictsByKey, subdistrictKeys, key, s => s.Postcode == postcode);
            if (byPostcode is not null) return byPostcode;
        }
        return Best(subdistrictsByKey, subdistrictKeys, key, static _ => true);
    }

    /// <summary>The comparison key of a place name without its prefix: เขตราษฎร์บูรณะ → ราษฎบูรณะ; "Rat Burana" → RATBURANA.</summary>
    internal static string Key(string name, string[] prefixes)
    {
        var text = ThaiText.Normalise(name);
        foreach (var prefix in prefixes)
        {
            if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..].TrimStart();
                break;
            }
        }
        return ThaiText.ComparisonKey(text);
    }

    private static Dictionary<string, T[]> ByKey<T>((string Key, T Entry)[] keys) where T : class =>
        keys.Where(k => k.Key.Length > 0)
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(k => k.Entry).Distinct().ToArray(), StringComparer.Ordinal);

    private static T? Best<T>(Dictionary<string, T[]> byKey, (string Key, T Entry)[] keys, string key, Func<T, bool> filter) where T : class
    {
        if (key.Length == 0) return null;
        if (byKey.TryGetValue(key, out var same))
        {
            T? exact = null;
            foreach (var entry in same)
            {
                if (!filter(entry)) continue;
                if (exact is not null) return null; // the same name twice: ambiguous
                exact = entry;
            }
            if (exact is not null) return exact;
        }

        // Small spelling variants: the one closest name, if no other is as close.
        var limit = key.Length >= 8 ? 2 : 1;
        T? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var (k, entry) in keys)
        {
            if (!filter(entry) || Math.Abs(k.Length - key.Length) > limit) continue;
            var d = EditDistance(k, key, limit);
            if (d > limit) continue;
            if (d < bestDistance)
            {
                best = entry;
                bestDistance = d;
                tie = false;
            }
            else if (d == bestDistance && !ReferenceEquals(best, entry))
            {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /// <summary>Levenshtein distance, stopping early once it must exceed <paramref name="limit"/>.</summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return limit + 1;
            current.CopyTo(previous);
        }
        return previous[b.Length];
    }

    /// <summary>A small reader for the reference CSVs: a header row, commas, double-quoted fields with "" escapes, UTF-8 with or without BOM.</summary>
    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            var fields = SplitCsvLine(line.TrimStart('\uFEFF'));
            if (header is null)
            {
                header = fields;
                continue;
            }
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < fields.Length; i++) row[header[i]] = fields[i];
            rows.Add(row);
        }
        return rows;
    }

    private static string[] SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
