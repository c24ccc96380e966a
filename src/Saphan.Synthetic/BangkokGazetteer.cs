using System.Globalization;

namespace Saphan.Synthetic;

/// <summary>A Bangkok subdistrict (แขวง) with its district (เขต), from data/geography/bangkok_subdistricts.csv.</summary>
public sealed record BangkokSubdistrict(string Code, string Name, string DistrictCode, string DistrictName, string Postcode);

/// <summary>The 180 Bangkok subdistricts, embedded in this assembly; where synthetic people live.</summary>
public static class BangkokGazetteer
{
    private static readonly Lazy<BangkokSubdistrict[]> all = new(Load);

    public static IReadOnlyList<BangkokSubdistrict> Subdistricts => all.Value;

    private static BangkokSubdistrict[] Load()
    {
        var assembly = typeof(BangkokGazetteer).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("bangkok_subdistricts.csv", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        reader.ReadLine();
        var list = new List<BangkokSubdistrict>();
        while (reader.ReadLine() is { } line)
        {
            // The file has no quoted fields (checked when it was added); a plain split is enough.
            var f = line.Split(',');
            if (f.Length < 7) continue;
            list.Add(new BangkokSubdistrict(f[0], f[1], f[3], f[4], f[6]));
        }
        return [.. list.OrderBy(s => s.Code, StringComparer.Ordinal)];
    }

    internal static string Code(int value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
