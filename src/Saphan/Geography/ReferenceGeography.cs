using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Saphan.Storage;

namespace Saphan.Geography;

/// <summary>
/// The 50 districts, 180 subdistricts, 6 district groups and the BMA community points, loaded from the
/// reference files in data/ (copied into the assembly; provenance in data/*/PROVENANCE.md).
/// </summary>
public static class ReferenceGeography
{
    public static IReadOnlyList<DistrictGroup> Groups() =>
        Rows("bangkok_district_groups.csv").Select(r => new DistrictGroup(r["group_code"], r["group_name_th"], r["group_name_en"])).ToList();

    public static IReadOnlyList<District> Districts() =>
        Rows("bangkok_districts.csv").Select(r => new District(r["district_code"], r["name_th"], r["name_en_kongvut"], r["district_group_code"])).ToList();

    public static IReadOnlyList<Subdistrict> Subdistricts() =>
        Rows("bangkok_subdistricts.csv").Select(r => new Subdistrict(r["subdistrict_code"], r["name_th"], r["name_en"], r["district_code"], r["postcode"],
            Number(r["approx_centroid_lat"]), Number(r["approx_centroid_lon"]))).ToList();

    public static IReadOnlyList<Community> Communities() =>
        Rows("bma_communities_points_with_district.csv").Select((r, i) => new Community(i + 1, r["name"], TypeOf(r["type"]), r["district_code"],
            Number(r["lat"]) ?? 0, Number(r["lng"]) ?? 0)).ToList();

    /// <summary>Registered population per district (see data/geography/PROVENANCE.md); used to spread demo data realistically.</summary>
    public static IReadOnlyDictionary<string, int> PopulationByDistrict() =>
        Rows("district_population.csv").ToDictionary(r => r["dcode"], r => int.Parse(r["population"], CultureInfo.InvariantCulture));

    /// <summary>Loads the reference tables into an empty database; a database that has them is left as it is.</summary>
    public static async Task EnsureLoadedAsync(SaphanDb db, CancellationToken ct = default)
    {
        if (await db.Districts.AnyAsync(ct)) return;
        db.DistrictGroups.AddRange(Groups());
        db.Districts.AddRange(Districts());
        db.Subdistricts.AddRange(Subdistricts());
        db.Communities.AddRange(Communities());
        await db.SaveChangesAsync(ct);
    }

    public static CommunityType TypeOf(string thai) => thai.Trim() switch
    {
        "ชุมชนแออัด" => CommunityType.Crowded,
        "ชุมชนชานเมือง" => CommunityType.Suburban,
        "ชุมชนหมู่บ้านจัดสรร" => CommunityType.HousingEstate,
        "เคหะชุมชน" => CommunityType.NationalHousing,
        "ชุมชนเมือง" => CommunityType.Urban,
        "ชุมชนอาคารสูง" => CommunityType.HighRise,
        _ => throw new FormatException($"Unknown community type '{thai}'."),
    };

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    // The reference files are small, UTF-8, with a header row; a few community names are quoted because they contain commas.
    private static IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        var assembly = typeof(ReferenceGeography).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var header = reader.ReadLine()!.TrimStart('\uFEFF').Split(',');
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var cells = SplitCsvLine(line);
            yield return header.Select((h, i) => (h, v: i < cells.Count ? cells[i] : "")).ToDictionary(x => x.h, x => x.v);
        }
    }

    private static List<string> SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
