using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;

namespace Saphan.Cli.Linkage;

/// <summary>
/// Which gazetteer <c>saphan link</c> matches place names with: <c>--gazetteer-dir</c>, else the mapping's "gazetteer",
/// else the repository's data/geography (the CLI normally runs from a checkout), else none.
/// </summary>
internal static class GazetteerChoice
{
    private const string None = "none";

    /// <summary>The gazetteer to use, or null for none. A folder that was named but lacks the files is an error.</summary>
    public static Gazetteer? Load(string? option, LinkageMapping mapping, TextWriter stderr)
    {
        if (option is not null)
        {
            if (string.Equals(option.Trim(), None, StringComparison.OrdinalIgnoreCase)) return null;
            return LoadNamed(Path.GetFullPath(option), "--gazetteer-dir");
        }
        if (mapping.WithoutGazetteer) return null;
        if (mapping.GazetteerFolder is { } named) return LoadNamed(named, "the mapping's \"gazetteer\"");
        if (RepositoryGeography() is { } found) return Gazetteer.LoadFolder(found);
        stderr.WriteLine("no gazetteer found (no Saphan.slnx above the current folder): place names are compared as text; use --gazetteer-dir");
        return null;
    }

    /// <summary>data/geography of the first folder above the current one (or above the program) holding Saphan.slnx.</summary>
    public static string? RepositoryGeography()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Saphan.slnx"))) continue;
                var geography = Path.Combine(dir.FullName, "data", "geography");
                if (Gazetteer.IsFolder(geography)) return geography;
                break;
            }
        }
        return null;
    }

    private static Gazetteer LoadNamed(string folder, string from) => Gazetteer.IsFolder(folder)
        ? Gazetteer.LoadFolder(folder)
        : throw new InvalidDataException($"{from} names {folder}, which does not hold {Gazetteer.DistrictsFile} and {Gazetteer.SubdistrictsFile}");
}
