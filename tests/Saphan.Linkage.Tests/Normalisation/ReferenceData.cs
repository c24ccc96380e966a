using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

/// <summary>The foundation's reference gazetteer, read once from the repository (found by walking up to Saphan.slnx).</summary>
internal static class ReferenceData
{
    private static readonly Lazy<Gazetteer> Bangkok = new(LoadBangkok);

    public static Gazetteer BangkokGazetteer => Bangkok.Value;

    /// <summary>A fresh instance (nothing remembered from other tests).</summary>
    public static Gazetteer LoadBangkok()
    {
        var geography = Path.Combine(RepoRoot(), "data", "geography");
        return Gazetteer.LoadCsv(Path.Combine(geography, "bangkok_districts.csv"), Path.Combine(geography, "bangkok_subdistricts.csv"));
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Saphan.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Saphan.slnx not found above " + AppContext.BaseDirectory);
    }
}
